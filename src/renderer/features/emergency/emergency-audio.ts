/**
 * What an emergency airing plays: the bulletin's own audio from the media store by its mediaHash
 * when the file is on this computer (a province program downloaded, a CAP resource naming one);
 * else its text read by the offline voice (eSpeak NG, Vietnamese), stored in the media store once
 * and reused by every repeat. The spoken text restates the issue time, as disaster practice
 * wants (QĐ 03/2020/QĐ-TTg Art. 28(2)).
 */
import type { EmergencyRecord } from '../../../shared/emergency/bulletin'
import { formatDate, formatTime } from '../../../shared/format/display'
import { normalizeVietnamese } from '../../../shared/tts/normalize-vi'
import { DEFAULT_RATE, type TtsEngine } from '../../audio/tts/engine'
import { createEspeakEngine } from '../../audio/tts/espeak-engine'
import { call } from '../../bridge/bridge'
import { speakIntoStore } from '../tts/store-speech'

export interface AiringAudio {
  hash: string
  durationMs: number
  /** 'media': the bulletin's own file; 'speech': its text read by the offline voice */
  from: 'media' | 'speech'
}

/** The media store's length of a file, or null when it is not on this computer. */
async function storedLength(hash: string): Promise<number | null> {
  try {
    return (await call('media:describe', { hash })).durationMs
  } catch {
    return null
  }
}

/** "Tin khẩn cấp: <title>. Phát hành lúc 9:00 ngày 14/09/2026. <text>", read as words. */
export function spokenText(record: EmergencyRecord): string {
  const issued = record.issuedAtMs
  const intro = `Tin khẩn cấp: ${record.title}. Phát hành lúc ${formatTime(issued)} ngày ${formatDate(issued)}.`
  return normalizeVietnamese(`${intro}\n${record.text ?? ''}`)
}

let voice: TtsEngine | null = null

async function speak(record: EmergencyRecord): Promise<AiringAudio> {
  voice ??= createEspeakEngine()
  const stored = await speakIntoStore(voice, spokenText(record), { voice: 'vi', rate: DEFAULT_RATE }, {})
  return { hash: stored.hash, durationMs: Math.max(1, Math.round(stored.durationMs)), from: 'speech' }
}

/**
 * The audio for the next airing (`save` keeps a new reading on the record). null: nothing to
 * air (no file here and no text).
 */
export async function airingAudio(
  record: EmergencyRecord,
  save: (spoken: NonNullable<EmergencyRecord['spoken']>) => Promise<void>,
): Promise<AiringAudio | null> {
  if (record.mediaHash) {
    const length = await storedLength(record.mediaHash)
    if (length !== null) return { hash: record.mediaHash, durationMs: Math.max(1, Math.round(length)), from: 'media' }
  }
  if (record.spoken && (await storedLength(record.spoken.hash)) !== null) return { ...record.spoken, from: 'speech' }
  if (!record.text) return null
  const spoken = await speak(record)
  await save({ hash: spoken.hash, durationMs: spoken.durationMs })
  return spoken
}
