/** Voice and speaking rate. */
import { Form, Select, Slider } from 'antd'
import { useTranslation } from 'react-i18next'
import { MAX_RATE, MIN_RATE } from '../../audio/tts/engine'
import { ESPEAK_VOICES } from '../../audio/tts/espeak-synth'

export interface VoiceFieldsProps {
  voice: string
  rate: number
  onVoice: (voice: string) => void
  onRate: (rate: number) => void
}

export function VoiceFields({ voice, rate, onVoice, onRate }: VoiceFieldsProps) {
  const { t } = useTranslation()
  return (
    <>
      <Form.Item label={t('tts.voice')} htmlFor="tts-voice">
        <Select
          id="tts-voice"
          aria-label={t('tts.voice')}
          value={voice}
          onChange={onVoice}
          options={ESPEAK_VOICES.map((v) => ({ value: v.id, label: t(v.labelKey) }))}
          style={{ maxWidth: 320 }}
        />
      </Form.Item>
      <Form.Item label={t('tts.rate', { rate })}>
        <Slider
          aria-label={t('tts.rateLabel')}
          // antd puts the slider role on the handle: the name goes there, or the slider has none.
          ariaLabelForHandle={t('tts.rateLabel')}
          min={MIN_RATE}
          max={MAX_RATE}
          step={5}
          value={rate}
          onChange={onRate}
          marks={{ [MIN_RATE]: t('tts.slow'), 150: '150', [MAX_RATE]: t('tts.fast') }}
          style={{ maxWidth: 480 }}
        />
      </Form.Item>
    </>
  )
}
