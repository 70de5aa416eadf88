/**
 * In the status bar: how many days of the schedule have their programme audio on this computer
 * ("Đủ nội dung cho 5 ngày"), and a warning for each session of the next 24 hours whose audio is
 * not here yet (docs/sync.md, "Programme audio ahead of need").
 */
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../components/useFormat'
import { usePrefetch } from './prefetch-context'

export function ContentCoverage() {
  const { t } = useTranslation()
  const f = useFormat()
  const prefetch = usePrefetch()
  if (!prefetch || prefetch.view.days.length === 0) return null
  const { daysCovered, soonMissing } = prefetch.view.coverage
  return (
    <>
      <Typography.Paragraph style={{ margin: 0 }} data-testid="content-days" data-days={daysCovered}>
        {t('sync.audio.daysCovered', { count: daysCovered })}
      </Typography.Paragraph>
      {soonMissing.map((s) => (
        <Typography.Paragraph key={`${s.sessionId}@${s.startMs}`} type="danger" style={{ margin: 0 }} role="alert">
          {t('sync.audio.missingSoon', { session: s.label, time: f.dateTime(s.startMs), titles: s.titles.join(', ') })}
        </Typography.Paragraph>
      ))}
    </>
  )
}
