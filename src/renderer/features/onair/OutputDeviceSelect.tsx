/**
 * The output device for the playout engine (settings' outputDeviceId): the audio outputs the
 * browser lists (labels appear once the microphone has been allowed), plus the system default.
 */
import { Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { useAudioDevices } from './useAudioDevices'

export interface OutputDeviceSelectProps {
  value: string | null
  onChange: (deviceId: string | null) => void
}

export function OutputDeviceSelect({ value, onChange }: OutputDeviceSelectProps) {
  const { t } = useTranslation()
  const outputs = useAudioDevices('audiooutput')
  return (
    <Select
      aria-label={t('onair.settings.outputDevice')}
      style={{ minWidth: 320 }}
      value={value ?? ''}
      onChange={(v: string) => onChange(v === '' ? null : v)}
      options={[
        { value: '', label: t('onair.settings.defaultDevice') },
        ...outputs.map((d, i) => ({
          value: d.deviceId,
          label: d.label || `${t('onair.settings.outputDevice')} ${i + 1}`,
        })),
      ]}
    />
  )
}
