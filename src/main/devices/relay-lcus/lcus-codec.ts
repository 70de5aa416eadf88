/**
 * LCUS-1/2/4/8 USB relay boards (LC Technology, CH340/CH341 USB-serial, 9600 8N1).
 *
 * Wire format (host → board), 4 bytes, no reply:
 *   A0  ch  op  sum        ch = 01…08, op = 00 off / 01 on, sum = (A0 + ch + op) & FF
 *   e.g. relay 1 on = A0 01 01 A2, relay 4 off = A0 04 00 A4
 * Status query: host sends FF; LCUS-4/8 answer one text line per channel, `CH1: ON\r\n` /
 * `CH1: OFF\r\n`. Many LCUS-1 boards answer nothing, so status is optional.
 * Leave ≥ 50 ms between frames.
 * References: https://github.com/jarwyg/USB_RELAY (README.md),
 * https://github.com/Pebble94464/lcus-usb-relay-module-controller (DeviceBase.py, demo1.py);
 * hardware-protocols.md §3.1.
 */
import { ServiceError } from '../../../shared/result'
import { latin1 } from '../bytes'
import type { ParseStep } from '../link/exchange'

export const LCUS_START = 0xa0
export const LCUS_STATUS_QUERY = Uint8Array.of(0xff)
export const LCUS_MAX_CHANNELS = 8

export function assertLcusChannel(channel: number, channels = LCUS_MAX_CHANNELS): void {
  if (!Number.isInteger(channel) || channel < 1 || channel > Math.min(channels, LCUS_MAX_CHANNELS)) {
    throw new ServiceError('invalid-input', `relay channel must be 1…${channels}, got ${channel}`)
  }
}

export function encodeLcusFrame(channel: number, isOn: boolean): Uint8Array {
  assertLcusChannel(channel)
  const op = isOn ? 1 : 0
  return Uint8Array.of(LCUS_START, channel, op, (LCUS_START + channel + op) & 0xff)
}

export type LcusCommand = { kind: 'set'; channel: number; isOn: boolean } | { kind: 'query' }

export type LcusDecodeStep =
  | { kind: 'need-more' }
  | { kind: 'command'; command: LcusCommand; consumed: number }
  | { kind: 'skip'; consumed: number }

/** Device side: cut one command out of the byte stream (used by the simulator). */
export function decodeLcusCommand(buffer: Uint8Array): LcusDecodeStep {
  const first = buffer[0]
  if (first === undefined) return { kind: 'need-more' }
  if (first === 0xff) return { kind: 'command', command: { kind: 'query' }, consumed: 1 }
  if (first !== LCUS_START) return { kind: 'skip', consumed: 1 }
  if (buffer.length < 4) return { kind: 'need-more' }
  const channel = buffer[1] ?? 0
  const op = buffer[2] ?? 0
  const isValid =
    channel >= 1 && channel <= LCUS_MAX_CHANNELS && op <= 1 && buffer[3] === ((LCUS_START + channel + op) & 0xff)
  if (!isValid) return { kind: 'skip', consumed: 1 }
  return { kind: 'command', command: { kind: 'set', channel, isOn: op === 1 }, consumed: 4 }
}

export function encodeLcusStatus(states: readonly boolean[]): string {
  return states.map((isOn, i) => `CH${i + 1}: ${isOn ? 'ON' : 'OFF'}\r\n`).join('')
}

const STATUS_LINE = /^CH(\d):\s*(ON|OFF)$/i

/** Parse status text into per-channel states (index 0 = CH1); lines that do not match are ignored. */
export function parseLcusStatus(text: string): Map<number, boolean> {
  const states = new Map<number, boolean>()
  for (const line of text.split(/\r?\n/)) {
    const match = STATUS_LINE.exec(line.trim())
    if (match?.[1] && match[2]) states.set(Number(match[1]), match[2].toUpperCase() === 'ON')
  }
  return states
}

/** Host side: a complete status reply is `channels` CRLF-terminated CHn lines. */
export function lcusStatusParser(channels: number): (buffer: Uint8Array) => ParseStep<boolean[]> {
  return (buffer) => {
    const text = latin1(buffer)
    const lastEnd = text.lastIndexOf('\n')
    if (lastEnd < 0) return { kind: 'need-more' }
    const states = parseLcusStatus(text.slice(0, lastEnd + 1))
    if (states.size < channels) return { kind: 'need-more' }
    const value = Array.from({ length: channels }, (_, i) => states.get(i + 1) ?? false)
    return { kind: 'reply', value, consumed: lastEnd + 1 }
  }
}
