/** The running audio job: what it is, how far it got, and a cancel button. */
import { Alert, Button, Progress, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AudioJob } from './useAudioJob'

export function JobProgress({ job }: { job: AudioJob }) {
  const { t } = useTranslation()
  if (job.problem) return <Alert type="error" showIcon message={t(job.problem)} />
  if (!job.label) return null
  return (
    <Space style={{ width: '100%' }} aria-label={t('editor.job.running')}>
      <span>{t(job.label)}</span>
      <Progress
        percent={Math.round(job.progress * 100)}
        style={{ width: 240, margin: 0 }}
        aria-label={t('editor.job.progress')}
      />
      <Button onClick={job.cancel}>{t('editor.job.cancel')}</Button>
    </Space>
  )
}
