/**
 * Device side of Modbus RTU (for the simulator): cut request frames out of the byte stream.
 * Real slaves frame on the 3.5-character silence; here the length follows from the function
 * code, which works over a PTY or TCP where timing is not preserved. Format: modbus-codec.ts.
 */
import { hasValidCrc } from './modbus-codec'

export interface RawModbusRequest {
  unit: number
  fc: number
  /** bytes after unit and fc, without the CRC */
  data: Uint8Array
}

export type RequestDecodeStep =
  | { kind: 'need-more' }
  | { kind: 'request'; request: RawModbusRequest; consumed: number }
  | { kind: 'skip'; consumed: number }

const isKnownFunction = (fc: number): boolean => (fc >= 0x01 && fc <= 0x06) || fc === 0x0f || fc === 0x10

function requestLength(buffer: Uint8Array): number | undefined {
  const fc = buffer[1] ?? 0
  if (fc >= 0x01 && fc <= 0x06) return 8
  if (fc === 0x0f || fc === 0x10) return buffer.length >= 7 ? 9 + (buffer[6] ?? 0) : undefined
  // unknown function: without the inter-frame silence the best guess is "what has arrived"
  return buffer.length
}

/** The simulator clears its buffer after a silence, as an RTU slave does after 3.5 characters. */
export function decodeModbusRequest(buffer: Uint8Array): RequestDecodeStep {
  if (buffer.length < 4) return { kind: 'need-more' }
  const length = requestLength(buffer)
  if (length === undefined || buffer.length < length) return { kind: 'need-more' }
  const frame = buffer.subarray(0, length)
  if (!hasValidCrc(frame)) {
    if (isKnownFunction(buffer[1] ?? 0) || buffer.length > 256) return { kind: 'skip', consumed: 1 }
    return { kind: 'need-more' }
  }
  return {
    kind: 'request',
    request: { unit: frame[0] ?? 0, fc: frame[1] ?? 0, data: frame.slice(2, length - 2) },
    consumed: length,
  }
}
