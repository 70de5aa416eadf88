/**
 * Numbers read aloud in Vietnamese (Northern usage, as the station's voice speaks it).
 *
 * Rules (Vietnamese grammar of numerals):
 * - 1 after a tens of 20 and more is "mốt" (21 → hai mươi mốt), but "một" after "mười" (11).
 * - 5 after any tens is "lăm" (15 → mười lăm, 25 → hai mươi lăm), but "năm" after "linh".
 * - A zero tens between hundreds and a unit is "linh" (105 → một trăm linh năm).
 * - Inside a larger number a group below 100 reads its empty hundreds ("không trăm"):
 *   2025 → hai nghìn không trăm hai mươi lăm; 1005 → một nghìn không trăm linh năm.
 * - Groups of three: nghìn, triệu, tỷ; an all-zero group is skipped (1 000 000 → một triệu).
 * eSpeak NG alone reads 15 as "mười năm", which is why the app reads numbers itself.
 */

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const

export const digitWord = (d: number): string => DIGITS[d] ?? ''

/** Reads 0..999. `isInner` = a group after a higher one, which reads its zero hundreds. */
function readGroup(n: number, isInner: boolean): string[] {
  const hundreds = Math.floor(n / 100)
  const tens = Math.floor((n % 100) / 10)
  const units = n % 10
  const words: string[] = []
  if (hundreds > 0 || isInner) words.push(digitWord(hundreds), 'trăm')
  if (tens === 0) {
    if (units > 0 && words.length > 0) words.push('linh', digitWord(units))
    else if (units > 0) words.push(digitWord(units))
    return words
  }
  if (tens === 1) words.push('mười')
  else words.push(digitWord(tens), 'mươi')
  if (units === 1) words.push(tens === 1 ? 'một' : 'mốt')
  else if (units === 5) words.push('lăm')
  else if (units > 0) words.push(digitWord(units))
  return words
}

const SCALES = ['', 'nghìn', 'triệu'] as const

/** Reads a non-negative integer below 10^9 as word list. */
function readBelowBillion(n: number, isInner: boolean): string[] {
  const groups: number[] = []
  for (let rest = n; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000)
  const words: string[] = []
  for (let i = groups.length - 1; i >= 0; i -= 1) {
    const group = groups[i] ?? 0
    if (group === 0) continue
    const inner = isInner || i < groups.length - 1
    words.push(...readGroup(group, inner))
    if (i > 0) words.push(SCALES[i] ?? '')
  }
  return words
}

function readWords(n: number, isInner: boolean): string[] {
  if (n >= 1e9) {
    const billions = Math.floor(n / 1e9)
    const rest = n % 1e9
    const head = [...readWords(billions, isInner), 'tỷ']
    return rest > 0 ? [...head, ...readBelowBillion(rest, true)] : head
  }
  return readBelowBillion(n, isInner)
}

/** Reads a non-negative safe integer: 2025 → "hai nghìn không trăm hai mươi lăm". */
export function readInteger(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`cannot read ${n}`)
  if (n === 0) return 'không'
  return readWords(n, false).join(' ')
}

/** Reads digit by digit: "0912" → "không chín một hai" (phone numbers, codes). */
export const readDigits = (digits: string): string =>
  [...digits]
    .filter((c) => c >= '0' && c <= '9')
    .map((c) => digitWord(Number(c)))
    .join(' ')

/**
 * Reads a number as written in Vietnamese: '.' groups thousands and ',' is the decimal mark
 * ("1.250" → một nghìn hai trăm năm mươi, "2,5" → hai phẩy năm). A '.' not followed by exactly
 * three digits is read as a decimal mark too ("2.5" → hai phẩy năm), as people type it.
 * The decimals are read digit by digit, with a leading zero kept ("0,05" → không phẩy không năm),
 * except a two-digit decimal with no leading zero, read as a number ("12,75" → mười hai phẩy bảy mươi lăm).
 */
export function readNumberText(text: string): string {
  const grouped = /^\d{1,3}(\.\d{3})+$/.test(text)
  const [intPart = '', decPart] = grouped ? [text.replace(/\./g, '')] : text.split(/[.,]/)
  const whole = readInteger(Number(intPart))
  if (decPart === undefined || decPart === '') return whole
  const decimals = decPart.length === 2 && !decPart.startsWith('0') ? readInteger(Number(decPart)) : readDigits(decPart)
  return `${whole} phẩy ${decimals}`
}
