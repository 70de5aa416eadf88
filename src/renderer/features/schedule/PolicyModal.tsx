/** Quy định của đài: minutes per session, sessions per day, allowed days, relays counted, and catch-up after a restart. */
import { Checkbox, Form, InputNumber, Modal, Radio, Switch } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { stationPolicySchema, type StationPolicy } from '../../../shared/onair/policy'
import { weekdays } from '../../../shared/onair/station-time'
import { useSaveAndClose } from './useSaveAndClose'

interface PolicyModalProps {
  policy: StationPolicy
  onSave: (policy: StationPolicy) => Promise<void>
  onClose: () => void
}

export function PolicyModal({ policy, onSave, onClose }: PolicyModalProps) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<StationPolicy>(policy)
  const parsed = stationPolicySchema.safeParse(draft)

  const saveAndClose = useSaveAndClose(onSave, onClose, t('schedule.policy.saved'))
  const save = async () => {
    if (parsed.success) await saveAndClose(parsed.data)
  }

  return (
    <Modal
      open
      width={620}
      title={t('schedule.policy.title')}
      okText={t('schedule.save')}
      okButtonProps={{ disabled: !parsed.success }}
      cancelText={t('common.cancel')}
      onOk={() => void save()}
      onCancel={onClose}
    >
      <Form layout="vertical">
        <Form.Item label={t('schedule.policy.maxMinutes')}>
          <InputNumber
            aria-label={t('schedule.policy.maxMinutes')}
            min={1}
            max={600}
            value={draft.maxMinutesPerSession}
            onChange={(n) => setDraft({ ...draft, maxMinutesPerSession: n ?? 0 })}
          />
        </Form.Item>
        <Form.Item label={t('schedule.policy.maxSessions')}>
          <InputNumber
            aria-label={t('schedule.policy.maxSessions')}
            min={1}
            max={12}
            value={draft.maxSessionsPerDay}
            onChange={(n) => setDraft({ ...draft, maxSessionsPerDay: n ?? 0 })}
          />
        </Form.Item>
        <Form.Item label={t('schedule.policy.allowedDays')}>
          <Checkbox.Group
            value={draft.allowedDays}
            onChange={(days) => setDraft({ ...draft, allowedDays: weekdays.filter((d) => days.includes(d)) })}
            options={weekdays.map((d) => ({ value: d, label: t(`schedule.weekday.${d}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('schedule.policy.relayCounted')}>
          <Switch
            aria-label={t('schedule.policy.relayCounted')}
            checked={draft.isRelayCounted}
            onChange={(isRelayCounted) => setDraft({ ...draft, isRelayCounted })}
          />
        </Form.Item>
        <Form.Item label={t('schedule.policy.tolerance')} extra={t('schedule.policy.toleranceHelp')}>
          <InputNumber
            aria-label={t('schedule.policy.tolerance')}
            min={0}
            max={60}
            addonAfter={t('schedule.policy.seconds')}
            value={draft.catchUp.toleranceMs / 1000}
            onChange={(n) =>
              setDraft({ ...draft, catchUp: { ...draft.catchUp, toleranceMs: Math.round((n ?? 0) * 1000) } })
            }
          />
        </Form.Item>
        <Form.Item label={t('schedule.policy.current')}>
          <Radio.Group
            value={draft.catchUp.current}
            onChange={(e) =>
              setDraft({
                ...draft,
                catchUp: { ...draft.catchUp, current: e.target.value as StationPolicy['catchUp']['current'] },
              })
            }
            options={[
              { value: 'join', label: t('schedule.policy.join') },
              { value: 'restart', label: t('schedule.policy.restart') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
