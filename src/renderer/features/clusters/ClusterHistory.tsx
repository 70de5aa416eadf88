/** A cluster's events, newest first: status changes (the first is the registration) and notes. */
import { Timeline, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ClusterEventRow } from '../../db/records'
import { formatLocalDateTime } from './cluster-view'

const COLORS: Record<string, string> = { working: 'green', faulty: 'red', removed: 'gray' }

export function ClusterHistory({ events }: { events: ClusterEventRow[] }) {
  const { t } = useTranslation()
  const first = events[0]?.id
  const label = (e: ClusterEventRow): string => {
    if (e.kind !== 'status') return t(`clusters.events.${e.kind}`)
    if (e.status === null) return t('clusters.events.status-unknown')
    const status = t(`clusters.status.${e.status}`)
    return e.id === first ? t('clusters.events.registered', { status }) : t('clusters.events.status', { status })
  }
  return (
    <Timeline
      aria-label={t('clusters.drawer.history')}
      items={[...events].reverse().map((e) => ({
        key: e.id,
        color: e.status === null ? 'blue' : (COLORS[e.status] ?? 'blue'),
        children: (
          <>
            <Typography.Text type="secondary">{formatLocalDateTime(e.at)}</Typography.Text>{' '}
            <Typography.Text strong>{label(e)}</Typography.Text>
            {e.note !== '' && <Typography.Paragraph style={{ margin: 0 }}>{e.note}</Typography.Paragraph>}
          </>
        ),
      }))}
    />
  )
}
