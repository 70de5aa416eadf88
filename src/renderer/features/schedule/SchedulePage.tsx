/**
 * Lịch phát: one day's sessions with every item at its planned time (the station's clock), a date
 * picker, adding items (once or repeating), moving and removing them, the session settings and
 * the station policy, and the day's policy warnings. Planning only: the on-air screen plays it.
 */
import { LeftOutlined, RightOutlined, SafetyOutlined } from '@ant-design/icons'
import { App, Button, Flex, Space, Spin, Typography } from 'antd'
import { LocalDateInput } from '../../components/LocalDateInput'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RundownItem } from '../../../shared/onair/rundown'
import type { SessionTemplate } from '../../../shared/onair/session'
import { addDays, localDateAt, type LocalDate } from '../../../shared/onair/station-time'
import { AddItemModal } from './AddItemModal'
import { PolicyModal } from './PolicyModal'
import { SessionCard } from './SessionCard'
import { SessionSettingsModal } from './SessionSettingsModal'
import { isProvinceItem, placementOf, useSchedule, type ScheduleDay } from './useSchedule'
import { ViolationList } from './ViolationList'
import { PlanDialogs, type PlanDialog } from './PlanDialogs'
import { PlanToolbar } from './PlanToolbar'
import { useTemplates } from './useFill'
import { useRemoveSession } from './useRemoveSession'
import { newId } from '../../../shared/ids'

type Dialog =
  | { kind: 'add'; session: SessionTemplate }
  | { kind: 'settings'; session: SessionTemplate }
  | { kind: 'policy' }
  | PlanDialog
  | null

export function SchedulePage() {
  const { t } = useTranslation()
  const { modal, message } = App.useApp()
  const [date, setDate] = useState<LocalDate>(() => localDateAt(Date.now()))
  const schedule = useSchedule(date)
  const { day } = schedule
  const [dialog, setDialog] = useState<Dialog>(null)
  const templates = useTemplates()
  const planDialog =
    dialog?.kind === 'new-session' ||
    dialog?.kind === 'templates' ||
    dialog?.kind === 'apply' ||
    dialog?.kind === 'copy'
      ? dialog
      : null
  const removeSession = useRemoveSession(schedule.removeSession, () => setDialog(null))
  const newSession = (): SessionTemplate => ({
    id: newId(),
    label: t('plan.session.newLabel'),
    start: '19:00',
    lengthMin: 30,
    isEnabled: true,
    preRoll: [],
    postRoll: [],
    zones: [],
    rds: null,
  })

  const fail = () => void message.error(t('schedule.saveFailed'))
  const confirmRemove = (d: ScheduleDay, item: RundownItem) => {
    const placement = placementOf(d, item, date)
    if (!placement) return
    const isRule = placement.when.kind === 'rule'
    modal.confirm({
      title: isRule ? t('schedule.confirmRemoveRule') : t('schedule.confirmRemove'),
      content: item.title,
      okText: t('schedule.remove'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => schedule.remove(placement).catch(fail),
    })
  }
  const move = (d: ScheduleDay, items: readonly RundownItem[], index: number, dir: -1 | 1) => {
    const a = items[index]
    const b = items[index + dir]
    const pa = a && placementOf(d, a, date)
    const pb = b && placementOf(d, b, date)
    if (pa && pb) schedule.swapOrder(pa, pb).catch(fail)
  }

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={16}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('schedule.title')}
        </Typography.Title>
        <Space wrap>
          <Button
            aria-label={t('schedule.previousDay')}
            icon={<LeftOutlined />}
            onClick={() => setDate(addDays(date, -1))}
          />
          <LocalDateInput
            aria-label={t('schedule.date')}
            value={date}
            onChange={(d) => d && setDate(d)}
            style={{ width: 170 }}
          />
          <Button
            aria-label={t('schedule.nextDay')}
            icon={<RightOutlined />}
            onClick={() => setDate(addDays(date, 1))}
          />
          <Button onClick={() => setDate(localDateAt(Date.now()))}>{t('schedule.today')}</Button>
          <Button icon={<SafetyOutlined />} onClick={() => setDialog({ kind: 'policy' })}>
            {t('schedule.policy.open')}
          </Button>
        </Space>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('schedule.intro')}
      </Typography.Paragraph>
      <PlanToolbar
        onAddSession={() => setDialog({ kind: 'new-session', session: newSession() })}
        onTemplates={() => setDialog({ kind: 'templates' })}
        onCopyDay={() => setDialog({ kind: 'copy', scope: 'day' })}
        onCopyWeek={() => setDialog({ kind: 'copy', scope: 'week' })}
      />
      {!day && <Spin />}
      {day && (
        <>
          <ViolationList
            violations={day.violations}
            sessions={day.sources.sessions}
            title={t('schedule.dayWarnings')}
            provinceLabel={(key) => day.provinceLabels.get(key) ?? key}
          />
          {day.planned.length === 0 && <Typography.Paragraph>{t('schedule.noSessions')}</Typography.Paragraph>}
          {day.planned.map((planned) => (
            <SessionCard
              key={planned.template.id}
              planned={planned}
              isRepeating={(item) => placementOf(day, item, date)?.when.kind === 'rule'}
              isNewest={(item) => placementOf(day, item, date)?.content.kind === 'newest'}
              isProvince={(item) => isProvinceItem(day, item, date)}
              onAdd={() => setDialog({ kind: 'add', session: planned.template })}
              onTemplate={() => setDialog({ kind: 'apply', session: planned.template })}
              onSettings={() => setDialog({ kind: 'settings', session: planned.template })}
              onMove={(index, dir) => move(day, planned.rundown.items, index, dir)}
              onRemove={(item) => confirmRemove(day, item)}
            />
          ))}
          {dialog?.kind === 'add' && (
            <AddItemModal
              session={dialog.session}
              sessions={day.sources.sessions}
              date={date}
              nextOrder={nextOrder(day, dialog.session.id)}
              library={day.sources.library}
              preview={schedule.preview}
              onSave={schedule.add}
              onClose={() => setDialog(null)}
            />
          )}
          {dialog?.kind === 'settings' && (
            <SessionSettingsModal
              session={dialog.session}
              onSave={schedule.saveSessionTemplate}
              onRemove={() => removeSession(dialog.session)}
              onClose={() => setDialog(null)}
            />
          )}
          {dialog?.kind === 'policy' && (
            <PolicyModal policy={day.policy} onSave={schedule.saveStationPolicy} onClose={() => setDialog(null)} />
          )}
          {planDialog && templates && (
            <PlanDialogs
              dialog={planDialog}
              day={day}
              date={date}
              templates={templates}
              onClose={() => setDialog(null)}
            />
          )}
        </>
      )}
    </>
  )
}

function nextOrder(day: ScheduleDay, sessionId: string): number {
  const orders = day.sources.placements.filter((p) => p.sessionId === sessionId).map((p) => p.order)
  return orders.length === 0 ? 0 : Math.max(...orders) + 1
}
