/**
 * The line-in for relay items (settings' lineInDeviceId): the station's FM receiver plugged into
 * the sound card's input. The audio inputs the browser lists, plus the system default input.
 */
import { Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { useAudioDevices } from './useAudioDevices'

export interface LineInSelectProps {
  value: string | null
  onChange: (deviceId: string | null) => void
}

export function LineInSelect({ value, onChange }: LineInSelectProps) {
  const { t } = useTranslation()
  const inputs = useAudioDevices('audioinput')
  return (
    <Select
      aria-label={t('onair.settings.lineIn')}
      style={{ minWidth: 320 }}
      value={value ?? ''}
      onChange={(v: string) => onChange(v === '' ? null : v)}
      options={[
        { value: '', label: t('onair.settings.defaultInput') },
        ...inputs.map((d, i) => ({ value: d.deviceId, label: d.label || `${t('onair.settings.lineIn')} ${i + 1}` })),
      ]}
    />
  )
}
