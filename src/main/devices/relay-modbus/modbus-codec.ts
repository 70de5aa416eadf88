/**
 * Modbus RTU relay modules over RS-485 (Waveshare Modbus RTU Relay: unit 1, 9600 8N1, relays 1–8 =
 * coils 0–7; LCTech boards: unit 255). Function codes used: 01 read coils, 05 write single coil,
 * 0F write multiple coils.
 *
 * Wire format:  unit  fc  data…  crcLo crcHi
 *   CRC-16/MODBUS: poly 0xA001 (reflected 0x8005), init 0xFFFF, sent low byte first.
 *   FC05 request/echo: unit 05 addrHi addrLo valHi valLo crc  (FF00 = on, 0000 = off)
 *   FC01 request: unit 01 addr(2) count(2) crc → reply: unit 01 byteCount bitmap… crc
 *   FC0F request: unit 0F addr(2) count(2) byteCount bitmap… crc → reply: unit 0F addr(2) count(2) crc
 *   exception reply: unit (fc|80) code crc
 * Example: relay 1 on = 01 05 00 00 FF 00 8C 3A (echoed); read 8 = 01 01 00 00 00 08 3D CC →
 *   01 01 01 05 91 8B (relays 1 and 3 on).
 * References: hardware-protocols.md §3.3 (vectors checked there); Waveshare map
 * https://raw.githubusercontent.com/nobrega8/mbmap-library/main/maps/waveshare/modbus-rtu-relay.mbmap.json;
 * https://waveshare.com/wiki/Modbus_RTU_Relay_(B); exception codes: Modbus Application Protocol
 * V1.1b3 §7, https://modbus.org/docs/Modbus_Application_Protocol_V1_1b3.pdf.
 */
import { ServiceError } from '../../../shared/result'
import type { ParseStep } from '../link/exchange'

export const FC_READ_COILS = 0x01
export const FC_WRITE_COIL = 0x05
export const FC_WRITE_COILS = 0x0f
export const COIL_ON = 0xff00
export const COIL_OFF = 0x0000

export const EXCEPTION_NAMES: Readonly<Record<number, string>> = {
  1: 'illegal function',
  2: 'illegal data address',
  3: 'illegal data value',
  4: 'server device failure',
  5: 'acknowledge',
  6: 'server device busy',
}

export class ModbusException extends ServiceError {
  readonly exceptionCode: number
  constructor(functionCode: number, exceptionCode: number) {
    const name = EXCEPTION_NAMES[exceptionCode] ?? 'unknown'
    super('io', `modbus: device refused FC${hex2(functionCode)} with exception ${exceptionCode} (${name})`)
    this.exceptionCode = exceptionCode
  }
}

export type ModbusRequest =
  | { fc: typeof FC_READ_COILS; unit: number; address: number; count: number }
  | { fc: typeof FC_WRITE_COIL; unit: number; address: number; value: number }
  | { fc: typeof FC_WRITE_COILS; unit: number; address: number; values: readonly boolean[] }

export type ModbusResponse =
  | { kind: 'coils'; unit: number; bits: boolean[] }
  | { kind: 'write-coil'; unit: number; address: number; value: number }
  | { kind: 'write-coils'; unit: number; address: number; count: number }
  | { kind: 'exception'; unit: number; fc: number; code: number }

function hex2(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, '0')
}

export function crc16Modbus(bytes: ArrayLike<number>, length = bytes.length): number {
  let crc = 0xffff
  for (let i = 0; i < length; i += 1) {
    crc ^= bytes[i] ?? 0
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1
  }
  return crc
}

/** Append the CRC, low byte first. */
export function withCrc(body: readonly number[]): Uint8Array {
  const crc = crc16Modbus(body)
  return Uint8Array.from([...body, crc & 0xff, crc >>> 8])
}

export function hasValidCrc(frame: Uint8Array): boolean {
  if (frame.length < 4) return false
  const crc = crc16Modbus(frame, frame.length - 2)
  return frame[frame.length - 2] === (crc & 0xff) && frame[frame.length - 1] === crc >>> 8
}

export function packBits(values: readonly boolean[]): number[] {
  const bytes = Array.from({ length: Math.ceil(values.length / 8) }, () => 0)
  values.forEach((isOn, i) => {
    if (isOn) bytes[i >> 3] = (bytes[i >> 3] ?? 0) | (1 << (i & 7))
  })
  return bytes
}

export function unpackBits(bytes: ArrayLike<number>, count: number): boolean[] {
  return Array.from({ length: count }, (_, i) => (((bytes[i >> 3] ?? 0) >> (i & 7)) & 1) === 1)
}

const u16 = (n: number): number[] => [(n >> 8) & 0xff, n & 0xff]

export function encodeModbusRequest(request: ModbusRequest): Uint8Array {
  const head = [request.unit, request.fc, ...u16(request.address)]
  switch (request.fc) {
    case FC_READ_COILS:
      return withCrc([...head, ...u16(request.count)])
    case FC_WRITE_COIL:
      return withCrc([...head, ...u16(request.value)])
    case FC_WRITE_COILS: {
      const packed = packBits(request.values)
      return withCrc([...head, ...u16(request.values.length), packed.length, ...packed])
    }
  }
}

/** Length of the reply frame to `fc` once its first bytes are known; undefined = need more bytes. */
function replyLength(fc: number, buffer: Uint8Array): number | undefined {
  if ((buffer[1] ?? 0) & 0x80) return 5
  if (fc === FC_READ_COILS) return buffer.length >= 3 ? 5 + (buffer[2] ?? 0) : undefined
  return 8
}

/** Host side: cut the reply to `request` out of the stream; noise before it is skipped. */
export function modbusReplyParser(request: ModbusRequest): (buffer: Uint8Array) => ParseStep<ModbusResponse> {
  return (buffer) => {
    if (buffer.length < 2) return { kind: 'need-more' }
    const isOurs = buffer[0] === request.unit && (buffer[1] === request.fc || buffer[1] === (request.fc | 0x80))
    if (!isOurs) return { kind: 'skip', consumed: 1 }
    const length = replyLength(request.fc, buffer)
    if (length === undefined || buffer.length < length) return { kind: 'need-more' }
    const frame = buffer.subarray(0, length)
    if (!hasValidCrc(frame))
      return { kind: 'fail', error: new ServiceError('io', 'modbus: reply CRC mismatch'), consumed: length }
    const response = decodeReplyFrame(frame)
    if (response.kind === 'exception') {
      return { kind: 'fail', error: new ModbusException(response.fc, response.code), consumed: length }
    }
    return { kind: 'reply', value: response, consumed: length }
  }
}

function decodeReplyFrame(frame: Uint8Array): ModbusResponse {
  const unit = frame[0] ?? 0
  const fc = frame[1] ?? 0
  const word = (i: number): number => ((frame[i] ?? 0) << 8) | (frame[i + 1] ?? 0)
  if (fc & 0x80) return { kind: 'exception', unit, fc: fc & 0x7f, code: frame[2] ?? 0 }
  if (fc === FC_READ_COILS) return { kind: 'coils', unit, bits: unpackBits(frame.subarray(3), (frame[2] ?? 0) * 8) }
  if (fc === FC_WRITE_COIL) return { kind: 'write-coil', unit, address: word(2), value: word(4) }
  return { kind: 'write-coils', unit, address: word(2), count: word(4) }
}

export function encodeModbusResponse(response: ModbusResponse): Uint8Array {
  switch (response.kind) {
    case 'coils': {
      const packed = packBits(response.bits)
      return withCrc([response.unit, FC_READ_COILS, packed.length, ...packed])
    }
    case 'write-coil':
      return withCrc([response.unit, FC_WRITE_COIL, ...u16(response.address), ...u16(response.value)])
    case 'write-coils':
      return withCrc([response.unit, FC_WRITE_COILS, ...u16(response.address), ...u16(response.count)])
    case 'exception':
      return withCrc([response.unit, response.fc | 0x80, response.code])
  }
}
