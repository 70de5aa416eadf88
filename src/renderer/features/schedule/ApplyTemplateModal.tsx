/**
 * Dựng từ mẫu: lays a session template into one or more sessions, on the day shown or from it to
 * the end of its week, replacing what the station placed there or adding after it. What it would
 * replace is shown before anything is written; it is written in one go.
 */
import { Alert, Checkbox, Form, Modal, Radio, Select } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { restOfWeek, type FillMode, type FillTemplate } from '../../../shared/onair/fill'
import type { SessionTemplate } from '../../../shared/onair/session'
import type { LocalDate } from '../../../shared/onair/station-time'
import type { FillRequest } from '../../db/queries/schedule-fill'
import { FillPreview } from './FillPreview'
import { ModeField } from './ModeField'
import { useFillPlan, runFill } from './useFill'
import { useSaveAndClose } from './useSaveAndClose'

interface ApplyTemplateModalProps {
  session: SessionTemplate
  sessions: readonly SessionTemplate[]
  date: LocalDate
  templates: readonly FillTemplate[]
  onClose: () => void
}

export function ApplyTemplateModal({ session, sessions, date, templates, onClose }: ApplyTemplateModalProps) {
  const { t } = useTranslation()
  const [templateId, setTemplateId] = useState<string | null>(templates[0]?.id ?? null)
  const [sessionIds, setSessionIds] = useState<string[]>([session.id])
  const [span, setSpan] = useState<'day' | 'week'>('day')
  const [mode, setMode] = useState<FillMode>('replace')
  const template = templates.find((x) => x.id === templateId) ?? null
  const request = useMemo<FillRequest | null>(
    () =>
      template && sessionIds.length > 0
        ? {
            kind: 'template',
            template,
            sessionIds,
            dates: span === 'day' ? [date] : [date, ...restOfWeek(date)],
            mode,
          }
        : null,
    [template, sessionIds, span, date, mode],
  )
  const plan = useFillPlan(request)
  const saveAndClose = useSaveAndClose(
    async (r: FillRequest) => void (await runFill(r)),
    onClose,
    t('plan.apply.done', { count: plan?.writes.length ?? 0 }),
  )

  return (
    <Modal
      open
      width={640}
      title={t('plan.apply.title', { label: session.label })}
      okText={t('plan.apply.ok')}
      okButtonProps={{ disabled: !request || !plan || plan.writes.length === 0, size: 'large' }}
      cancelText={t('common.cancel')}
      onOk={() => request && void saveAndClose(request)}
      onCancel={onClose}
    >
      {templates.length === 0 && (
        <Alert type="info" showIcon message={t('plan.apply.noTemplates')} style={{ marginBottom: 12 }} />
      )}
      <Form layout="vertical">
        <Form.Item label={t('plan.apply.template')}>
          <Select
            aria-label={t('plan.apply.template')}
            value={templateId}
            onChange={setTemplateId}
            options={templates.map((x) => ({ value: x.id, label: x.name }))}
          />
        </Form.Item>
        <Form.Item label={t('plan.apply.sessions')}>
          <Checkbox.Group
            value={sessionIds}
            onChange={(v) => setSessionIds(v)}
            options={sessions.map((s) => ({ value: s.id, label: `${s.label} (${s.start})` }))}
          />
        </Form.Item>
        <Form.Item label={t('plan.apply.days')}>
          <Radio.Group
            value={span}
            onChange={(e) => setSpan(e.target.value as 'day' | 'week')}
            options={[
              { value: 'day', label: t('plan.apply.thisDay') },
              { value: 'week', label: t('plan.apply.toEndOfWeek') },
            ]}
          />
        </Form.Item>
        <ModeField value={mode} onChange={setMode} />
      </Form>
      {request && <FillPreview plan={plan} mode={mode} sessions={sessions} />}
    </Modal>
  )
}
