/**
 * The output device for the playout engine (settings' outputDeviceId): the audio outputs the
 * browser lists (labels appear once the microphone has been allowed), plus the system default.
 */
import { Select } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

export interface OutputDeviceSelectProps {
  value: string | null
  onChange: (deviceId: string | null) => void
}

export function OutputDeviceSelect({ value, onChange }: OutputDeviceSelectProps) {
  const { t } = useTranslation()
  const [outputs, setOutputs] = useState<MediaDeviceInfo[]>([])
  useEffect(() => {
    let isLive = true
    const list = (): void =>
      void navigator.mediaDevices
        ?.enumerateDevices()
        .then((all) => isLive && setOutputs(all.filter((d) => d.kind === 'audiooutput' && d.deviceId !== 'default')))
        .catch(() => undefined)
    list()
    navigator.mediaDevices?.addEventListener('devicechange', list)
    return () => {
      isLive = false
      navigator.mediaDevices?.removeEventListener('devicechange', list)
    }
  }, [])
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
