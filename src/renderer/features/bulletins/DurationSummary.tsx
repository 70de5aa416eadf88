/** The bulletin's total length, live, against the session's time limit (minutes). */
import { Alert, InputNumber, Progress, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDuration } from '../../components/format'

export interface DurationSummaryProps {
  totalMs: number
  limitMin: number
  onLimit: (minutes: number) => void
}

/** 75_430 ms → "01:15.4" (tenths: gaps and crossfades are often under a second). */
export const formatTenths = (ms: number): string =>
  `${formatDuration(ms)}.${Math.floor((Math.max(0, ms) % 1000) / 100)}`

export function DurationSummary({ totalMs, limitMin, onLimit }: DurationSummaryProps) {
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
          <label htmlFor="bulletin-limit">{t('bulletins.limit')}</label>
          <InputNumber
            id="bulletin-limit"
            min={1}
            max={240}
            value={limitMin}
            onChange={(v) => typeof v === 'number' && onLimit(Math.round(v))}
            addonAfter={t('bulletins.minutes')}
          />
        </Space>
      </Space>
      <Progress
        percent={Math.min(100, (totalMs / limitMs) * 100)}
        status={isOver ? 'exception' : 'normal'}
        showInfo={false}
      />
      {isOver && (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={t('bulletins.overLimit', { over: formatTenths(totalMs - limitMs) })}
        />
      )}
    </Space>
  )
}
