import { describe, expect, it } from 'vitest'
import { decodeWire, encodeWire, type WireMessage } from '../../../../src/shared/ipc/wire'
import { noiseBytes } from '../../helpers/pcm'

/** Builds a frame by hand: u32 LE header length, the header bytes, then the attachment area. */
function frameOf(header: Uint8Array, body: Uint8Array = new Uint8Array(0), declaredLength = header.byteLength) {
  const out = new Uint8Array(4 + header.byteLength + body.byteLength)
  new DataView(out.buffer).setUint32(0, declaredLength, true)
  out.set(header, 4)
  out.set(body, 4 + header.byteLength)
  return out
}

const jsonFrame = (value: unknown, body?: Uint8Array) => frameOf(new TextEncoder().encode(JSON.stringify(value)), body)

const headerLengthOf = (frame: Uint8Array) => new DataView(frame.buffer, frame.byteOffset).getUint32(0, true)

describe('wire', () => {
  it('round-trips an invoke with several nested byte arrays when they sit at different depths', () => {
    const a = noiseBytes(10, 1)
    const b = noiseBytes(333, 2)
    const c = noiseBytes(7, 3)
    const message: WireMessage = {
      t: 'invoke',
      id: 42,
      channel: 'recording:append',
      input: { id: 'x', seq: 3, pcm: a, nested: { list: [b, { deeper: c }], text: 'Đài Xã' } },
    }
    const frame = encodeWire(message)
    const decoded = decodeWire(frame)

    expect(decoded).toEqual(message)
    if (decoded.t !== 'invoke') throw new Error('expected an invoke')
    const input = decoded.input as { pcm: Uint8Array; nested: { list: [Uint8Array, { deeper: Uint8Array }] } }
    expect(input.pcm).toBeInstanceOf(Uint8Array)
    expect(Buffer.from(input.pcm).equals(Buffer.from(a))).toBe(true)
    expect(Buffer.from(input.nested.list[0]).equals(Buffer.from(b))).toBe(true)
    expect(Buffer.from(input.nested.list[1].deeper).equals(Buffer.from(c))).toBe(true)
    // The bytes travel in the attachment area, not in the JSON header.
    expect(frame.byteLength).toBe(4 + headerLengthOf(frame) + 10 + 333 + 7)
  })

  it('round-trips an empty byte array when a chunk has no samples', () => {
    const message: WireMessage = { t: 'invoke', id: 1, channel: 'recording:append', input: { pcm: new Uint8Array(0) } }
    const decoded = decodeWire(encodeWire(message))
    expect(decoded).toEqual(message)
    if (decoded.t !== 'invoke') throw new Error('expected an invoke')
    const { pcm } = decoded.input as { pcm: Uint8Array }
    expect(pcm).toBeInstanceOf(Uint8Array)
    expect(pcm.byteLength).toBe(0)
  })

  it('round-trips about 200 KB byte for byte when the chunk is large', () => {
    const big = noiseBytes(200 * 1024 + 1, 99)
    const message: WireMessage = { t: 'invoke', id: 7, channel: 'recording:append', input: { pcm: big, tail: 'end' } }
    const decoded = decodeWire(encodeWire(message))
    if (decoded.t !== 'invoke') throw new Error('expected an invoke')
    const { pcm, tail } = decoded.input as { pcm: Uint8Array; tail: string }
    expect(pcm.byteLength).toBe(big.byteLength)
    expect(Buffer.compare(Buffer.from(pcm), Buffer.from(big))).toBe(0)
    expect(tail).toBe('end')
  })

  it('round-trips a result and an event when they carry bytes and errors', () => {
    const bytes = noiseBytes(64, 5)
    const okResult: WireMessage = { t: 'result', id: 9, result: { ok: true, value: { data: bytes, n: 1 } } }
    const failed: WireMessage = {
      t: 'result',
      id: 10,
      result: { ok: false, error: { code: 'disk-full', message: 'no space' } },
    }
    const event: WireMessage = { t: 'event', channel: 'settings:changed', payload: { language: 'en', blob: bytes } }
    for (const message of [okResult, failed, event]) {
      const decoded = decodeWire(encodeWire(message))
      expect(decoded).toEqual(message)
    }
    const decoded = decodeWire(encodeWire(okResult))
    if (decoded.t !== 'result' || !decoded.result.ok) throw new Error('expected an ok result')
    const { data } = decoded.result.value as { data: Uint8Array }
    expect(Buffer.from(data).equals(Buffer.from(bytes))).toBe(true)
  })

  it('decodes a frame when it is a view into a larger buffer', () => {
    const frame = encodeWire({ t: 'invoke', id: 3, channel: 'app:info', input: { pcm: noiseBytes(6, 8) } })
    const padded = new Uint8Array(frame.byteLength + 11)
    padded.set(frame, 5)
    const decoded = decodeWire(padded.subarray(5, 5 + frame.byteLength))
    expect(decoded).toEqual(decodeWire(frame))
  })

  it('carries a Node Buffer as bytes when main sends one', () => {
    // Buffer is a Uint8Array; its toJSON must not turn it into {type:'Buffer',data:[...]} on the wire.
    const bytes = Buffer.from([1, 2, 3, 250])
    const decoded = decodeWire(encodeWire({ t: 'event', channel: 'x:y', payload: { bytes } }))
    if (decoded.t !== 'event') throw new Error('expected an event')
    const payload = decoded.payload as { bytes: unknown }
    expect(payload.bytes).toBeInstanceOf(Uint8Array)
    expect(Array.from(payload.bytes as Uint8Array)).toEqual([1, 2, 3, 250])
  })

  it('throws when the frame is shorter than its length prefix', () => {
    expect(() => decodeWire(new Uint8Array(0))).toThrow(/shorter/)
    expect(() => decodeWire(new Uint8Array([1, 0, 0]))).toThrow(/shorter/)
  })

  it('throws when the header length reaches beyond the frame', () => {
    const header = new TextEncoder().encode(JSON.stringify({ t: 'event', channel: 'a:b', payload: null }))
    expect(() => decodeWire(frameOf(header, new Uint8Array(0), header.byteLength + 1))).toThrow(/exceeds/)
    expect(() => decodeWire(frameOf(header, new Uint8Array(0), 0xffffffff))).toThrow(/exceeds/)
  })

  it('throws when the header is not valid UTF-8', () => {
    const header = new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]) // {"\xC3("} — a broken 2-byte sequence
    expect(() => decodeWire(frameOf(header))).toThrow(TypeError)
  })

  it('throws when the header is not JSON', () => {
    expect(() => decodeWire(frameOf(new TextEncoder().encode('{"t":"invoke",')))).toThrow(SyntaxError)
    expect(() => decodeWire(frameOf(new Uint8Array(0)))).toThrow(SyntaxError)
  })

  it('throws when an attachment reference points outside the attachment area', () => {
    const body = new Uint8Array(4)
    const invoke = (ref: unknown) => ({ t: 'invoke', id: 1, channel: 'a:b', input: { pcm: { $bin: ref } } })
    expect(() => decodeWire(jsonFrame(invoke([0, 5]), body))).toThrow(/out of range/)
    expect(() => decodeWire(jsonFrame(invoke([3, 2]), body))).toThrow(/out of range/)
    expect(() => decodeWire(jsonFrame(invoke([-1, 1]), body))).toThrow(/out of range/)
    expect(() => decodeWire(jsonFrame(invoke([0, -1]), body))).toThrow(/out of range/)
    expect(() => decodeWire(jsonFrame(invoke([0.5, 1]), body))).toThrow(/out of range/)
    expect(() => decodeWire(jsonFrame(invoke(['0', 1]), body))).toThrow(/out of range/)
    expect(() => decodeWire(jsonFrame(invoke([0]), body))).toThrow(/out of range/)
    // The edge of the area is still in range.
    const edge = decodeWire(jsonFrame(invoke([0, 4]), body))
    expect(edge.t).toBe('invoke')
  })

  it("round-trips a large message without bytes (a long take's peaks) with no attachment area", () => {
    const peaks = Array.from({ length: 270_000 }, (_, i) => Math.round(Math.abs(Math.sin(i / 50)) * 1000) / 1000)
    const message: WireMessage = { t: 'result', id: 3, result: { ok: true, value: { peaks, title: '$bin' } } }
    const frame = encodeWire(message)
    expect(frame.byteLength).toBe(4 + headerLengthOf(frame))
    expect(decodeWire(frame)).toEqual(message)
  })

  it('throws when a frame without attachments references one', () => {
    const invoke = (ref: unknown) => ({ t: 'invoke', id: 1, channel: 'a:b', input: { pcm: { $bin: ref } } })
    expect(() => decodeWire(jsonFrame(invoke([0, 1])))).toThrow(/out of range/)
    expect(() => decodeWire(jsonFrame(invoke([2, 0])))).toThrow(/out of range/)
  })

  it('throws when the header does not match the message schema', () => {
    const bad: unknown[] = [
      { t: 'shout', id: 1 },
      { t: 'invoke', id: 'one', channel: 'a:b', input: {} },
      { t: 'invoke', id: 1.5, channel: 'a:b', input: {} },
      { t: 'invoke', id: 1, channel: 'x'.repeat(101), input: {} },
      { t: 'result', id: 1, result: { ok: false, error: { code: 'teapot', message: '' } } },
      { t: 'result', id: 1, result: { ok: true } },
      { t: 'event', payload: {} },
      [],
      null,
    ]
    for (const header of bad) expect(() => decodeWire(jsonFrame(header)), JSON.stringify(header)).toThrow()
  })
})
