/**
 * One session of the day: its planned span, its items (the province's with a badge), and what was
 * left out of it and why — one line per reason, naming the items.
 */
import { BuildOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ItemProblem, PlannedSession } from '../../../shared/onair/plan-day'
import type { RundownItem } from '../../../shared/onair/rundown'
import { formatDuration } from '../../components/format'
import { stationClock } from './format-time'
import { SessionItemsTable } from './SessionItemsTable'
import { isProvinceWithoutAudio } from './violation-groups'

interface SessionCardProps {
  planned: PlannedSession
  isRepeating: (item: RundownItem) => boolean
  isNewest?: (item: RundownItem) => boolean
  isProvince: (item: RundownItem) => boolean
  onAdd: () => void
  /** Dựng từ mẫu: fill this session (and others) from a session template */
  onTemplate: () => void
  onSettings: () => void
  onMove: (index: number, direction: -1 | 1) => void
  onRemove: (item: RundownItem) => void
}

/** The reason a left-out item is listed under: its i18n key under `schedule.problem`. */
const reasonOf = (p: ItemProblem): string => (p.kind === 'missing-media' ? p.reason : 'outside-validity')

function byReason(problems: readonly ItemProblem[]): [string, string[]][] {
  const out = new Map<string, string[]>()
  for (const p of problems) {
    const titles = out.get(reasonOf(p)) ?? []
    if (!titles.includes(p.title)) titles.push(p.title)
    out.set(reasonOf(p), titles)
  }
  return [...out]
}

export function SessionCard(props: SessionCardProps) {
  const { planned, isRepeating, isNewest, isProvince, onAdd, onTemplate, onSettings, onMove, onRemove } = props
  const { t } = useTranslation()
  const { template, rundown, problems } = planned
  const withoutAudio = problems.filter(isProvinceWithoutAudio)
  // not rendered: left out of the rundown; no file: in it, but the engine will skip it
  const silent = withoutAudio.filter((p) => p.kind === 'missing-media' && p.reason === 'not-rendered')
  const noFile = new Set(withoutAudio.map((p) => p.placementId))
  const isWithoutAudio = (item: RundownItem): boolean => noFile.has(item.id.slice(0, item.id.lastIndexOf('@')))
  const leftOut = byReason(problems.filter((p) => !isProvinceWithoutAudio(p)))
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
            icon={<BuildOutlined />}
            onClick={onTemplate}
            aria-label={t('plan.apply.openFor', { label: template.label })}
          >
            {t('plan.apply.open')}
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
      <SessionItemsTable
        items={rundown.items}
        silent={silent.map((p) => ({ placementId: p.placementId, title: p.title }))}
        isRepeating={isRepeating}
        isNewest={isNewest}
        isProvince={isProvince}
        isWithoutAudio={isWithoutAudio}
        onMove={onMove}
        onRemove={onRemove}
      />
      {withoutAudio.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          message={t('schedule.province.noAudio', { count: withoutAudio.length })}
        />
      )}
      {leftOut.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          message={t('schedule.leftOut')}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {leftOut.map(([reason, titles]) => (
                <li key={reason}>{t(`schedule.problem.${reason}`, { title: titles.join('”, “') })}</li>
              ))}
            </ul>
          }
        />
      )}
    </Card>
  )
}
