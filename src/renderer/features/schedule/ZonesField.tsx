/**
 * The zones a session wakes: a name, the DTMF codes that switch its receivers on and off, and how
 * many times each code is sent (receivers are usually addressed twice).
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Input, InputNumber, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { DEFAULT_ZONE_REPEAT, type ZoneCode } from '../../../shared/onair/session'

interface ZonesFieldProps {
  zones: ZoneCode[]
  onChange: (zones: ZoneCode[]) => void
}

export function ZonesField({ zones, onChange }: ZonesFieldProps) {
  const { t } = useTranslation()
  const set = (i: number, zone: ZoneCode) => onChange(zones.map((z, j) => (j === i ? zone : z)))
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {zones.map((zone, i) => (
        <Space key={i} wrap>
          <Input
            aria-label={t('schedule.settings.zoneName')}
            placeholder={t('schedule.settings.zoneName')}
            value={zone.name}
            onChange={(e) => set(i, { ...zone, name: e.target.value })}
          />
          <Input
            aria-label={t('schedule.settings.onCode')}
            addonBefore={t('schedule.settings.onCode')}
            value={zone.onCode}
            onChange={(e) => set(i, { ...zone, onCode: e.target.value.trim() })}
            style={{ width: 200 }}
          />
          <Input
            aria-label={t('schedule.settings.offCode')}
            addonBefore={t('schedule.settings.offCode')}
            value={zone.offCode ?? ''}
            onChange={(e) => set(i, { ...zone, offCode: e.target.value.trim() === '' ? null : e.target.value.trim() })}
            style={{ width: 200 }}
          />
          <InputNumber
            aria-label={t('schedule.settings.repeat')}
            addonBefore={t('schedule.settings.repeat')}
            min={1}
            max={5}
            value={zone.repeat ?? DEFAULT_ZONE_REPEAT}
            onChange={(n) => set(i, { ...zone, repeat: typeof n === 'number' ? n : DEFAULT_ZONE_REPEAT })}
            style={{ width: 170 }}
          />
          <Button
            aria-label={t('schedule.settings.removeZone')}
            icon={<DeleteOutlined />}
            onClick={() => onChange(zones.filter((_, j) => j !== i))}
          />
        </Space>
      ))}
      <Button
        icon={<PlusOutlined />}
        onClick={() =>
          onChange([
            ...zones,
            { name: t('schedule.settings.zoneDefault', { n: zones.length + 1 }), onCode: '', offCode: null },
          ])
        }
      >
        {t('schedule.settings.addZone')}
      </Button>
    </Space>
  )
}
