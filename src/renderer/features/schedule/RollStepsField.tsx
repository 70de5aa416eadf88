/** An ordered list of device steps (relay channel on/off, exciter RF on/off, wait), chosen among configured devices. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, InputNumber, Select, Space, Switch, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { DeviceConfig } from '../../../shared/ipc/hardware'
import { channelsOf, exciterDevices, newStep, relayDevices, type RollStep } from './roll-steps'

interface RollStepsFieldProps {
  label: string
  steps: RollStep[]
  devices: readonly DeviceConfig[]
  isOnByDefault: boolean
  onChange: (steps: RollStep[]) => void
}

export function RollStepsField({ label, steps, devices, isOnByDefault, onChange }: RollStepsFieldProps) {
  const { t } = useTranslation()
  const set = (i: number, step: RollStep) => onChange(steps.map((s, j) => (j === i ? step : s)))
  const add = (kind: RollStep['kind']) => {
    const step = newStep(kind, devices, isOnByDefault)
    if (step) onChange([...steps, step])
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }} aria-label={label}>
      {steps.length === 0 && <Typography.Text type="secondary">{t('schedule.settings.noSteps')}</Typography.Text>}
      {devices.length === 0 && <Typography.Text type="secondary">{t('schedule.settings.noDevices')}</Typography.Text>}
      {steps.map((step, i) => (
        <Space key={i} wrap>
          <Typography.Text strong>{i + 1}.</Typography.Text>
          <StepEditor step={step} devices={devices} onChange={(s) => set(i, s)} />
          <Button
            aria-label={t('schedule.settings.removeStep')}
            icon={<DeleteOutlined />}
            onClick={() => onChange(steps.filter((_, j) => j !== i))}
          />
        </Space>
      ))}
      <Space wrap>
        <Button icon={<PlusOutlined />} disabled={relayDevices(devices).length === 0} onClick={() => add('relay')}>
          {t('schedule.settings.addRelay')}
        </Button>
        <Button icon={<PlusOutlined />} disabled={exciterDevices(devices).length === 0} onClick={() => add('rf')}>
          {t('schedule.settings.addRf')}
        </Button>
        <Button icon={<PlusOutlined />} onClick={() => add('wait')}>
          {t('schedule.settings.addWait')}
        </Button>
      </Space>
    </Space>
  )
}

function StepEditor({
  step,
  devices,
  onChange,
}: {
  step: RollStep
  devices: readonly DeviceConfig[]
  onChange: (s: RollStep) => void
}) {
  const { t } = useTranslation()
  const onOff = (isOn: boolean) => (
    <Switch
      checked={isOn}
      checkedChildren={t('schedule.settings.on')}
      unCheckedChildren={t('schedule.settings.off')}
      onChange={(v) => step.kind !== 'wait' && onChange({ ...step, isOn: v })}
    />
  )
  switch (step.kind) {
    case 'relay': {
      const options = relayDevices(devices).map((d) => ({ value: d.id, label: d.name }))
      const channels = channelsOf(devices.find((d) => d.id === step.deviceId))
      return (
        <>
          <Select
            aria-label={t('schedule.settings.relay')}
            style={{ minWidth: 180 }}
            value={step.deviceId}
            options={options}
            onChange={(deviceId) => onChange({ ...step, deviceId })}
          />
          <InputNumber
            aria-label={t('schedule.settings.channel')}
            addonBefore={t('schedule.settings.channel')}
            min={1}
            max={channels}
            value={step.channel}
            onChange={(n) => onChange({ ...step, channel: n ?? 1 })}
          />
          {onOff(step.isOn)}
        </>
      )
    }
    case 'rf':
      return (
        <>
          <Select
            aria-label={t('schedule.settings.exciter')}
            style={{ minWidth: 180 }}
            value={step.deviceId}
            options={exciterDevices(devices).map((d) => ({ value: d.id, label: d.name }))}
            onChange={(deviceId) => onChange({ ...step, deviceId })}
          />
          <Typography.Text>{t('schedule.settings.rf')}</Typography.Text>
          {onOff(step.isOn)}
        </>
      )
    case 'wait':
      return (
        <InputNumber
          aria-label={t('schedule.settings.waitMs')}
          addonBefore={t('schedule.settings.wait')}
          addonAfter="ms"
          min={0}
          max={60_000}
          step={500}
          value={step.ms}
          onChange={(n) => onChange({ ...step, ms: n ?? 0 })}
        />
      )
  }
}
