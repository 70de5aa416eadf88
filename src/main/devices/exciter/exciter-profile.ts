/**
 * Configurable ASCII line protocol for FM exciters with a control port. A profile says which line
 * to send for each action (`{value}` is replaced by the argument), how a reply ends, and a regex
 * a good reply must match (group 1 = the value for reads). Replies matching `error` are refusals.
 * `reply` templates say how the device answers; the simulator speaks them and docs show them.
 *
 * Built-in profiles:
 * - 'daixa-bridge' (default): our own protocol for a microcontroller placed in front of exciters
 *   that have no port (e.g. QN8066 kits driven over I²C): `RF=1\r` → `OK\r\n`, `FREQ=60.50\r`,
 *   `PWR=25\r`, `FWD?\r` → `FWD=24.5\r\n`, `REF?`, `TEMP?`, `ALARM?` → `ALARM=NONE|VSWR,TEMP`;
 *   read-backs of the set-points `FREQ?` → `FREQ=60.50`, `PWR?` → `PWR=25.0`.
 * - 'crown-ascii': Crown Broadcast FM/FME `NAME` / `NAME=VALUE` (TX.OPMODE, TX.PWR, TX.FREQ,
 *   TX.PFWD, TX.PREF, TX.ALARM.VSWR, TX.FAULT). Terminator and write replies are not in the
 *   retrieved manual pages [unverified: CR, echo of the value] — check the unit's manual §6.2.1.
 * - 'srk-telemetry': SRK FMA300 amplifier, read-only, 9600 8N1, `FP?\r` → `300W\r\n>` with a
 *   leading space for zero (` 00W`), `>` ends each reply; RP?, AT? (°C).
 * Example: crown-ascii setFrequency(60.5) sends `TX.FREQ=60.5\r`.
 * References: Crown FM 20/100 W manual §6.2.4 (https://manualshive.com/en/manual/crown/fme-100w/2690533?page=72),
 * SRK FMA300 manual §4.11 (https://manualshive.com/en/manual/srk/fma300/1354125?page=11),
 * pu2clr/QN8066 (I²C kits); hardware-protocols.md §2.
 */
import { ServiceError } from '../../../shared/result'

export interface ExciterCommandSpec {
  send: string
  /** regex source; group 1 = value for reads. Omitted: any reply that is not an error. */
  expect?: string
  /** how the device answers, `{value}` = the value (simulator, docs) */
  reply?: string
}

export interface ExciterAlarmSpec extends ExciterCommandSpec {
  /** alarm name; omitted = group 1 is a comma list of active alarm names (or NONE) */
  name?: string
  /** named alarms: the values of group 1 meaning active / clear */
  activeValue?: string
  clearValue?: string
}

export interface ExciterRfReadSpec extends ExciterCommandSpec {
  /** values of group 1 meaning RF on / off */
  onValue: string
  offValue: string
}

export interface ExciterProfile {
  id: string
  eol: string
  replyEnd: string
  /** regex source of a refusal reply */
  error?: string
  /** what the device answers to a line it refuses (simulator) */
  errorReply?: string
  frequencyDecimals: number
  powerDecimals: number
  rfOn?: ExciterCommandSpec
  rfOff?: ExciterCommandSpec
  readRf?: ExciterRfReadSpec
  setPower?: ExciterCommandSpec
  setFrequency?: ExciterCommandSpec
  /** read-back of the frequency the exciter is set to (group 1 = MHz) */
  readFrequency?: ExciterCommandSpec
  /** read-back of the power set-point (group 1 = W) */
  readPower?: ExciterCommandSpec
  readForward?: ExciterCommandSpec
  readReflected?: ExciterCommandSpec
  readTemperature?: ExciterCommandSpec
  alarms?: readonly ExciterAlarmSpec[]
  /** fixed-width numbers padded with spaces (SRK: 3), for the simulator */
  numberWidth?: number
  /** keepalive query; omitted = no poll (write errors and port loss only) */
  probe?: ExciterCommandSpec
}

const NUMBER = '(-?[ \\d.]+)'

const DAIXA_BRIDGE: ExciterProfile = {
  id: 'daixa-bridge',
  eol: '\r',
  replyEnd: '\r\n',
  error: '^ERR',
  errorReply: 'ERR',
  frequencyDecimals: 2,
  powerDecimals: 1,
  rfOn: { send: 'RF=1', expect: '^OK$', reply: 'OK' },
  rfOff: { send: 'RF=0', expect: '^OK$', reply: 'OK' },
  readRf: { send: 'RF?', expect: '^RF=([01])$', reply: 'RF={value}', onValue: '1', offValue: '0' },
  setPower: { send: 'PWR={value}', expect: '^OK$', reply: 'OK' },
  setFrequency: { send: 'FREQ={value}', expect: '^OK$', reply: 'OK' },
  readFrequency: { send: 'FREQ?', expect: `^FREQ=${NUMBER}$`, reply: 'FREQ={value}' },
  readPower: { send: 'PWR?', expect: `^PWR=${NUMBER}$`, reply: 'PWR={value}' },
  readForward: { send: 'FWD?', expect: `^FWD=${NUMBER}$`, reply: 'FWD={value}' },
  readReflected: { send: 'REF?', expect: `^REF=${NUMBER}$`, reply: 'REF={value}' },
  readTemperature: { send: 'TEMP?', expect: `^TEMP=${NUMBER}$`, reply: 'TEMP={value}' },
  alarms: [{ send: 'ALARM?', expect: '^ALARM=(.*)$', reply: 'ALARM={value}' }],
  probe: { send: 'RF?', expect: '^RF=[01]$', reply: 'RF={value}' },
}

const CROWN_ASCII: ExciterProfile = {
  id: 'crown-ascii',
  eol: '\r',
  replyEnd: '\r\n',
  error: '^(ERR|\\?)',
  errorReply: 'ERR',
  frequencyDecimals: 1,
  powerDecimals: 0,
  rfOn: { send: 'TX.OPMODE=ON', reply: 'ON' },
  rfOff: { send: 'TX.OPMODE=OFF', reply: 'OFF' },
  readRf: { send: 'TX.OPMODE', expect: '(ON|OFF)', reply: '{value}', onValue: 'ON', offValue: 'OFF' },
  setPower: { send: 'TX.PWR={value}', reply: '{value}' },
  setFrequency: { send: 'TX.FREQ={value}', reply: '{value}' },
  readFrequency: { send: 'TX.FREQ', expect: NUMBER, reply: '{value}' },
  readPower: { send: 'TX.PWR', expect: NUMBER, reply: '{value}' },
  readForward: { send: 'TX.PFWD', expect: NUMBER, reply: '{value}' },
  readReflected: { send: 'TX.PREF', expect: NUMBER, reply: '{value}' },
  alarms: [
    {
      name: 'vswr',
      send: 'TX.ALARM.VSWR',
      expect: '(ON|OFF)',
      activeValue: 'ON',
      clearValue: 'OFF',
      reply: '{value}',
    },
    {
      name: 'fault',
      send: 'TX.FAULT',
      expect: '(FAULT|OK)',
      activeValue: 'FAULT',
      clearValue: 'OK',
      reply: '{value}',
    },
  ],
  probe: { send: 'TX.OPMODE', expect: '(ON|OFF)', reply: '{value}' },
}

const SRK_TELEMETRY: ExciterProfile = {
  id: 'srk-telemetry',
  eol: '\r',
  replyEnd: '>',
  frequencyDecimals: 1,
  powerDecimals: 0,
  numberWidth: 3,
  readForward: { send: 'FP?', expect: `${NUMBER}W`, reply: '{value}W\r\n' },
  readReflected: { send: 'RP?', expect: `${NUMBER}W`, reply: '{value}W\r\n' },
  readTemperature: { send: 'AT?', expect: `${NUMBER}C`, reply: '{value}C\r\n' },
  probe: { send: 'FP?', expect: `${NUMBER}W`, reply: '{value}W\r\n' },
}

export const EXCITER_PROFILES: Readonly<Record<string, ExciterProfile>> = {
  'daixa-bridge': DAIXA_BRIDGE,
  'crown-ascii': CROWN_ASCII,
  'srk-telemetry': SRK_TELEMETRY,
}

export const DEFAULT_EXCITER_PROFILE = DAIXA_BRIDGE

export function fillTemplate(template: string, value?: string): string {
  return value === undefined ? template : template.replaceAll('{value}', value)
}

/** A regex that recognises lines made from `template` (device side); group 1 = {value}. */
export function templateMatcher(template: string): RegExp {
  const parts = template.split('{value}').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`^${parts.join('(.*)')}$`)
}

export type ExciterReply = { isError: true; line: string } | { isError: false; line: string; value?: string }

/** Judge one reply (already cut at replyEnd) against the spec; throws 'io' when it does not fit. */
export function parseExciterReply(profile: ExciterProfile, spec: ExciterCommandSpec, raw: string): ExciterReply {
  const line = raw.trim()
  if (profile.error && new RegExp(profile.error).test(line)) return { isError: true, line }
  if (!spec.expect) return { isError: false, line }
  const match = new RegExp(spec.expect).exec(line)
  if (!match) throw new ServiceError('io', `exciter: reply "${line}" to "${spec.send}" does not match /${spec.expect}/`)
  return match[1] === undefined ? { isError: false, line } : { isError: false, line, value: match[1] }
}

/** Numbers as the SRK prints them: spaces stand for leading zeros (` 00W`). */
export function parseExciterNumber(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const n = Number.parseFloat(value.replace(/\s+/g, ''))
  return Number.isFinite(n) ? n : undefined
}
