/** The recorder's queue of captured blocks waiting to be sent to main. */
import { concatBytes } from '../../../shared/bytes'

/** Removes and concatenates queued blocks up to `limit` bytes (always at least one block). */
export function takeUpTo(queue: Array<Uint8Array<ArrayBuffer>>, limit: number): Uint8Array<ArrayBuffer> {
  const parts: Array<Uint8Array<ArrayBuffer>> = []
  let size = 0
  while (queue.length > 0) {
    const next = queue[0]
    if (!next || (parts.length > 0 && size + next.byteLength > limit)) break
    parts.push(next)
    size += next.byteLength
    queue.shift()
  }
  if (parts.length === 1 && parts[0]) return parts[0]
  return concatBytes(parts)
}
