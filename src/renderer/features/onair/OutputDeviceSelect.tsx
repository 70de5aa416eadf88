/**
 * The output device for the playout engine (settings' outputDeviceId): the audio outputs the
 * browser lists (labels appear once the microphone has been allowed), plus the system default.
 */
import { useTranslation } from 'react-i18next'
import { AudioDeviceSelect } from './AudioDeviceSelect'

export interface OutputDeviceSelectProps {
  value: string | null
  onChange: (deviceId: string | null) => void
}

export function OutputDeviceSelect({ value, onChange }: OutputDeviceSelectProps) {
  const { t } = useTranslation()
  return (
    <AudioDeviceSelect
      kind="audiooutput"
      label={t('onair.settings.outputDevice')}
      defaultLabel={t('onair.settings.defaultDevice')}
      value={value}
      onChange={onChange}
    />
  )
}
