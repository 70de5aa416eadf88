/**
 * A serial port path: typed (virtual ports are not listed by the OS) or picked from the ports
 * found on this computer, with a button to look for them again. Used as a Form.Item control.
 */
import { SearchOutlined } from '@ant-design/icons'
import { AutoComplete, Button, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import type { SerialPortInfo } from '../../../shared/ipc/hardware'

export interface PortPathInputProps {
  id?: string
  value?: string
  onChange?: (value: string) => void
  ports: SerialPortInfo[] | null
  onDetect(): void
}

export function PortPathInput({ id, value, onChange, ports, onDetect }: PortPathInputProps) {
  const { t } = useTranslation()
  const options = (ports ?? []).map((p) => ({
    value: p.path,
    label: [p.path, p.manufacturer, p.vendorId && p.productId ? `${p.vendorId}:${p.productId}` : null]
      .filter(Boolean)
      .join(' — '),
  }))
  return (
    <Space.Compact style={{ width: '100%' }}>
      <AutoComplete
        id={id}
        value={value}
        onChange={(v: string) => onChange?.(v)}
        options={options}
        placeholder="/dev/ttyUSB0"
        filterOption={(input, option) => option?.value.toLowerCase().includes(input.toLowerCase()) ?? false}
        notFoundContent={ports?.length === 0 ? t('hardware.form.noPorts') : null}
        onFocus={() => ports === null && onDetect()}
        style={{ flex: 1 }}
      />
      <Button icon={<SearchOutlined />} onClick={onDetect}>
        {t('hardware.form.detectPorts')}
      </Button>
    </Space.Compact>
  )
}
