/**
 * Cài đặt buổi phát: the session's time and booked length, the device steps before and after
 * (relay channels, exciter RF, waits — among the configured devices), the zones' DTMF codes
 * and the RDS programme service name. Parsed with the shared schema before it is saved.
 */
import { Alert, Form, Input, InputNumber, Modal, Select, Switch, Button } from 'antd'
import { LocalTimeInput } from '../../components/LocalTimeInput'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { sessionTemplateSchema, type SessionTemplate } from '../../../shared/onair/session'
import { isRollStep, rdsDevices, reverseOff, type RollStep } from './roll-steps'
import { RollStepsField } from './RollStepsField'
import { useDevices } from './useDevices'
import { useSaveAndClose } from './useSaveAndClose'
import { ZonesField } from './ZonesField'

interface SessionSettingsModalProps {
  session: SessionTemplate
  /** a session the officer is adding (Thêm buổi): its own title, nothing to remove yet */
  isNew?: boolean
  /** the sessions a day may have with content (the station policy), shown when adding one */
  policyNote?: string | null
  onSave: (session: SessionTemplate) => Promise<void>
  /** Xoá buổi (asks first) */
  onRemove?: () => void
  onClose: () => void
}

export function SessionSettingsModal(props: SessionSettingsModalProps) {
  const { session, isNew = false, policyNote = null, onSave, onRemove, onClose } = props
  const { t } = useTranslation()
  const { devices, error } = useDevices()
  const [draft, setDraft] = useState<SessionTemplate>(session)
  const [isInvalid, setIsInvalid] = useState(false)
  const preRoll = draft.preRoll.filter(isRollStep)
  const postRoll = draft.postRoll.filter(isRollStep)
  const rdsOptions = rdsDevices(devices).map((d) => ({ value: d.id, label: d.name }))

  const saveAndClose = useSaveAndClose(onSave, onClose, t('schedule.settings.saved'))
  const save = async () => {
    const parsed = sessionTemplateSchema.safeParse(draft)
    setIsInvalid(!parsed.success)
    if (parsed.success) await saveAndClose(parsed.data)
  }

  return (
    <Modal
      open
      width={760}
      title={isNew ? t('plan.session.addTitle') : t('schedule.settings.title', { label: session.label })}
      okText={t('schedule.save')}
      cancelText={t('common.cancel')}
      onOk={() => void save()}
      onCancel={onClose}
      footer={(_, { OkBtn, CancelBtn }) => (
        <>
          {onRemove && !isNew && (
            <Button danger style={{ float: 'left' }} onClick={onRemove}>
              {t('plan.session.remove')}
            </Button>
          )}
          <CancelBtn />
          <OkBtn />
        </>
      )}
    >
      {policyNote && <Alert type="info" showIcon message={policyNote} style={{ marginBottom: 12 }} />}
      {error && (
        <Alert
          type="warning"
          showIcon
          message={t('schedule.settings.devicesUnavailable')}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form layout="vertical">
        <Form.Item label={t('schedule.settings.label')}>
          <Input
            aria-label={t('schedule.settings.label')}
            value={draft.label}
            onChange={(e) => setDraft({ ...draft, label: e.target.value })}
          />
        </Form.Item>
        <Form.Item label={t('schedule.settings.start')}>
          <LocalTimeInput
            aria-label={t('schedule.settings.start')}
            value={draft.start}
            onChange={(time) => setDraft({ ...draft, start: time })}
            style={{ width: 160 }}
          />
        </Form.Item>
        <Form.Item label={t('schedule.settings.length')}>
          <InputNumber
            aria-label={t('schedule.settings.length')}
            min={1}
            max={240}
            value={draft.lengthMin}
            addonAfter={t('schedule.settings.minutes')}
            onChange={(n) => setDraft({ ...draft, lengthMin: n ?? 0 })}
          />
        </Form.Item>
        <Form.Item label={t('schedule.settings.enabled')}>
          <Switch
            aria-label={t('schedule.settings.enabled')}
            checked={draft.isEnabled}
            onChange={(isEnabled) => setDraft({ ...draft, isEnabled })}
          />
        </Form.Item>
        <Form.Item label={t('schedule.settings.preRoll')} extra={t('schedule.settings.preRollHelp')}>
          <RollStepsField
            label={t('schedule.settings.preRoll')}
            steps={preRoll}
            devices={devices}
            isOnByDefault
            onChange={(s: RollStep[]) => setDraft({ ...draft, preRoll: s })}
          />
        </Form.Item>
        <Form.Item label={t('schedule.settings.zones')} extra={t('schedule.settings.zonesHelp')}>
          <ZonesField zones={draft.zones} onChange={(zones) => setDraft({ ...draft, zones })} />
        </Form.Item>
        <Form.Item label={t('schedule.settings.rds')}>
          <Select
            aria-label={t('schedule.settings.rds')}
            allowClear
            placeholder={t('schedule.settings.noRds')}
            value={draft.rds?.deviceId}
            options={rdsOptions}
            onChange={(deviceId?: string) =>
              setDraft({ ...draft, rds: deviceId ? { deviceId, ps: draft.rds?.ps ?? 'DAI XA' } : null })
            }
          />
          {draft.rds && (
            <Input
              aria-label={t('schedule.settings.ps')}
              addonBefore={t('schedule.settings.ps')}
              maxLength={8}
              value={draft.rds.ps}
              style={{ marginTop: 8, width: 260 }}
              onChange={(e) => draft.rds && setDraft({ ...draft, rds: { ...draft.rds, ps: e.target.value } })}
            />
          )}
        </Form.Item>
        <Form.Item label={t('schedule.settings.postRoll')} extra={t('schedule.settings.postRollHelp')}>
          <RollStepsField
            label={t('schedule.settings.postRoll')}
            steps={postRoll}
            devices={devices}
            isOnByDefault={false}
            onChange={(s: RollStep[]) => setDraft({ ...draft, postRoll: s })}
          />
          <Button style={{ marginTop: 8 }} onClick={() => setDraft({ ...draft, postRoll: reverseOff(preRoll) })}>
            {t('schedule.settings.reverse')}
          </Button>
        </Form.Item>
      </Form>
      {isInvalid && <Alert type="error" showIcon message={t('schedule.settings.invalid')} />}
    </Modal>
  )
}
