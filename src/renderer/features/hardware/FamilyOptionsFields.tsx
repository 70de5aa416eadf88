/**
 * The settings that depend on the device type: channels, Modbus address and ON value, how RDS text
 * is sent (one setting for both encoder families), exciter plan. Defaults follow the manuals.
 */
import { Form, InputNumber, Radio, Select, Space, Switch } from 'antd'
import { useTranslation } from 'react-i18next'
import { exciterProfileIds, modbusOnValues, type DeviceConfig, type DeviceFamily } from '../../../shared/ipc/hardware'
import { ExciterPlanFields } from './ExciterPlanFields'

const hex4 = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0')

function TextEncodingField() {
  const { t } = useTranslation()
  return (
    <Form.Item
      label={t('hardware.form.textEncoding')}
      name={['options', 'textEncoding']}
      extra={t('hardware.form.textEncodingHelp')}
    >
      <Radio.Group
        options={[
          { value: 'ascii', label: t('hardware.form.textAscii') },
          { value: 'rds', label: t('hardware.form.textRds') },
        ]}
      />
    </Form.Item>
  )
}

export interface FamilyOptionsFieldsProps {
  family: DeviceFamily
  /** relay boards an exciter can be switched through */
  relays: DeviceConfig[]
}

const opt = (key: string) => ['options', key]

export function FamilyOptionsFields({ family, relays }: FamilyOptionsFieldsProps) {
  const { t } = useTranslation()
  switch (family) {
    case 'relay-lcus':
      return (
        <Space size="large" align="start" wrap>
          <Form.Item label={t('hardware.form.channels')} name={opt('channels')}>
            <Select style={{ width: 120 }} options={[1, 2, 4, 8].map((n) => ({ value: n, label: String(n) }))} />
          </Form.Item>
          <Form.Item label={t('hardware.form.hasStatusQuery')} name={opt('hasStatusQuery')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
      )
    case 'relay-modbus':
      return (
        <Space size="large" align="start" wrap>
          <Form.Item label={t('hardware.form.channels')} name={opt('channels')}>
            <InputNumber min={1} max={32} />
          </Form.Item>
          <Form.Item label={t('hardware.form.unitId')} name={opt('unitId')} extra={t('hardware.form.unitIdHelp')}>
            <InputNumber min={1} max={255} />
          </Form.Item>
          <Form.Item label={t('hardware.form.coilBase')} name={opt('coilBase')}>
            <Radio.Group options={[0, 1].map((n) => ({ value: n, label: String(n) }))} />
          </Form.Item>
          <Form.Item label={t('hardware.form.onValue')} name={opt('onValue')} extra={t('hardware.form.onValueHelp')}>
            <Radio.Group
              options={modbusOnValues.map((v) => ({
                value: v,
                label: t(v === 0xff00 ? 'hardware.form.onValueStandard' : 'hardware.form.onValueV1', {
                  value: hex4(v),
                }),
              }))}
            />
          </Form.Item>
        </Space>
      )
    case 'rds-ascii':
      return (
        <>
          <TextEncodingField />
          <Form.Item label={t('hardware.form.isStoring')} name={opt('isStoring')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </>
      )
    case 'rds-uecp':
      return (
        <>
          <Form.Item label={t('hardware.form.uecpMode')} name={opt('mode')}>
            <Radio.Group
              options={[
                { value: 'unidirectional', label: t('hardware.form.unidirectional') },
                { value: 'bidirectional', label: t('hardware.form.bidirectional') },
              ]}
            />
          </Form.Item>
          <Space size="large" align="start" wrap>
            <Form.Item label={t('hardware.form.site')} name={opt('site')}>
              <InputNumber min={0} max={1023} />
            </Form.Item>
            <Form.Item label={t('hardware.form.encoder')} name={opt('encoder')}>
              <InputNumber min={0} max={63} />
            </Form.Item>
          </Space>
          <TextEncodingField />
        </>
      )
    case 'exciter':
      return (
        <>
          <Form.Item label={t('hardware.form.profile')} name={opt('profile')}>
            <Select
              options={exciterProfileIds.map((id) => ({ value: id, label: t(`hardware.form.profiles.${id}`) }))}
            />
          </Form.Item>
          <ExciterPlanFields />
        </>
      )
    case 'exciter-relay':
      return (
        <>
          <Form.Item
            label={t('hardware.form.relayDevice')}
            name={opt('relayDeviceId')}
            rules={[{ required: true, message: t('hardware.form.relayRequired') }]}
          >
            <Select options={relays.map((r) => ({ value: r.id, label: r.name }))} />
          </Form.Item>
          <Space size="large" align="start" wrap>
            <Form.Item label={t('hardware.form.channel')} name={opt('channel')}>
              <InputNumber min={1} max={32} />
            </Form.Item>
            <Form.Item label={t('hardware.form.isInhibit')} name={opt('isInhibit')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
          <ExciterPlanFields />
        </>
      )
  }
}
