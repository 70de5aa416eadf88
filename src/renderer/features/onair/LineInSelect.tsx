/**
 * The line-in for relay items (settings' lineInDeviceId): the station's FM receiver plugged into
 * the sound card's input. The audio inputs the browser lists, plus the system default input.
 */
import { useTranslation } from 'react-i18next'
import { AudioDeviceSelect } from './AudioDeviceSelect'

export interface LineInSelectProps {
  value: string | null
  onChange: (deviceId: string | null) => void
}

export function LineInSelect({ value, onChange }: LineInSelectProps) {
  const { t } = useTranslation()
  return (
    <AudioDeviceSelect
      kind="audioinput"
      label={t('onair.settings.lineIn')}
      defaultLabel={t('onair.settings.defaultInput')}
      value={value}
      onChange={onChange}
    />
  )
}
