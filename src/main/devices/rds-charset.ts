/**
 * Text for RDS PS (8 chars) and RadioText (64 chars) from Vietnamese input.
 *
 * RDS receivers show the basic RDS character table (EN 50067 / IEC 62106 Annex E, "EBU Latin"),
 * not Latin-1 or UTF-8. 0x20–0x7E is ASCII except 0x24 = ¤ (so `$` is 0xAB), 0x5E = ―,
 * 0x60 = ║, 0x7E = ¯; 0x80–0xFE hold European letters. Of Vietnamese it has á à â ã é è ê í ì
 * ó ò ô õ ú ù ý and their capitals, but no ă đ ơ ư and none of the dot-below or hook-above marks.
 * Folding rule: a letter the table has is kept; any other letter becomes its base letter
 * (ấ → a, ự → u, đ → d); anything else unshowable becomes '?'.
 * Example: 'Thông báo khẩn' → PS 'Thông bá' (bytes 54 68 96 6E 67 20 62 80), RT 'Thông báo khan'.
 * Target 'ascii' folds to plain printable ASCII (0x20–0x7E, `$ ~ ^` kept as typed), for
 * encoders whose byte handling above 0x7F is undocumented and for officers who prefer text with
 * no accents at all; it is the default for both encoder families (one setting, textEncoding).
 * RadioText longer than 64 characters is cut at the last word boundary that fits.
 * References: https://github.com/chrko/python-uecp uecp/rds_character_set_codec.py (the table
 * below follows it); hardware-protocols.md §1.1.5.
 */

/** Unicode characters of codes 0x80…0xFE, in order; '\0' marks the one unassigned code (0xDE). */
const HIGH_TABLE =
  'áàéèíìóòúùÑÇŞß¡Ĳ' + // 0x80
  'âäêëîïôöûüñçşğıĳ' + // 0x90
  'ªα©‰Ğěňőπ€£$←↑→↓' + // 0xA0
  'º¹²³±İńűµ¿÷°¼½¾§' + // 0xB0
  'ÁÀÉÈÍÌÓÒÚÙŘČŠŽÐĿ' + // 0xC0
  'ÂÄÊËÎÏÔÖÛÜřčšž\0ŀ' + // 0xD0
  'ÃÅÆŒŷÝÕØÞŊŔĆŚŹŦð' + // 0xE0
  'ãåæœŵýõøþŋŕćśźŧ' // 0xF0…0xFE

const encodeTable = new Map<string, number>()
const decodeTable = new Map<number, string>()

function addCode(code: number, char: string): void {
  encodeTable.set(char, code)
  decodeTable.set(code, char)
}

for (let code = 0x20; code <= 0x7e; code += 1) addCode(code, String.fromCharCode(code))
encodeTable.delete('$')
encodeTable.delete('^')
encodeTable.delete('`')
encodeTable.delete('~')
addCode(0x24, '¤')
addCode(0x5e, '―')
addCode(0x60, '║')
addCode(0x7e, '¯')
for (const [i, char] of [...HIGH_TABLE].entries()) if (char !== '\0') addCode(0x80 + i, char)

export type RdsTarget = 'rds' | 'ascii'

export const RT_MAX = 64
/** a cut further back than this many characters is not worth it: cut mid-word instead */
const WORD_CUT_SLACK = 20

const isShowable = (char: string, target: RdsTarget): boolean =>
  target === 'rds' ? encodeTable.has(char) : char >= ' ' && char <= '~'

const SPECIAL_FOLDS: Readonly<Record<string, string>> = {
  đ: 'd',
  Đ: 'D',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '–': '-',
  '—': '-',
  '…': '.',
  '₫': 'd',
}

function foldChar(char: string, target: RdsTarget): string {
  if (/\s/.test(char)) return ' '
  if (isShowable(char, target)) return char
  const special = SPECIAL_FOLDS[char]
  if (special !== undefined) return special
  const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
  if (base.length === 1 && isShowable(base, target)) return base
  if (/\p{Cc}/u.test(char)) return ''
  return '?'
}

/** Fold text to characters the target can show (see header); output is NFC, whitespace → space. */
export function foldForRds(text: string, target: RdsTarget = 'rds'): string {
  let out = ''
  for (const char of text.normalize('NFC')) out += foldChar(char, target)
  return out
}

/** Programme Service name: folded, truncated and space-padded to exactly 8 characters. */
export function formatPs(text: string, target: RdsTarget = 'rds'): string {
  return [...foldForRds(text, target)].slice(0, 8).join('').padEnd(8, ' ')
}

/**
 * RadioText: folded, runs of spaces collapsed, trimmed, at most 64 characters (not padded); a
 * longer text is cut at the last space that keeps it within 64 ("… đường liên xã" rather than
 * "… đường liên x"), or mid-word when the last word alone is very long.
 */
export function formatRt(text: string, target: RdsTarget = 'rds'): string {
  const chars = [...foldForRds(text, target).replace(/ {2,}/g, ' ').trim()]
  if (chars.length <= RT_MAX) return chars.join('')
  const space = chars.lastIndexOf(' ', RT_MAX)
  const cut = space >= RT_MAX - WORD_CUT_SLACK ? space : RT_MAX
  return chars.slice(0, cut).join('').trimEnd()
}

/** Encode already-folded text to RDS table bytes; unknown characters become '?' (0x3F). */
export function encodeRdsBytes(text: string): Uint8Array {
  return Uint8Array.from([...foldForRds(text, 'rds')], (char) => encodeTable.get(char) ?? 0x3f)
}

/** Bytes of already-folded text for the target: RDS table bytes, or plain ASCII codes. */
export function encodeTextBytes(text: string, target: RdsTarget): Uint8Array {
  if (target === 'rds') return encodeRdsBytes(text)
  return Uint8Array.from([...foldForRds(text, 'ascii')], (char) => char.charCodeAt(0))
}

/** RDS table bytes to text; control codes below 0x20 (CR ends RadioText, LF) pass through. */
export function decodeRdsBytes(bytes: Iterable<number>): string {
  let out = ''
  for (const byte of bytes) out += byte < 0x20 ? String.fromCharCode(byte) : (decodeTable.get(byte) ?? '?')
  return out
}
