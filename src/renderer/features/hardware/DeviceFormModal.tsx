/**
 * Add or edit one device: name and use, type, connection, type-specific settings. Changing the
 * type offers its usual use, speed and settings. The values are checked with the host's own
 * schema before they are sent; the host checks them again.
 */
import { App, Form, Input, Modal, Select, Switch } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  deviceFamilies,
  deviceRoles,
  isRelayFamily,
  type DeviceConfig,
  type DeviceDraft,
  type DeviceFamily,
  type SerialPortInfo,
} from '../../../shared/ipc/hardware'
import { errorCodeOf } from '../../bridge/bridge'
import { ConnectionFields } from './ConnectionFields'
import {
  defaultBaudFor,
  defaultOptionsFor,
  draftFromValues,
  newDeviceValues,
  usualRole,
  valuesFromConfig,
  type DeviceFormValues,
} from './device-form'
import { FamilyOptionsFields } from './FamilyOptionsFields'

export interface DeviceFormModalProps {
  /** the device being edited, or null to add one */
  editing: DeviceConfig | null
  devices: DeviceConfig[]
  ports: SerialPortInfo[] | null
  onDetectPorts(): void
  onSave(draft: DeviceDraft): Promise<unknown>
  onClose(): void
}

export function DeviceFormModal({ editing, devices, ports, onDetectPorts, onSave, onClose }: DeviceFormModalProps) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<DeviceFormValues>()
  const [isSaving, setIsSaving] = useState(false)
  const family = (Form.useWatch('family', form) as DeviceFamily | undefined) ?? editing?.family ?? 'relay-lcus'
  const relays = devices.filter((d) => isRelayFamily(d.family) && d.id !== editing?.id)

  const onValuesChange = (changed: Partial<DeviceFormValues>) => {
    if (!changed.family) return
    const next = changed.family
    form.setFieldsValue({
      role: usualRole(next),
      options: defaultOptionsFor(next),
      transport: { baudRate: defaultBaudFor(next) },
    })
  }

  const submit = async () => {
    try {
      await form.validateFields()
    } catch {
      return // the form shows what is wrong beside each field
    }
    const draft = draftFromValues(form.getFieldsValue(true) as DeviceFormValues, editing?.id)
    if (!draft) return void message.error(t('errors.invalid-input'))
    setIsSaving(true)
    try {
      await onSave(draft)
      void message.success(t('hardware.saved', { name: draft.name }))
      onClose()
    } catch (error) {
      const code = errorCodeOf(error)
      void message.error(code === 'conflict' ? t('hardware.saveConflict') : t(`errors.${code}`))
    } finally {
      setIsSaving(false)
    }
  }

  return (
    <Modal
      open
      title={t(editing ? 'hardware.form.editTitle' : 'hardware.form.addTitle')}
      okText={t('hardware.form.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      confirmLoading={isSaving}
      onOk={() => void submit()}
      onCancel={onClose}
      width={720}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        size="large"
        initialValues={editing ? valuesFromConfig(editing) : newDeviceValues()}
        onValuesChange={onValuesChange}
      >
        <Form.Item
          label={t('hardware.form.name')}
          name="name"
          rules={[{ required: true, whitespace: true, max: 80, message: t('hardware.form.nameRequired') }]}
        >
          <Input placeholder={t('hardware.form.namePlaceholder')} maxLength={80} />
        </Form.Item>
        <Form.Item label={t('hardware.form.family')} name="family">
          <Select options={deviceFamilies.map((f) => ({ value: f, label: t(`hardware.families.${f}`) }))} />
        </Form.Item>
        <Form.Item label={t('hardware.form.role')} name="role">
          <Select options={deviceRoles.map((r) => ({ value: r, label: t(`hardware.roles.${r}`) }))} />
        </Form.Item>
        {family !== 'exciter-relay' && <ConnectionFields ports={ports} onDetectPorts={onDetectPorts} />}
        <FamilyOptionsFields family={family} relays={relays} />
        <Form.Item
          label={t('hardware.form.isEnabled')}
          name="isEnabled"
          valuePropName="checked"
          extra={t('hardware.form.isEnabledHelp')}
        >
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  )
}
