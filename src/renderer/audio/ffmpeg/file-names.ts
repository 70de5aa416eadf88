/** File names in and out: an announcement title from an imported file, an export name from a title. */

/** "thong_bao-tiem.chung.mp3" → "thong bao-tiem.chung": the announcement's first title. */
export function titleFromFileName(name: string): string {
  const base = name
    .normalize('NFC')
    .replace(/\.[^.]{1,5}$/, '')
    .replace(/[_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return (base || name).slice(0, 300)
}

/** "Thông báo: tiêm chủng/ngày 5" → "Thông báo tiêm chủng ngày 5.mp3" (no characters Windows refuses). */
export function exportFileName(title: string, extension: 'mp3' | 'wav'): string {
  const printable = [...title.normalize('NFC')].map((c) => (c.charCodeAt(0) < 0x20 ? ' ' : c)).join('')
  const clean = printable
    .replace(/[<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
    .slice(0, 120)
  return `${clean || 'thong-bao'}.${extension}`
}
