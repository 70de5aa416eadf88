/**
 * Decode the message field of a UECP frame into elements (format: uecp-messages.ts). Used by the
 * encoder simulator and to read the encoder's ACK / request replies.
 */
import { decodeRdsBytes } from '../rds-charset'
import { MEC, type RtBuffer, type UecpElement } from './uecp-messages'

type Decoded = { element: UecpElement; length: number }

function decodeService(m: Uint8Array, at: number): Decoded | null {
  const mec = m[at] ?? 0
  const s = { dsn: m[at + 1] ?? 0, psn: m[at + 2] ?? 0 }
  const b = (i: number): number => m[at + 3 + i] ?? 0
  const text = (n: number): string => decodeRdsBytes(m.subarray(at + 3, at + 3 + n))
  switch (mec) {
    case MEC.pi:
      return { element: { kind: 'pi', pi: (b(0) << 8) | b(1), ...s }, length: 5 }
    case MEC.ps:
      return { element: { kind: 'ps', text: text(8), ...s }, length: 11 }
    case MEC.ptyn:
      return { element: { kind: 'ptyn', text: text(8), ...s }, length: 11 }
    case MEC.taTp:
      return { element: { kind: 'ta-tp', ta: (b(0) & 1) === 1, tp: (b(0) & 2) === 2, ...s }, length: 4 }
    case MEC.di:
      return { element: { kind: 'di', flags: b(0), ...s }, length: 4 }
    case MEC.ms:
      return { element: { kind: 'ms', isMusic: b(0) === 1, ...s }, length: 4 }
    case MEC.pty:
      return { element: { kind: 'pty', pty: b(0), ...s }, length: 4 }
    case MEC.rt:
      return decodeRt(m, at)
    default:
      return null
  }
}

function decodeRt(m: Uint8Array, at: number): Decoded {
  const s = { dsn: m[at + 1] ?? 0, psn: m[at + 2] ?? 0 }
  const mel = m[at + 3] ?? 0
  if (mel === 0) return { element: { kind: 'rt-clear', ...s }, length: 4 }
  const cfg = m[at + 4] ?? 0
  const buffer: RtBuffer = (cfg & 0x60) === 0x40 ? 'append' : 'flush'
  const text = decodeRdsBytes(m.subarray(at + 5, at + 4 + mel))
  return {
    element: { kind: 'rt', text, buffer, transmissions: (cfg >> 1) & 0x0f, toggle: (cfg & 1) === 1, ...s },
    length: 4 + mel,
  }
}

function decodeOther(m: Uint8Array, at: number): Decoded {
  const mec = m[at] ?? 0
  if (mec === MEC.ack) {
    const code = m[at + 1] ?? 0
    return code === 0
      ? { element: { kind: 'ack', code, sequence: 0 }, length: 2 }
      : { element: { kind: 'ack', code, sequence: m[at + 2] ?? 0 }, length: 3 }
  }
  if (mec === MEC.request) {
    const mel = m[at + 1] ?? 0
    const body = [...m.subarray(at + 2, at + 2 + mel)]
    return { element: { kind: 'request', target: body[0] ?? 0, params: body.slice(1) }, length: 2 + mel }
  }
  if (mec === MEC.dataSetSelect) return { element: { kind: 'data-set-select', dsn: m[at + 1] ?? 0 }, length: 2 }
  return { element: { kind: 'unknown', code: mec, bytes: m.slice(at) }, length: m.length - at }
}

/** All elements in a message field; an unknown MEC swallows the rest (its length is unknown). */
export function decodeUecpMessage(message: Uint8Array): UecpElement[] {
  const elements: UecpElement[] = []
  let at = 0
  while (at < message.length) {
    const decoded = decodeService(message, at) ?? decodeOther(message, at)
    if (at + decoded.length > message.length) {
      elements.push({ kind: 'unknown', code: message[at] ?? 0, bytes: message.slice(at) })
      break
    }
    elements.push(decoded.element)
    at += Math.max(1, decoded.length)
  }
  return elements
}
