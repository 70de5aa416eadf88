/**
 * Sao chép ngày / Sao chép tuần: the station's own items of every session on the day shown copied
 * to the days the officer ticks (the rest of the week by default), or the whole week (Monday to
 * Sunday) copied to the next. Province items and repeating items are not copied (the province's
 * schedule is its own; a repeating item already plays on its days). Conflicts are shown first.
 */
import { Checkbox, Form, Modal, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { restOfWeek, weekOf, type FillMode } from '../../../shared/onair/fill'
import type { SessionTemplate } from '../../../shared/onair/session'
import { addDays, weekdayOf, type LocalDate } from '../../../shared/onair/station-time'
import { formatLocalDate } from '../../../shared/format/display'
import type { FillRequest } from '../../db/queries/schedule-fill'
import { FillPreview } from './FillPreview'
import { ModeField } from './ModeField'
import { runFill, useFillPlan } from './useFill'
import { useSaveAndClose } from './useSaveAndClose'

interface CopyModalProps {
  scope: 'day' | 'week'
  date: LocalDate
  sessions: readonly SessionTemplate[]
  onClose: () => void
}

export function CopyModal({ scope, date, sessions, onClose }: CopyModalProps) {
  const { t } = useTranslation()
  const [targets, setTargets] = useState<LocalDate[]>(() => restOfWeek(date))
  const [mode, setMode] = useState<FillMode>('replace')
  const week = weekOf(date)
  const request = useMemo<FillRequest | null>(() => {
    if (scope === 'week')
      return { kind: 'copy', pairs: weekOf(date).map((d) => ({ from: d, to: addDays(d, 7) })), mode }
    return targets.length > 0 ? { kind: 'copy', pairs: targets.map((to) => ({ from: date, to })), mode } : null
  }, [scope, date, targets, mode])
  const plan = useFillPlan(request)
  const saveAndClose = useSaveAndClose(
    async (r: FillRequest) => void (await runFill(r)),
    onClose,
    t('plan.copy.done', { count: plan?.writes.length ?? 0 }),
  )
  const dayLabel = (d: LocalDate): string => `${t(`schedule.weekday.${weekdayOf(d)}`)} ${formatLocalDate(d)}`
  const span = (from: LocalDate, to: LocalDate): string => `${formatLocalDate(from)} – ${formatLocalDate(to)}`

  return (
    <Modal
      open
      width={640}
      title={scope === 'day' ? t('plan.copy.dayTitle', { date: dayLabel(date) }) : t('plan.copy.weekTitle')}
      okText={t('plan.copy.ok')}
      okButtonProps={{ disabled: !request || !plan || plan.writes.length === 0, size: 'large' }}
      cancelText={t('common.cancel')}
      onOk={() => request && void saveAndClose(request)}
      onCancel={onClose}
    >
      <Form layout="vertical">
        {scope === 'day' ? (
          <Form.Item label={t('plan.copy.toDays')}>
            <Checkbox.Group
              value={targets}
              onChange={(v) => setTargets(v)}
              options={Array.from({ length: 7 }, (_, i) => addDays(date, i + 1)).map((d) => ({
                value: d,
                label: dayLabel(d),
              }))}
            />
          </Form.Item>
        ) : (
          <Typography.Paragraph>
            {t('plan.copy.weekSpan', {
              from: span(week[0] ?? date, week[6] ?? date),
              to: span(addDays(week[0] ?? date, 7), addDays(week[6] ?? date, 7)),
            })}
          </Typography.Paragraph>
        )}
        <ModeField value={mode} onChange={setMode} />
      </Form>
      <Typography.Paragraph type="secondary">{t('plan.copy.notCopied')}</Typography.Paragraph>
      {request && <FillPreview plan={plan} mode={mode} sessions={sessions} />}
    </Modal>
  )
}
