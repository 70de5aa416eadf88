/**
 * ASCII command set of PIRA32 / P132 / P232 / FMUSER RDS-C / Magic RDS encoders (serial 8N1,
 * 2400 bps by default on PIRA32-class units).
 *
 * Wire format: `CMD=value<CR>` sets in RAM, `*CMD=value<CR>` sets and stores to EEPROM,
 * `CMD<CR>` queries or acts, `*ALL<CR>` stores everything. Upper case.
 * Reply: one character then two CR LF pairs: `+` processed, `!` unknown command, `-` invalid
 * argument, `/` processed partially; a query answers `value\r\n\r\n`. With ECHO=1 the command is
 * echoed first (stripped here).
 * Example: `PS=DAI XA  \r` → `+\r\n\r\n`; `PI\r` → `3201\r\n\r\n`.
 * References: FMUSER RDS-C manual p. 20 and 33 (https://manualshive.com/en/manual/fmuser/rds-c/2313181?page=20),
 * P132 manual p. 17 (https://manualshive.com/en/manual/rds/p132/1424609?page=17), idserda/pirapy
 * pira.py; hardware-protocols.md §1.2.
 */
import { ServiceError } from '../../../shared/result'
import { concatBytes, fromLatin1, latin1 } from '../bytes'
import type { ParseStep } from '../link/exchange'
import { encodeRdsBytes, formatPs, formatRt, type RdsTarget } from '../rds-charset'

/** How text values go on the wire: folded to ASCII (default) or as RDS-table bytes. */
export type AsciiTextEncoding = RdsTarget

export type AsciiReply =
  | { kind: 'ok' }
  | { kind: 'partial' }
  | { kind: 'unknown-command' }
  | { kind: 'invalid-argument' }
  | { kind: 'value'; value: string }

export interface AsciiCommand {
  name: string
  value?: string
  /** `*CMD=…` form: also store to EEPROM */
  isStored?: boolean
}

function assertInt(name: string, value: number, min: number, max: number): string {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ServiceError('invalid-input', `rds-ascii: ${name} must be ${min}…${max}, got ${value}`)
  }
  return String(value)
}

const flag = (isOn: boolean): string => (isOn ? '1' : '0')

export const asciiCommands = {
  pi: (pi: number): AsciiCommand => {
    assertInt('PI', pi, 0, 0xffff)
    return { name: 'PI', value: pi.toString(16).toUpperCase().padStart(4, '0') }
  },
  ps: (text: string, target: AsciiTextEncoding): AsciiCommand => ({ name: 'PS', value: formatPs(text, target) }),
  rt: (text: string, target: AsciiTextEncoding, slot: 1 | 2 = 1): AsciiCommand => ({
    name: `RT${slot}`,
    value: formatRt(text, target),
  }),
  rtEnable: (isOn: boolean, slot: 1 | 2 = 1): AsciiCommand => ({ name: `RT${slot}EN`, value: flag(isOn) }),
  ta: (isOn: boolean): AsciiCommand => ({ name: 'TA', value: flag(isOn) }),
  tp: (isOn: boolean): AsciiCommand => ({ name: 'TP', value: flag(isOn) }),
  tps: (text: string, target: AsciiTextEncoding): AsciiCommand => ({ name: 'TPS', value: formatPs(text, target) }),
  pty: (pty: number): AsciiCommand => ({ name: 'PTY', value: assertInt('PTY', pty, 0, 31) }),
  ptyn: (text: string, target: AsciiTextEncoding): AsciiCommand => ({ name: 'PTYN', value: formatPs(text, target) }),
  ms: (isMusic: boolean): AsciiCommand => ({ name: 'MS', value: flag(isMusic) }),
  di: (flags: number): AsciiCommand => ({ name: 'DI', value: assertInt('DI', flags, 0, 15) }),
  af: (frequenciesMHz: readonly number[]): AsciiCommand => ({
    name: 'AF',
    value: frequenciesMHz.map((f) => f.toFixed(1)).join(','),
  }),
  storeAll: (): AsciiCommand => ({ name: '*ALL' }),
  query: (name: string): AsciiCommand => ({ name }),
}

export function formatAsciiCommand(command: AsciiCommand): string {
  const name = `${command.isStored ? '*' : ''}${command.name.toUpperCase()}`
  return command.value === undefined ? name : `${name}=${command.value}`
}

/** The command line as bytes, CR-terminated. */
export function encodeAsciiCommand(command: AsciiCommand, encoding: AsciiTextEncoding = 'ascii'): Uint8Array {
  const line = formatAsciiCommand(command)
  const bytes = encoding === 'rds' ? encodeRdsBytes(line) : fromLatin1(line)
  return concatBytes([bytes, Uint8Array.of(0x0d)])
}

export function classifyAsciiReply(block: string): AsciiReply {
  const text = block.trim()
  if (text === '+') return { kind: 'ok' }
  if (text === '/') return { kind: 'partial' }
  if (text === '!') return { kind: 'unknown-command' }
  if (text === '-') return { kind: 'invalid-argument' }
  return { kind: 'value', value: text }
}

const TERMINATOR = '\r\n\r\n'

/** Host side: one reply block, ended by CR LF CR LF; a leading echo of the command is dropped. */
export function asciiReplyParser(sentLine: string): (buffer: Uint8Array) => ParseStep<AsciiReply> {
  return (buffer) => {
    let text = latin1(buffer)
    let echo = 0
    if (text.startsWith(`${sentLine}\r`)) {
      echo = sentLine.length + (text[sentLine.length + 1] === '\n' ? 2 : 1)
      text = text.slice(echo)
    }
    const end = text.indexOf(TERMINATOR)
    if (end < 0) return { kind: 'need-more' }
    return { kind: 'reply', value: classifyAsciiReply(text.slice(0, end)), consumed: echo + end + TERMINATOR.length }
  }
}
