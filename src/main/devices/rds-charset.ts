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
 * Target 'ascii' folds to plain ASCII without $ ^ ` ~ (they show differently on receivers), for
 * ASCII-command encoders whose byte handling above 0x7F is undocumented.
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

const ASCII_UNSAFE = new Set(['$', '^', '`', '~'])

const isShowable = (char: string, target: RdsTarget): boolean =>
  target === 'rds' ? encodeTable.has(char) : char >= ' ' && char <= '~' && !ASCII_UNSAFE.has(char)

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

/** RadioText: folded, runs of spaces collapsed, trimmed, at most 64 characters (not padded). */
export function formatRt(text: string, target: RdsTarget = 'rds'): string {
  const folded = foldForRds(text, target).replace(/ {2,}/g, ' ').trim()
  return [...folded].slice(0, 64).join('')
}

/** Encode already-folded text to RDS table bytes; unknown characters become '?' (0x3F). */
export function encodeRdsBytes(text: string): Uint8Array {
  return Uint8Array.from([...foldForRds(text, 'rds')], (char) => encodeTable.get(char) ?? 0x3f)
}

/** RDS table bytes to text; control codes below 0x20 (CR ends RadioText, LF) pass through. */
export function decodeRdsBytes(bytes: Iterable<number>): string {
  let out = ''
  for (const byte of bytes) out += byte < 0x20 ? String.fromCharCode(byte) : (decodeTable.get(byte) ?? '?')
  return out
}
