/**
 * A choice among the browser's audio devices of one kind, plus the system default (stored as
 * null). A device without a label (the microphone not allowed yet) shows as "<label> <n>".
 */
import { Select } from 'antd'
import { useAudioDevices } from './useAudioDevices'

export interface AudioDeviceSelectProps {
  kind: 'audioinput' | 'audiooutput'
  /** The field's accessible name, also the stem of unlabelled devices' names. */
  label: string
  /** The name of the system default choice. */
  defaultLabel: string
  value: string | null
  onChange: (deviceId: string | null) => void
}

export function AudioDeviceSelect({ kind, label, defaultLabel, value, onChange }: AudioDeviceSelectProps) {
  const devices = useAudioDevices(kind)
  return (
    <Select
      aria-label={label}
      style={{ minWidth: 320 }}
      value={value ?? ''}
      onChange={(v: string) => onChange(v === '' ? null : v)}
      options={[
        { value: '', label: defaultLabel },
        ...devices.map((d, i) => ({ value: d.deviceId, label: d.label || `${label} ${i + 1}` })),
      ]}
    />
  )
}
