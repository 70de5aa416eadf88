/**
 * What the screen shows and speaks for a text: the script check (refusal, warnings) and the
 * normalised text the voice will read. Pure; recomputed as the officer types.
 */
import { normalizeVietnamese } from '../../../shared/tts/normalize-vi'
import { checkText, type TextCheck, type TextRefusal } from '../../../shared/tts/script-check'

export interface PreparedText extends TextCheck {
  /** The words the voice reads ('' when refused). */
  spoken: string
}

export function prepareText(text: string): PreparedText {
  const check = checkText(text)
  return { ...check, spoken: check.refusal ? '' : normalizeVietnamese(text) }
}

/** The i18n key and values of a refusal's message. */
export function refusalMessage(refusal: TextRefusal): { key: string; values: Record<string, string | number> } {
  switch (refusal.code) {
    case 'empty':
      return { key: 'tts.refusals.empty', values: {} }
    case 'too-long':
      return { key: 'tts.refusals.tooLong', values: { max: refusal.max } }
    case 'khmer-script':
      return { key: 'tts.refusals.khmer', values: { sample: refusal.sample } }
    case 'unsupported-script':
      return { key: 'tts.refusals.otherScript', values: { sample: refusal.sample } }
  }
}

/** A title from the first words of the text: "Thông báo tiêm phòng…". */
export function titleFromText(text: string, maxChars = 60): string {
  const flat = text.normalize('NFC').replace(/\s+/g, ' ').trim()
  if (flat.length <= maxChars) return flat
  const cut = flat.slice(0, maxChars)
  const atSpace = cut.lastIndexOf(' ')
  return `${(atSpace > 20 ? cut.slice(0, atSpace) : cut).trim()}…`
}
