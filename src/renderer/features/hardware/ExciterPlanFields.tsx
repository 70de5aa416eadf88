/** An exciter's licence: frequency and power, checked against the commune band (54–68 MHz, ≤ 30 W) as the host does. */
import { Form, InputNumber, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { frequencyMHzSchema, licenceMaxPowerWSchema } from '../../../shared/ipc/hardware'
import { DecimalInput } from '../../components/DecimalInput'
import { formatNumber } from '../../components/format'
import { zodRule } from './form-rules'

export function ExciterPlanFields() {
  const { t } = useTranslation()
  return (
    <Space size="large" align="start" wrap>
      <Form.Item
        label={t('hardware.form.frequencyMHz')}
        name={['options', 'frequencyMHz']}
        rules={[zodRule(frequencyMHzSchema, t('hardware.form.frequencyInvalid'))]}
      >
        <DecimalInput step={0.01} placeholder={formatNumber(60.5, 2)} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        label={t('hardware.form.licenceMaxPowerW')}
        name={['options', 'licenceMaxPowerW']}
        rules={[zodRule(licenceMaxPowerWSchema, t('hardware.form.powerInvalid'))]}
      >
        <InputNumber step={1} placeholder="30" style={{ width: 160 }} />
      </Form.Item>
    </Space>
  )
}
