/**
 * Languages a commune broadcasts in, as BCP 47 tags. Where a language has no two-letter ISO 639-1
 * code, its three-letter ISO 639-3 code is the BCP 47 primary subtag (RFC 5646 §2.2.1; codes from
 * the SIL ISO 639-3 code tables, https://iso639-3.sil.org/code_tables/639/data). Names are
 * translated as `editor.languages.<tag>`.
 */
export const BROADCAST_LANGUAGES = [
  'vi', // Tiếng Việt
  'km', // Khmer (ISO 639-1)
  'tyz', // Tày
  'blt', // Thái Đen (Tai Dam)
  'twh', // Thái Trắng (Tai Dón)
  'mtq', // Mường
  'hmn', // H'Mông (macrolanguage)
  'nut', // Nùng
  'rad', // Ê Đê (Rade)
  'jra', // Gia Rai (Jarai)
  'bdq', // Ba Na (Bahnar)
  'cjm', // Chăm (Eastern Cham)
] as const

export type BroadcastLanguage = (typeof BROADCAST_LANGUAGES)[number]

export const isKnownLanguage = (tag: string): tag is BroadcastLanguage =>
  (BROADCAST_LANGUAGES as readonly string[]).includes(tag)
