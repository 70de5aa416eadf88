/** What "Kiểm tra tính toàn vẹn" found: all intact, or the first entry altered or removed. */
import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'
import type { IntegrityReport } from '../../../shared/ipc/oplog'
import { formatDateTime } from '../../components/format'

export function IntegrityResult({ report }: { report: IntegrityReport }) {
  const { t, i18n } = useTranslation()
  if (report.ok) return <Alert type="success" showIcon message={t('oplog.integrity.ok', { count: report.count })} />
  const when = report.at ? formatDateTime(report.at, i18n.language) : ''
  const what = report.action ? t(`oplog.actions.${report.action}`, { defaultValue: report.action }) : ''
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={t(`oplog.integrity.${report.problem}`, { seq: report.seq, at: when, action: what })}
      description={t('oplog.integrity.advice')}
    />
  )
}
