/**
 * UECP message elements (the MSG field of a frame, see uecp-frame.ts). One element per frame by
 * default: the FMUSER RDS-C manual recommends it.
 *
 *   MEC 01 PI        01 DSN PSN PIhi PIlo                 e.g. 01 00 00 32 01
 *   MEC 02 PS        02 DSN PSN c0…c7 (8, space-padded)   e.g. 02 00 02 52 41 44 49 4F 20 31 20
 *   MEC 03 TA/TP     03 DSN PSN flags (bit0 TA, bit1 TP)
 *   MEC 04 DI/PTYI   04 DSN PSN flags (bit0 stereo, 1 artificial head, 2 compressed, 3 dynamic PTY)
 *   MEC 05 MS        05 DSN PSN ms (1 = music)
 *   MEC 07 PTY       07 DSN PSN pty (0…31; 31 = alarm)
 *   MEC 0A RT        0A DSN PSN MEL cfg text…  MEL = 1 + len; MEL 0 clears. cfg bits 6–5 buffer
 *                    (00 flush, 10 append), bits 4–1 transmissions (0 = infinite), bit0 A/B toggle
 *                    e.g. 0A 00 01 04 0B 52 44 53 = flush, 5 transmissions, toggle, "RDS"
 *   MEC 3E PTYN      3E DSN PSN c0…c7
 *   MEC 17 request   17 MEL MEC [DSN] [PSN]
 *   MEC 18 ACK       18 00 (OK) | 18 code SQC
 *   MEC 1C DS select 1C DSN
 * DSN 00 = current data set; PSN 00 = main service. Text bytes use the RDS table (rds-charset.ts).
 * References: hardware-protocols.md §1.1.3; chrko/python-uecp uecp/commands/rds_message.py and
 * bidirectional.py; UoC-Radio/rds-control uecp.h; https://radiospurs.uk/RDS/RDSMECCommands.
 */
import { ServiceError } from '../../../shared/result'
import { encodeTextBytes, formatPs, formatRt, type RdsTarget } from '../rds-charset'

export const MEC = {
  pi: 0x01,
  ps: 0x02,
  taTp: 0x03,
  di: 0x04,
  ms: 0x05,
  pty: 0x07,
  rt: 0x0a,
  request: 0x17,
  ack: 0x18,
  dataSetSelect: 0x1c,
  ptyn: 0x3e,
} as const

export const ACK_NAMES: readonly string[] = [
  'ok',
  'CRC error',
  'message not received',
  'message unknown',
  'DSN error',
  'PSN error',
  'parameter out of range',
  'element length error',
  'field length error',
  'message not acceptable',
  'end-of-message missing',
  'buffer overflow',
  'bad stuffing',
  'unexpected end of message',
]

export interface Service {
  dsn: number
  psn: number
}

export type RtBuffer = 'flush' | 'append'

export type UecpElement =
  | ({ kind: 'pi'; pi: number } & Service)
  | ({ kind: 'ps'; text: string } & Service)
  | ({ kind: 'ta-tp'; ta: boolean; tp: boolean } & Service)
  | ({ kind: 'di'; flags: number } & Service)
  | ({ kind: 'ms'; isMusic: boolean } & Service)
  | ({ kind: 'pty'; pty: number } & Service)
  | ({ kind: 'rt'; text: string; buffer: RtBuffer; transmissions: number; toggle: boolean } & Service)
  | ({ kind: 'rt-clear' } & Service)
  | ({ kind: 'ptyn'; text: string } & Service)
  | { kind: 'request'; target: number; params: number[] }
  | { kind: 'ack'; code: number; sequence: number }
  | { kind: 'data-set-select'; dsn: number }
  | { kind: 'unknown'; code: number; bytes: Uint8Array }

const MAIN: Service = { dsn: 0, psn: 0 }

function check(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ServiceError('invalid-input', `uecp: ${name} must be ${min}…${max}, got ${value}`)
  }
  return value
}

const head = (mec: number, s: Service): number[] => [mec, check('DSN', s.dsn, 0, 255), check('PSN', s.psn, 0, 255)]

export function piElement(pi: number, s: Service = MAIN): number[] {
  check('PI', pi, 0, 0xffff)
  return [...head(MEC.pi, s), pi >> 8, pi & 0xff]
}

/** `target`: the RDS character table (default) or plain ASCII bytes (rds-charset.ts). */
export function psElement(text: string, s: Service = MAIN, target: RdsTarget = 'rds'): number[] {
  return [...head(MEC.ps, s), ...encodeTextBytes(formatPs(text, target), target)]
}

export function ptynElement(text: string, s: Service = MAIN, target: RdsTarget = 'rds'): number[] {
  return [...head(MEC.ptyn, s), ...encodeTextBytes(formatPs(text, target), target)]
}

export function taTpElement(flags: { ta: boolean; tp: boolean }, s: Service = MAIN): number[] {
  return [...head(MEC.taTp, s), (flags.tp ? 2 : 0) | (flags.ta ? 1 : 0)]
}

export function diElement(flags: number, s: Service = MAIN): number[] {
  return [...head(MEC.di, s), check('DI flags', flags, 0, 15)]
}

export function msElement(isMusic: boolean, s: Service = MAIN): number[] {
  return [...head(MEC.ms, s), isMusic ? 1 : 0]
}

export function ptyElement(pty: number, s: Service = MAIN): number[] {
  return [...head(MEC.pty, s), check('PTY', pty, 0, 31)]
}

export interface RtOptions {
  buffer?: RtBuffer
  /** 0 = repeat forever (default), 1…15 */
  transmissions?: number
  toggle?: boolean
  /** the RDS character table (default) or plain ASCII bytes */
  target?: RdsTarget
}

export function rtElement(text: string, options: RtOptions = {}, s: Service = MAIN): number[] {
  const target = options.target ?? 'rds'
  const bytes = encodeTextBytes(formatRt(text, target), target)
  if (bytes.length === 0) return [...head(MEC.rt, s), 0]
  const transmissions = check('RT transmissions', options.transmissions ?? 0, 0, 15)
  const cfg = (options.buffer === 'append' ? 0x40 : 0) | (transmissions << 1) | (options.toggle ? 1 : 0)
  return [...head(MEC.rt, s), bytes.length + 1, cfg, ...bytes]
}

export function requestElement(target: number, params: readonly number[] = [0, 0]): number[] {
  return [MEC.request, params.length + 1, target, ...params]
}

export function ackElement(code: number, sequence = 0): number[] {
  return code === 0 ? [MEC.ack, 0] : [MEC.ack, check('ACK code', code, 1, 255), sequence]
}
