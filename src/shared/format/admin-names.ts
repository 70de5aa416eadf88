/**
 * Vietnamese administrative names in running text. The province's records name a commune
 * "Xã Tân Hòa" and a province "Tỉnh Demo", while others (and officers typing) write only
 * "Tân Hòa": text that puts the unit in front must not print "xã Xã Tân Hòa".
 *
 *   withAdminUnit('xã', 'Xã Tân Hòa')       → 'xã Tân Hòa'
 *   withAdminUnit('xã', 'Tân Hòa')          → 'xã Tân Hòa'
 *   withAdminUnit('xã', 'Thị trấn Cần Giờ') → 'thị trấn Cần Giờ' (the name's own unit wins)
 *   bareAdminName('Tỉnh Demo')              → 'Demo'
 *   placeName('Phường 3')                   → 'Phường 3' (numbered units keep the unit)
 *
 * In running text the unit is lower case ("Đài truyền thanh xã Tân Hòa", "tỉnh Sóc Trăng"), the
 * usage of administrative documents. Comparison ignores case and Unicode composition (a name
 * typed with combining marks still matches), with Vietnamese lower-casing.
 */

/** Units of the administrative levels, before and after the 2025 reform, longest first. */
export const ADMIN_UNITS = [
  'thành phố',
  'thị trấn',
  'thị xã',
  'đặc khu',
  'phường',
  'huyện',
  'quận',
  'tỉnh',
  'xã',
] as const
export type AdminUnit = (typeof ADMIN_UNITS)[number]

const ENGLISH_UNITS: Record<AdminUnit, string> = {
  'thành phố': 'city',
  'thị trấn': 'township',
  'thị xã': 'town',
  'đặc khu': 'special zone',
  phường: 'ward',
  huyện: 'district',
  quận: 'district',
  tỉnh: 'province',
  xã: 'commune',
}

const lower = (s: string): string => s.normalize('NFC').toLocaleLowerCase('vi')

export interface SplitAdminName {
  /** The unit the name starts with, or null. */
  unit: AdminUnit | null
  /** The name without it, as written ("Tân Hòa"). */
  rest: string
}

/** The unit a name starts with (followed by a space and more text), and the rest. */
export function splitAdminName(name: string): SplitAdminName {
  const text = name.normalize('NFC').trim().replace(/\s+/g, ' ')
  const folded = lower(text)
  for (const unit of ADMIN_UNITS) {
    if (folded.startsWith(`${unit} `) && text.length > unit.length + 1)
      return { unit, rest: text.slice(unit.length + 1).trim() }
  }
  return { unit: null, rest: text }
}

/** The name with its unit in front, lower case, never twice: "xã Tân Hòa", "tỉnh Demo". */
export function withAdminUnit(unit: AdminUnit, name: string): string {
  const split = splitAdminName(name)
  if (split.rest === '') return ''
  return `${split.unit ?? unit} ${split.rest}`
}

/** The name without a leading unit: "Tân Hòa". */
export const bareAdminName = (name: string): string => splitAdminName(name).rest

/**
 * The place of a document's date line (địa danh, NĐ 30/2020/NĐ-CP Phụ lục I): the name without
 * its unit ("Tân Hòa, ngày …"), except a unit named by a number, which keeps it ("Phường 3, ngày …").
 */
export function placeName(name: string): string {
  const split = splitAdminName(name)
  if (split.unit === null || !/^\d/.test(split.rest)) return split.rest
  return `${split.unit.charAt(0).toLocaleUpperCase('vi')}${split.unit.slice(1)} ${split.rest}`
}

/** In English: "Tân Hòa commune", "Demo province", "Ward 3" (a numbered unit leads). */
export function englishAdminName(unit: AdminUnit, name: string): string {
  const split = splitAdminName(name)
  const english = ENGLISH_UNITS[split.unit ?? unit]
  if (/^\d/.test(split.rest)) return `${english.charAt(0).toUpperCase()}${english.slice(1)} ${split.rest}`
  return `${split.rest} ${english}`
}
