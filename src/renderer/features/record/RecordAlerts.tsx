/**
 * What the Record screen has to say: a lost host (at once, with how much is not saved yet), a
 * problem with the take, or a microphone that cannot be opened.
 */
import { Alert, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import type { RecorderStatus } from './recorder'
import type { RecordProblem } from './useRecording'

export interface RecordAlertsProps {
  status: RecorderStatus | null
  problem: RecordProblem | null
  microphoneProblem: string | null
  onCloseProblem: () => void
}

/** Seconds as the officer reads them: "12" or "0,6" in Vietnamese, "0.6" in English. */
export function formatSeconds(seconds: number, language: string): string {
  const locale = language === 'en' ? 'en-GB' : 'vi-VN'
  return new Intl.NumberFormat(locale, { maximumFractionDigits: seconds < 10 ? 1 : 0 }).format(seconds)
}

export function RecordAlerts({ status, problem, microphoneProblem, onCloseProblem }: RecordAlertsProps) {
  const { t, i18n } = useTranslation()
  const seconds = (s: number | undefined) => formatSeconds(s ?? 0, i18n.language)
  const lostAt = status?.hostLostAt ?? null
  const isWaiting = status?.phase === 'stopping'
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {lostAt !== null && status && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          message={t('record.hostLost', { seconds: seconds(lostAt / status.sampleRate) })}
          description={t(isWaiting ? 'record.hostLostStopping' : 'record.hostLostKeeping')}
        />
      )}
      {microphoneProblem && !problem && <Alert type="error" showIcon message={t(microphoneProblem)} role="alert" />}
      {problem && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={onCloseProblem}
          role="alert"
          message={t(problem.key, { seconds: seconds(problem.seconds), min: seconds(problem.min) })}
        />
      )}
    </Space>
  )
}
