/**
 * Abbreviations common in commune notices, and how they are read. eSpeak NG spells unknown
 * capitals as English letters ("UBND" → "(en) u-bi-en-di"), so the app expands them first.
 * Matching is case-sensitive on whole words (a letter or digit on either side blocks a match),
 * so "TP." and "TP" expand but "tp" inside a word never does. Longer forms are tried first.
 */
export const VI_ABBREVIATIONS: Readonly<Record<string, string>> = {
  UBMTTQ: 'Ủy ban Mặt trận Tổ quốc',
  'GD&ĐT': 'giáo dục và đào tạo',
  UBND: 'Ủy ban nhân dân',
  HĐND: 'Hội đồng nhân dân',
  MTTQ: 'Mặt trận Tổ quốc',
  THCS: 'trung học cơ sở',
  THPT: 'trung học phổ thông',
  BHYT: 'bảo hiểm y tế',
  BHXH: 'bảo hiểm xã hội',
  HTX: 'hợp tác xã',
  PCCC: 'phòng cháy chữa cháy',
  ATGT: 'an toàn giao thông',
  CSGT: 'cảnh sát giao thông',
  CAND: 'công an nhân dân',
  QĐND: 'quân đội nhân dân',
  BCH: 'ban chỉ huy',
  BQL: 'ban quản lý',
  TDP: 'tổ dân phố',
  KDC: 'khu dân cư',
  CLB: 'câu lạc bộ',
  'COVID-19': 'cô vít mười chín',
  COVID: 'cô vít',
  TW: 'trung ương',
  'TP.': 'thành phố',
  'Tp.': 'thành phố',
  TP: 'thành phố',
  'TX.': 'thị xã',
  'TT.': 'thị trấn',
  SĐT: 'số điện thoại',
  ĐT: 'điện thoại',
  STT: 'số thứ tự',
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Expands the abbreviations in `text` (already NFC) using `table` (default: the station's list). */
export function expandAbbreviations(text: string, table: Readonly<Record<string, string>> = VI_ABBREVIATIONS): string {
  const keys = Object.keys(table).sort((a, b) => b.length - a.length)
  if (keys.length === 0) return text
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${keys.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu')
  return text.replace(pattern, (match) => table[match] ?? match)
}
