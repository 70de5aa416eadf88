/**
 * Long text is spoken in chunks of whole sentences: eSpeak NG (WASM) given 19,040 characters at
 * once failed with "memory access out of bounds" / "Stack overflow" (10,080 worked), and one huge
 * run also holds all its audio at once. Each chunk is at most `CHUNK_CHARS` characters: sentences
 * are packed together up to that size; a sentence longer than that is split at its clauses
 * (, ; :), then between words; a single "word" longer than that (a pasted URL) is cut.
 * Pure: the TTS engine sends the chunks to its worker one by one.
 */

/** Largest chunk sent to eSpeak at once: a fifth of the length known to work. */
export const CHUNK_CHARS = 2000

/** Sentences with their closing punctuation and the spaces after it (line breaks end one too). */
const SENTENCE = /[^.!?…\n]+(?:[.!?…]+["”’)\]]*|\n+|$)\s*/gu
const CLAUSE = /[^,;:]+(?:[,;:]+\s*|$)/gu

function pieces(text: string, re: RegExp): string[] {
  return (text.match(re) ?? []).filter((p) => p.trim() !== '')
}

/** Splits one piece that is too long: at clauses, then at spaces, then hard. */
function splitLong(piece: string, max: number): string[] {
  if (piece.length <= max) return [piece]
  const clauses = pieces(piece, CLAUSE)
  if (clauses.length > 1) return pack(clauses, max)
  const words = piece.split(/(?<=\s)/u)
  if (words.length > 1) return pack(words, max)
  const out: string[] = []
  for (let at = 0; at < piece.length; at += max) out.push(piece.slice(at, at + max))
  return out
}

/** Packs pieces in order into chunks of at most `max` characters. */
function pack(parts: readonly string[], max: number): string[] {
  const out: string[] = []
  let current = ''
  for (const part of parts.flatMap((p) => splitLong(p, max))) {
    if (current.length + part.length > max && current !== '') {
      out.push(current)
      current = ''
    }
    current += part
  }
  if (current.trim() !== '') out.push(current)
  return out
}

/** The text in chunks of whole sentences, each at most `max` characters, trimmed, none empty. */
export function speechChunks(text: string, max = CHUNK_CHARS): string[] {
  if (max < 1) throw new Error('tts: chunk size must be positive')
  return pack(pieces(text, SENTENCE), max)
    .map((c) => c.trim())
    .filter((c) => c !== '')
}
