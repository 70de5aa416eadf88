/**
 * The bulletin's total length, live, against the time limit of the session (buổi phát) it is made
 * for: the session's booked length, at most the station policy's maximum minutes per session.
 */
import { Alert, Progress, Select, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDuration } from '../../components/format'
import type { SessionLimit } from './part-sources'

export interface DurationSummaryProps {
  totalMs: number
  limitMin: number
  sessions: readonly SessionLimit[]
  sessionId: string | null
  onSession: (session: SessionLimit) => void
}

/** 75_430 ms → "01:15,4" (tenths: gaps and crossfades are often under a second). */
export const formatTenths = (ms: number): string => formatDuration(ms)

export function DurationSummary({ totalMs, limitMin, sessions, sessionId, onSession }: DurationSummaryProps) {
  const { t } = useTranslation()
  const limitMs = limitMin * 60_000
  const isOver = totalMs > limitMs
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap size="large" align="center">
        <Typography.Text strong>
          {t('bulletins.total')}{' '}
          <span
            aria-label={t('bulletins.total')}
            data-duration-ms={totalMs}
            style={{ fontVariantNumeric: 'tabular-nums' }}
          >
            {formatTenths(totalMs)}
          </span>
        </Typography.Text>
        <Space>
          <label htmlFor="bulletin-session">{t('bulletins.session')}</label>
          <Select
            id="bulletin-session"
            aria-label={t('bulletins.session')}
            placeholder={t('bulletins.pickSession')}
            value={sessionId}
            style={{ minWidth: 240 }}
            options={sessions.map((s) => ({
              value: s.id,
              label: t('bulletins.sessionOption', { label: s.label, start: s.start, minutes: s.limitMin }),
            }))}
            onChange={(id: string) => {
              const session = sessions.find((s) => s.id === id)
              if (session) onSession(session)
            }}
          />
        </Space>
        <Typography.Text aria-label={t('bulletins.limit')} data-limit-min={limitMin}>
          {t('bulletins.limitIs', { minutes: limitMin })}
        </Typography.Text>
      </Space>
      <Progress
        aria-label={t('bulletins.limitIs', { minutes: limitMin })}
        percent={Math.min(100, (totalMs / limitMs) * 100)}
        status={isOver ? 'exception' : 'normal'}
        showInfo={false}
      />
      {isOver && (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={t('bulletins.overLimit', { over: formatTenths(totalMs - limitMs), minutes: limitMin })}
        />
      )}
    </Space>
  )
}
