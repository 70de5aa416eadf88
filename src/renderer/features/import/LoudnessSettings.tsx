/** Settings fields of the audio pipeline: loudness target, peak ceiling, MP3 bit rate, the station's name for ID3. */
import { Form, Input, Select, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Preferences, PreferencesPatch } from '../../../shared/ipc/settings'
import { DecimalInput } from '../../components/DecimalInput'

export interface LoudnessSettingsProps {
  prefs: Preferences
  save: (patch: PreferencesPatch) => unknown
}

const BITRATES = [64, 80, 96, 112, 128]

export function LoudnessSettings({ prefs, save }: LoudnessSettingsProps) {
  const { t } = useTranslation()
  const { loudness } = prefs
  const [station, setStation] = useState(prefs.stationName ?? '')
  const saveStation = () => {
    const name = station.trim()
    if (name !== (prefs.stationName ?? '')) void save({ stationName: name })
  }
  return (
    <>
      <Typography.Title level={4}>{t('audio.settings.title')}</Typography.Title>
      <Form.Item label={t('audio.settings.targetLufs')} extra={t('audio.settings.targetLufsHelp')}>
        <DecimalInput
          aria-label={t('audio.settings.targetLufs')}
          min={-40}
          max={-5}
          step={0.5}
          value={loudness.targetLufs}
          onChange={(v) => v !== null && void save({ loudness: { ...loudness, targetLufs: v } })}
        />
      </Form.Item>
      <Form.Item label={t('audio.settings.ceilingDbtp')}>
        <DecimalInput
          aria-label={t('audio.settings.ceilingDbtp')}
          min={-12}
          max={0}
          step={0.5}
          value={loudness.ceilingDbtp}
          onChange={(v) => v !== null && void save({ loudness: { ...loudness, ceilingDbtp: v } })}
        />
      </Form.Item>
      <Form.Item label={t('audio.settings.mp3BitrateKbps')}>
        <Select
          aria-label={t('audio.settings.mp3BitrateKbps')}
          style={{ width: 120 }}
          value={prefs.mp3BitrateKbps}
          options={BITRATES.map((kbps) => ({ value: kbps, label: String(kbps) }))}
          onChange={(mp3BitrateKbps: number) => void save({ mp3BitrateKbps })}
        />
      </Form.Item>
      <Form.Item label={t('audio.settings.stationName')} extra={t('audio.settings.stationNameHelp')}>
        <Input
          aria-label={t('audio.settings.stationName')}
          maxLength={200}
          value={station}
          onChange={(e) => setStation(e.target.value)}
          onBlur={saveStation}
          onPressEnter={saveStation}
          style={{ maxWidth: 360 }}
        />
      </Form.Item>
    </>
  )
}
