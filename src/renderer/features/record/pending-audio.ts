/**
 * Captured blocks the host has not confirmed yet, oldest first. A block leaves only when the host
 * has acknowledged it, so what is here is exactly what would be lost if the page closed now; the
 * recorder bounds it (the host can be away for a while).
 */
import { concatBytes } from '../../../shared/bytes'

export interface PendingAudio {
  push(block: Uint8Array<ArrayBuffer>): void
  /** The oldest bytes joined, up to `limit` (always at least one whole block), still pending. */
  peek(limit: number): Uint8Array<ArrayBuffer>
  /** Forgets the oldest `count` bytes (the host has them); may end inside a block. */
  drop(count: number): void
  readonly bytes: number
}

export function createPendingAudio(): PendingAudio {
  const blocks: Array<Uint8Array<ArrayBuffer>> = []
  let bytes = 0
  return {
    push(block) {
      if (block.byteLength === 0) return
      blocks.push(block)
      bytes += block.byteLength
    },
    peek(limit) {
      const parts: Array<Uint8Array<ArrayBuffer>> = []
      let size = 0
      for (const block of blocks) {
        if (parts.length > 0 && size + block.byteLength > limit) break
        parts.push(block)
        size += block.byteLength
      }
      const [only] = parts
      return parts.length === 1 && only ? only : concatBytes(parts)
    },
    drop(count) {
      let left = Math.min(count, bytes)
      bytes -= left
      while (left > 0) {
        const head = blocks[0]
        if (!head) break
        if (head.byteLength <= left) {
          blocks.shift()
          left -= head.byteLength
        } else {
          blocks[0] = head.subarray(left)
          left = 0
        }
      }
    },
    get bytes() {
      return bytes
    },
  }
}
