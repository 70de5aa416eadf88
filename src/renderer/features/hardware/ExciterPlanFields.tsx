/**
 * An exciter's plan and licence: the licensed frequency and the power set-point (sent before RF on
 * where the exciter can take them, then read back), the licence's power limit, and the time the
 * carrier needs to reach power before the DTMF codes. Checked against the commune band
 * (54–68 MHz, ≤ 30 W) as the host does.
 */
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
        label={t('hardware.form.powerW')}
        name={['options', 'powerW']}
        rules={[zodRule(licenceMaxPowerWSchema, t('hardware.form.powerInvalid'))]}
      >
        <InputNumber step={1} placeholder="25" style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        label={t('hardware.form.licenceMaxPowerW')}
        name={['options', 'licenceMaxPowerW']}
        rules={[zodRule(licenceMaxPowerWSchema, t('hardware.form.powerInvalid'))]}
      >
        <InputNumber step={1} placeholder="30" style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        label={t('hardware.form.rfSettle')}
        name={['options', 'rfSettleMs']}
        extra={t('hardware.form.rfSettleHelp')}
        getValueProps={(ms: unknown) => ({ value: typeof ms === 'number' ? ms / 1000 : ms })}
        normalize={(seconds: unknown) => (typeof seconds === 'number' ? Math.round(seconds * 1000) : seconds)}
      >
        <InputNumber min={0} max={10} step={0.5} style={{ width: 160 }} />
      </Form.Item>
    </Space>
  )
}
