/** The list of microphones; the choice is remembered in the station's preferences. */
import { Select } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { listMicrophones } from '../../audio/capture/capture'

export interface MicrophoneSelectProps {
  value: string | null
  onChange: (deviceId: string) => void
  disabled?: boolean
}

export function MicrophoneSelect({ value, onChange, disabled }: MicrophoneSelectProps) {
  const { t } = useTranslation()
  const [mics, setMics] = useState<MediaDeviceInfo[]>([])
  useEffect(() => {
    const load = () => void listMicrophones().then(setMics, () => setMics([]))
    load()
    navigator.mediaDevices.addEventListener('devicechange', load)
    return () => navigator.mediaDevices.removeEventListener('devicechange', load)
  }, [])
  const known = mics.some((m) => m.deviceId === value)
  return (
    <Select
      aria-label={t('record.microphone')}
      style={{ width: 360 }}
      disabled={disabled}
      value={known ? value : (mics[0]?.deviceId ?? null)}
      placeholder={t('record.noMicrophones')}
      onChange={onChange}
      options={mics.map((m, i) => ({ value: m.deviceId, label: m.label || t('record.microphoneN', { n: i + 1 }) }))}
    />
  )
}
