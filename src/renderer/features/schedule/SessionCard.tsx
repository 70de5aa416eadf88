/** One session of the day: its planned span, its items, and what was left out of it and why. */
import { PlusOutlined, SettingOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { PlannedSession } from '../../../shared/onair/plan-day'
import type { RundownItem } from '../../../shared/onair/rundown'
import { formatDuration } from '../../components/format'
import { stationClock } from './format-time'
import { SessionItemsTable } from './SessionItemsTable'

interface SessionCardProps {
  planned: PlannedSession
  isRepeating: (item: RundownItem) => boolean
  onAdd: () => void
  onSettings: () => void
  onMove: (index: number, direction: -1 | 1) => void
  onRemove: (item: RundownItem) => void
}

export function SessionCard({ planned, isRepeating, onAdd, onSettings, onMove, onRemove }: SessionCardProps) {
  const { t } = useTranslation()
  const { template, rundown, problems } = planned
  const plannedMs = rundown.items.reduce((sum, i) => sum + i.durationMs, 0)
  // Until it is filled a session shows its booked slot; a session that runs over shows its real end.
  const slotEnd = Math.max(rundown.endMs, rundown.startMs + template.lengthMin * 60_000)
  return (
    <Card
      title={
        <Space wrap>
          <span>{template.label}</span>
          <Typography.Text type="secondary">
            {t('schedule.span', { start: template.start, end: stationClock(slotEnd).slice(0, 5) })}
          </Typography.Text>
        </Space>
      }
      extra={
        <Space>
          <Button
            icon={<SettingOutlined />}
            onClick={onSettings}
            aria-label={t('schedule.sessionSettingsOf', { label: template.label })}
          >
            {t('schedule.sessionSettings')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={onAdd}
            aria-label={t('schedule.addTo', { label: template.label })}
          >
            {t('schedule.add')}
          </Button>
        </Space>
      }
      style={{ marginBottom: 16 }}
    >
      <Typography.Paragraph type="secondary">
        {t('schedule.filled', { planned: formatDuration(plannedMs), booked: template.lengthMin })}
      </Typography.Paragraph>
      <SessionItemsTable items={rundown.items} isRepeating={isRepeating} onMove={onMove} onRemove={onRemove} />
      {problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          message={t('schedule.leftOut')}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {problems.map((p) => (
                <li key={p.placementId}>
                  {p.kind === 'missing-media'
                    ? t(`schedule.problem.${p.reason}`, { title: p.title })
                    : t('schedule.problem.outside-validity', { title: p.title })}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Card>
  )
}
