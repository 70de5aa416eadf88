/**
 * What the Vietnamese voice can read. It reads Latin script only: given Khmer it reads every
 * character as "letter 17xx" (one sentence became 36 s of noise in testing), and it has no voice
 * for Thai, Lao, Chinese and the rest. Such text is refused with a message; it is never sent to
 * the engine. Khmer announcements are recorded instead (no offline Khmer voice exists).
 */

/** Khmer (U+1780–U+17FF) and Khmer Symbols (U+19E0–U+19FF). */
const KHMER = /[\u1780-\u17FF\u19E0-\u19FF]/u
/** A letter of any script other than Latin (and the combining marks Latin uses). */
const OTHER_SCRIPT = /[^\P{L}\p{Script=Latin}]/u
/** Vietnamese letters with a tone mark or a vowel mark, and đ. */
const VI_MARKED = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/iu
const WORD = /\p{L}+/gu

/** Longest text sent to the engine at once: about 30 minutes of speech. */
export const MAX_TTS_CHARS = 20_000

export type TextRefusal =
  | { code: 'empty' }
  | { code: 'too-long'; max: number }
  | { code: 'khmer-script'; sample: string }
  | { code: 'unsupported-script'; sample: string }

export type TextWarning = 'no-diacritics'

export interface TextCheck {
  /** Why the text cannot be spoken; null when it can. */
  refusal: TextRefusal | null
  warnings: TextWarning[]
}

/** The first run of characters matching `re` (at most 12), to show the officer. */
function sampleOf(text: string, re: RegExp): string {
  const at = text.search(re)
  const out: string[] = []
  for (const c of at < 0 ? [] : text.slice(at)) {
    if (!re.test(c) || out.length >= 12) break
    out.push(c)
  }
  return out.join('')
}

/**
 * Whether a Vietnamese text lacks diacritics: at least 3 words and fewer than one word in ten
 * carries a Vietnamese mark (a normal Vietnamese sentence has marks on most words). Words in
 * capitals (abbreviations) are not counted.
 */
export function lacksDiacritics(text: string): boolean {
  const words = (text.normalize('NFC').match(WORD) ?? []).filter((w) => w !== w.toUpperCase() || w.length === 1)
  if (words.length < 3) return false
  const marked = words.filter((w) => VI_MARKED.test(w)).length
  return marked * 10 < words.length
}

/** Checks a text before synthesis: refused scripts first, then warnings. */
export function checkText(raw: string): TextCheck {
  const text = raw.normalize('NFC')
  if (text.trim() === '') return { refusal: { code: 'empty' }, warnings: [] }
  if (text.length > MAX_TTS_CHARS) return { refusal: { code: 'too-long', max: MAX_TTS_CHARS }, warnings: [] }
  if (KHMER.test(text)) return { refusal: { code: 'khmer-script', sample: sampleOf(text, KHMER) }, warnings: [] }
  if (OTHER_SCRIPT.test(text)) {
    return { refusal: { code: 'unsupported-script', sample: sampleOf(text, OTHER_SCRIPT) }, warnings: [] }
  }
  return { refusal: null, warnings: lacksDiacritics(text) ? ['no-diacritics'] : [] }
}
