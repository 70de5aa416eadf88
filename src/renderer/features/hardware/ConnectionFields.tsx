/** How the device is reached: a serial port (path, speed, framing) or a LAN address. */
import { Form, Input, InputNumber, Radio, Select, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { baudRates, hostSchema, serialPathSchema, type SerialPortInfo } from '../../../shared/ipc/hardware'
import { zodRule } from './form-rules'
import { PortPathInput } from './PortPathInput'

export interface ConnectionFieldsProps {
  ports: SerialPortInfo[] | null
  onDetectPorts(): void
}

export function ConnectionFields({ ports, onDetectPorts }: ConnectionFieldsProps) {
  const { t } = useTranslation()
  const form = Form.useFormInstance()
  const kind = Form.useWatch(['transport', 'kind'], form) as 'serial' | 'tcp' | undefined

  return (
    <>
      <Form.Item label={t('hardware.form.connectionKind')} name={['transport', 'kind']}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'serial', label: t('hardware.form.serial') },
            { value: 'tcp', label: t('hardware.form.tcp') },
          ]}
        />
      </Form.Item>
      {kind === 'tcp' ? (
        <Space size="large" align="start" wrap>
          <Form.Item
            label={t('hardware.form.host')}
            name={['transport', 'host']}
            rules={[
              { required: true, message: t('hardware.form.hostInvalid') },
              zodRule(hostSchema, t('hardware.form.hostInvalid')),
            ]}
          >
            <Input placeholder="192.168.1.20" style={{ width: 260 }} />
          </Form.Item>
          <Form.Item label={t('hardware.form.port')} name={['transport', 'port']} rules={[{ required: true }]}>
            <InputNumber min={1} max={65535} style={{ width: 140 }} />
          </Form.Item>
        </Space>
      ) : (
        <>
          <Form.Item
            label={t('hardware.form.path')}
            name={['transport', 'path']}
            extra={t('hardware.form.pathHelp')}
            rules={[
              { required: true, message: t('hardware.form.pathInvalid') },
              zodRule(serialPathSchema, t('hardware.form.pathInvalid')),
            ]}
          >
            <PortPathInput ports={ports} onDetect={onDetectPorts} />
          </Form.Item>
          <Space size="large" align="start" wrap>
            <Form.Item label={t('hardware.form.baudRate')} name={['transport', 'baudRate']}>
              <Select
                style={{ width: 140 }}
                options={baudRates.map((rate) => ({ value: rate, label: String(rate) }))}
              />
            </Form.Item>
            <Form.Item label={t('hardware.form.dataBits')} name={['transport', 'dataBits']}>
              <Select style={{ width: 100 }} options={[7, 8].map((n) => ({ value: n, label: String(n) }))} />
            </Form.Item>
            <Form.Item label={t('hardware.form.parity')} name={['transport', 'parity']}>
              <Select
                style={{ width: 120 }}
                options={[
                  { value: 'none', label: t('hardware.form.parityNone') },
                  { value: 'even', label: t('hardware.form.parityEven') },
                  { value: 'odd', label: t('hardware.form.parityOdd') },
                ]}
              />
            </Form.Item>
            <Form.Item label={t('hardware.form.stopBits')} name={['transport', 'stopBits']}>
              <Select style={{ width: 100 }} options={[1, 2].map((n) => ({ value: n, label: String(n) }))} />
            </Form.Item>
          </Space>
        </>
      )}
    </>
  )
}
