/**
 * A total, deterministic order for names shown in reports (hamlets, categories): Vietnamese
 * collation first (so "Ấp Bốn" sorts near "Ấp Ba", not after "Z"), then UTF-16 code units to break
 * ties the collator calls equal, so no two distinct strings ever compare as 0.
 */
const collator = new Intl.Collator('vi', { sensitivity: 'variant', numeric: true })

export function compareText(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0)
}
