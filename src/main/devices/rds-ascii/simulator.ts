/**
 * Simulated PIRA-compatible ASCII RDS encoder: reads CR-terminated lines (LF ignored), keeps a
 * settings map, answers `+`, `-` (invalid value), `!` (unknown command), or the value for a
 * query, each followed by CR LF CR LF. Supports `*CMD=` (set and store), `*ALL`, `VER`, `??`,
 * and ECHO=1 (echoes the line before the reply).
 * Records: one action per accepted setting, named after the command in lower case with
 * {value} (`ps`, `rt1`, `ta`, `pi`…), plus `store`, `query` {name}, `unknown` {line},
 * `invalid` {line}.
 */
import { concatBytes, fromLatin1, latin1 } from '../bytes'
import { decodeRdsBytes, encodeRdsBytes } from '../rds-charset'
import { createSimRecorder, type SimRecorder } from '../sim/recorder'
import { createSimulatorCore, type DeviceSimulator } from '../sim/simulator-core'
import type { Transport } from '../transport/transport'
import type { AsciiTextEncoding } from './ascii-codec'

export interface RdsAsciiSimulatorOptions {
  transport: Transport
  textEncoding?: AsciiTextEncoding
  recorder?: SimRecorder
  device?: string
}

export interface RdsAsciiSimulator extends DeviceSimulator {
  settings(): Record<string, string>
  stored(): Record<string, string>
}

const isFlag = (v: string): boolean => v === '0' || v === '1'
const intIn = (min: number, max: number) => (v: string) => /^\d{1,2}$/.test(v) && Number(v) >= min && Number(v) <= max
const maxLen = (n: number) => (v: string) => v.length <= n

const VALIDATORS: Readonly<Record<string, (value: string) => boolean>> = {
  PI: (v) => /^[0-9A-F]{4}$/i.test(v),
  PS: maxLen(8),
  TPS: maxLen(8),
  PTYN: maxLen(8),
  RT1: maxLen(64),
  RT2: maxLen(64),
  DPS1: maxLen(255),
  RT1EN: isFlag,
  RT2EN: isFlag,
  DPS1EN: isFlag,
  TA: isFlag,
  TP: isFlag,
  MS: isFlag,
  CT: isFlag,
  ECHO: isFlag,
  UECP: isFlag,
  PTY: intIn(0, 31),
  DI: intIn(0, 15),
  AF: (v) => v === '' || /^\d{2,3}\.\d(,\d{2,3}\.\d)*$/.test(v),
}

const LINE = /^(\*)?([A-Z0-9?]+)(?:=(.*))?$/is

export function createRdsAsciiSimulator(options: RdsAsciiSimulatorOptions): RdsAsciiSimulator {
  const recorder = options.recorder ?? createSimRecorder()
  const device = options.device ?? 'rds-ascii'
  const isRds = options.textEncoding === 'rds'
  const settings: Record<string, string> = { PI: '0000', PS: '        ', TA: '0', TP: '0', PTY: '0', ECHO: '0' }
  let stored: Record<string, string> = {}
  let pending = ''
  const core = createSimulatorCore({ transport: options.transport, recorder, device, onData })
  // replies are text plus CR/LF framing: only the text goes through the RDS table
  const encode = (text: string): Uint8Array =>
    isRds
      ? concatBytes(
          text.split(/([\r\n])/).map((part) => (/^[\r\n]$/.test(part) ? fromLatin1(part) : encodeRdsBytes(part))),
        )
      : fromLatin1(text)

  function onData(chunk: Uint8Array): void {
    pending += isRds ? decodeRdsBytes(chunk) : latin1(chunk)
    let end = pending.indexOf('\r')
    while (end >= 0) {
      const line = pending.slice(0, end).replace(/^[\n ]+/, '')
      pending = pending.slice(end + 1)
      if (line.length > 0) respond(line)
      end = pending.indexOf('\r')
    }
    if (pending.length > 1024) pending = ''
  }

  function respond(line: string): void {
    const answer = handle(line)
    const echo = settings.ECHO === '1' ? `${line}\r` : ''
    core.reply(encode(`${echo}${answer}\r\n\r\n`))
  }

  function handle(line: string): string {
    const match = LINE.exec(line)
    const name = match?.[2]?.toUpperCase()
    if (!match || !name) return unknown(line)
    const isStored = match[1] === '*'
    const value = match[3]
    if (name === 'ALL' && isStored) {
      stored = { ...settings }
      recorder.record(device, 'store')
      return '+'
    }
    if (value === undefined) return query(name, isStored, line)
    const validate = VALIDATORS[name]
    if (!validate) return unknown(line)
    if (!validate(value)) {
      recorder.record(device, 'invalid', { line })
      return '-'
    }
    settings[name] = value
    if (isStored) stored[name] = value
    recorder.record(device, name.toLowerCase(), { value })
    return '+'
  }

  function query(name: string, isStored: boolean, line: string): string {
    if (name === 'VER') return 'DAIXA-SIM 1.0'
    if (name === '??' || name === 'STATUS')
      return Object.entries(settings)
        .map(([k, v]) => `${k}=${v}`)
        .join('\r\n')
    if (!VALIDATORS[name]) return unknown(line)
    if (isStored) {
      stored[name] = settings[name] ?? ''
      return '+'
    }
    recorder.record(device, 'query', { name })
    return settings[name] ?? ''
  }

  function unknown(line: string): string {
    recorder.record(device, 'unknown', { line })
    return '!'
  }

  return {
    start: core.start,
    stop: core.stop,
    setResponsive: core.setResponsive,
    recorder,
    settings: () => ({ ...settings }),
    stored: () => ({ ...stored }),
  }
}
