/**
 * Wire format of the bridge over a WebSocket (browser host). One binary frame per message:
 *
 *   [u32 LE header length N][N bytes UTF-8 JSON header][attachment bytes, concatenated]
 *
 * Every Uint8Array inside the message is replaced in the JSON by {"$bin":[offset,length]}
 * pointing into the attachment area, so PCM chunks travel without base64.
 * Example: {t:'invoke',id:1,channel:'recording:append',input:{pcm:<4 bytes>}} becomes
 * header {"t":"invoke","id":1,...,"input":{"pcm":{"$bin":[0,4]}}} followed by the 4 bytes.
 */
import { z } from 'zod'
import { appErrorSchema } from '../result'

export const wireMessageSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('invoke'), id: z.number().int(), channel: z.string().max(100), input: z.unknown() }),
  z.object({
    t: z.literal('result'),
    id: z.number().int(),
    result: z.union([
      z.object({ ok: z.literal(true), value: z.unknown() }),
      z.object({ ok: z.literal(false), error: appErrorSchema }),
    ]),
  }),
  z.object({ t: z.literal('event'), channel: z.string().max(100), payload: z.unknown() }),
])
export type WireMessage = z.infer<typeof wireMessageSchema>

const isBinRef = (v: unknown): v is { $bin: [number, number] } =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.keys(v).length === 1 &&
  Array.isArray((v as { $bin?: unknown }).$bin)

/** Whether any value inside is bytes (walked by hand: far cheaper than a stringify replacer). */
function hasBytes(value: unknown): boolean {
  if (value instanceof Uint8Array) return true
  if (typeof value !== 'object' || value === null) return false
  if (Array.isArray(value)) {
    for (const item of value) if (typeof item === 'object' && item !== null && hasBytes(item)) return true
    return false
  }
  for (const key in value) if (hasBytes((value as Record<string, unknown>)[key])) return true
  return false
}

export function encodeWire(message: WireMessage): Uint8Array {
  const parts: Uint8Array[] = []
  let offset = 0
  // The replacer reads the holder's own value: a Node Buffer (a Uint8Array) has a toJSON that runs
  // before the replacer and would otherwise put {"type":"Buffer","data":[...]} on the wire. It runs
  // for every value, so a message without bytes (a 90-minute take's peaks) goes without it.
  const replacer = function (this: Record<string, unknown>, key: string, value: unknown) {
    const raw = this[key]
    if (raw instanceof Uint8Array) {
      const ref = { $bin: [offset, raw.byteLength] }
      parts.push(raw)
      offset += raw.byteLength
      return ref
    }
    return value
  }
  const header = hasBytes(message) ? JSON.stringify(message, replacer) : JSON.stringify(message)
  const headerBytes = new TextEncoder().encode(header)
  const out = new Uint8Array(4 + headerBytes.byteLength + offset)
  new DataView(out.buffer).setUint32(0, headerBytes.byteLength, true)
  out.set(headerBytes, 4)
  let at = 4 + headerBytes.byteLength
  for (const p of parts) {
    out.set(p, at)
    at += p.byteLength
  }
  return out
}

export function decodeWire(frame: Uint8Array): WireMessage {
  if (frame.byteLength < 4) throw new Error('wire: frame shorter than its length prefix')
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength)
  const headerLength = view.getUint32(0, true)
  const bodyStart = 4 + headerLength
  if (bodyStart > frame.byteLength) throw new Error('wire: header length exceeds frame')
  const body = frame.subarray(bodyStart)
  const text = new TextDecoder('utf-8', { fatal: true }).decode(frame.subarray(4, bodyStart))
  // A reviver runs for every value: on a frame without attachments (most, and the large ones like
  // a 90-minute take's 270,000 peaks) plain JSON.parse is several times faster. A frame that might
  // hold a reference still goes through the reviver, which refuses one out of range.
  if (body.byteLength === 0 && !text.includes('"$bin"')) return wireMessageSchema.parse(JSON.parse(text) as unknown)
  const raw: unknown = JSON.parse(text, (_key, value: unknown) => {
    if (isBinRef(value)) {
      const [start, length] = value.$bin
      if (
        !Number.isInteger(start) ||
        !Number.isInteger(length) ||
        start < 0 ||
        length < 0 ||
        start + length > body.byteLength
      ) {
        throw new Error('wire: attachment reference out of range')
      }
      return body.slice(start, start + length)
    }
    return value
  })
  return wireMessageSchema.parse(raw)
}
