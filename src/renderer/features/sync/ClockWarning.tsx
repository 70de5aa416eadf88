/** Said while the laptop's clock is a minute or more away from the province's. */
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { clockSkew } from './sync-format'

export function ClockWarning({ offsetMs }: { offsetMs: number | null }) {
  const { t } = useTranslation()
  const skew = clockSkew(offsetMs)
  if (!skew) return null
  const text =
    skew.direction === 'behind'
      ? t('sync.status.clockBehind', { minutes: skew.minutes })
      : t('sync.status.clockAhead', { minutes: skew.minutes })
  return (
    <Typography.Paragraph type="warning" role="status" style={{ margin: 0 }}>
      {text}
    </Typography.Paragraph>
  )
}
