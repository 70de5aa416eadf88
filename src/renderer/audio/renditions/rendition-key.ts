/** The renditions cache key: SHA-256 (hex) of an edit list's rendition material (Web Crypto). */
import type { EditList } from '../../../shared/editor/edit-list'
import { renditionMaterial } from '../../../shared/editor/rendition'

const hex = (buffer: ArrayBuffer): string =>
  Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('')

export async function renditionKey(list: Pick<EditList, 'sourceHash' | 'sourceDurationMs' | 'ops' | 'processing'>) {
  const bytes = new TextEncoder().encode(renditionMaterial(list))
  return hex(await crypto.subtle.digest('SHA-256', bytes))
}
