/**
 * UECP frame layer (EBU SPB 490, now IEC 62106-10), for RDS encoders.
 *
 * Wire format:
 *   FE | ADDhi ADDlo | SQC | MFL | MSG (MFL bytes) | CRChi CRClo | FF
 *   ADD = site (10 bits) << 6 | encoder (6 bits), 0 = all; SQC 0 = not used;
 *   MFL = message length before stuffing; CRC-16/GENIBUS (poly 0x1021, init 0xFFFF, xorout
 *   0xFFFF, not reflected; check("123456789") = 0xD64E) over ADD…MSG unstuffed, high byte first.
 *   Stuffing of every byte between FE and FF, CRC included: FD → FD 00, FE → FD 01, FF → FD 02.
 * Example: PI 3201 (addr 0, SQC 0, DSN 0, PSN 0) = FE 00 00 00 05 01 00 00 32 01 7D 0B FF.
 * References: hardware-protocols.md §1.1.2 and §1.1.6 (vectors); chrko/python-uecp uecp/frame.py
 * and uecp/byte_stuffing_codec.py; https://radiospurs.uk/RDS/RDSFrameFormat (its stuffing table's
 * "FE → FE 01" is a typo, the vectors show FD 01).
 */
import { ServiceError } from '../../../shared/result'

export const UECP_STA = 0xfe
export const UECP_STP = 0xff
const ESC = 0xfd

export interface UecpFrame {
  site: number
  encoder: number
  sequence: number
  message: Uint8Array
}

export function crc16Genibus(bytes: ArrayLike<number>, length = bytes.length): number {
  let crc = 0xffff
  for (let i = 0; i < length; i += 1) {
    crc ^= (bytes[i] ?? 0) << 8
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff
  }
  return crc ^ 0xffff
}

export function stuff(bytes: Iterable<number>): number[] {
  const out: number[] = []
  for (const b of bytes) {
    if (b === ESC || b === UECP_STA || b === UECP_STP) out.push(ESC, b - ESC)
    else out.push(b)
  }
  return out
}

/** Reverse of stuff(); throws on FD followed by anything but 00/01/02 or on a trailing FD. */
export function unstuff(bytes: ArrayLike<number>): Uint8Array {
  const out: number[] = []
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i] ?? 0
    if (b !== ESC) {
      out.push(b)
      continue
    }
    const next = bytes[i + 1]
    if (next === undefined || next > 2) throw new ServiceError('corrupt', 'uecp: bad byte stuffing')
    out.push(ESC + next)
    i += 1
  }
  return Uint8Array.from(out)
}

function assertRange(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new ServiceError('invalid-input', `uecp: ${name} must be 0…${max}, got ${value}`)
  }
}

export function encodeUecpFrame(
  frame: Partial<Omit<UecpFrame, 'message'>> & { message: ArrayLike<number> },
): Uint8Array {
  const site = frame.site ?? 0
  const encoder = frame.encoder ?? 0
  const sequence = frame.sequence ?? 0
  assertRange('site address', site, 0x3ff)
  assertRange('encoder address', encoder, 0x3f)
  assertRange('sequence counter', sequence, 0xff)
  assertRange('message length', frame.message.length, 0xff)
  const address = (site << 6) | encoder
  const body = [address >> 8, address & 0xff, sequence, frame.message.length, ...Array.from(frame.message)]
  const crc = crc16Genibus(body)
  return Uint8Array.from([UECP_STA, ...stuff([...body, crc >> 8, crc & 0xff]), UECP_STP])
}

/** Decode the bytes between FE and FF (exclusive). Checks stuffing, length and CRC. */
export function decodeUecpFrameBody(stuffed: ArrayLike<number>): UecpFrame {
  const body = unstuff(stuffed)
  if (body.length < 6) throw new ServiceError('corrupt', `uecp: frame too short (${body.length} bytes)`)
  const crc = crc16Genibus(body, body.length - 2)
  if (body[body.length - 2] !== crc >> 8 || body[body.length - 1] !== (crc & 0xff)) {
    throw new ServiceError('corrupt', 'uecp: CRC mismatch')
  }
  const length = body[3] ?? 0
  if (length !== body.length - 6) throw new ServiceError('corrupt', `uecp: MFL ${length} != ${body.length - 6}`)
  const address = ((body[0] ?? 0) << 8) | (body[1] ?? 0)
  return { site: address >> 6, encoder: address & 0x3f, sequence: body[2] ?? 0, message: body.slice(4, 4 + length) }
}

export type UecpStreamItem = { kind: 'frame'; frame: UecpFrame } | { kind: 'error'; error: ServiceError }

/**
 * Splits a byte stream into frames: bytes before FE are ignored (an encoder may mix ASCII on the
 * same port), a new FE restarts the frame, FF ends it.
 */
export function createUecpStreamDecoder(): { push(chunk: ArrayLike<number>): UecpStreamItem[] } {
  let body: number[] | null = null
  return {
    push(chunk) {
      const items: UecpStreamItem[] = []
      for (let i = 0; i < chunk.length; i += 1) {
        const b = chunk[i] ?? 0
        if (b === UECP_STA) body = []
        else if (b === UECP_STP && body) {
          try {
            items.push({ kind: 'frame', frame: decodeUecpFrameBody(body) })
          } catch (error) {
            items.push({ kind: 'error', error: error as ServiceError })
          }
          body = null
        } else if (body) body.push(b)
        if (body && body.length > 600) body = null
      }
      return items
    },
  }
}
