/** The officer's words for a loudness measurement and its warnings (translations in audio.json). */
import type { TFunction } from 'i18next'
import type { LoudnessMeasurement, LoudnessWarning } from '../../../shared/editor/loudness'
import { formatDuration, formatNumber, formatSeconds } from '../../components/format'

const oneDecimal = (v: number): string => (v <= -200 ? '-∞' : formatNumber(v, 1))

export function measurementText(t: TFunction, m: LoudnessMeasurement): string {
  return t('audio.loudness.summary', {
    lufs: oneDecimal(m.integratedLufs),
    peak: oneDecimal(m.truePeakDbtp),
    duration: formatDuration(m.durationMs),
  })
}

export function warningText(t: TFunction, w: LoudnessWarning): string {
  switch (w.kind) {
    case 'silent':
      return t('audio.loudness.warnings.silent')
    case 'too-quiet':
      return t('audio.loudness.warnings.too-quiet', { lufs: oneDecimal(w.integratedLufs) })
    case 'too-loud':
      return t('audio.loudness.warnings.too-loud', { lufs: oneDecimal(w.integratedLufs) })
    case 'clipping':
      return t('audio.loudness.warnings.clipping', { peak: oneDecimal(w.truePeakDbtp) })
    case 'silence-start':
      return t('audio.loudness.warnings.silence-start', { seconds: formatSeconds(w.durationMs) })
    case 'silence-end':
      return t('audio.loudness.warnings.silence-end', { seconds: formatSeconds(w.durationMs) })
  }
}
