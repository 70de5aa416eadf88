/**
 * Simulated FM exciter speaking any ExciterProfile: recognises the profile's command lines
 * (templates turned into regexes), keeps RF state, power set-point, frequency, temperature and
 * alarms, and answers with the profile's reply templates. Forward power is 98 % of the set-point
 * while RF is on; reflected is a settable fraction of it. Values outside the device's own range
 * (default 54–68 MHz, ≤ 30 W) get the profile's error reply.
 * Faults a test can play: `setPanel` (frequency/power set on the front panel, whatever the range:
 * an exciter found at 100 MHz / 50 W), `setBusy` (every write command refused with the error reply
 * until cleared: an RF off that does not land), `setCondition` (VSWR, temperature, alarms).
 * Records: `rf` {isOn}, `power` {watts}, `frequency` {mhz}, `read` {what}, `refused` {line}.
 */
import { fromLatin1, latin1 } from '../bytes'
import { createSimRecorder, type SimRecorder } from '../sim/recorder'
import { createSimulatorCore, type DeviceSimulator } from '../sim/simulator-core'
import type { Transport } from '../transport/transport'
import {
  DEFAULT_EXCITER_PROFILE,
  fillTemplate,
  templateMatcher,
  type ExciterCommandSpec,
  type ExciterProfile,
} from './exciter-profile'

export interface ExciterSimulatorOptions {
  transport: Transport
  profile?: ExciterProfile
  recorder?: SimRecorder
  device?: string
  rangeMHz?: readonly [number, number]
  maxPowerW?: number
}

export interface ExciterSimState {
  isRfOn: boolean
  powerW: number
  frequencyMHz: number
  temperatureC: number
  reflectedRatio: number
  alarms: Set<string>
}

export interface ExciterSimulator extends DeviceSimulator {
  state(): Readonly<ExciterSimState>
  /** change what the device measures, e.g. { reflectedRatio: 0.3 } or alarms */
  setCondition(change: Partial<Omit<ExciterSimState, 'isRfOn' | 'powerW' | 'frequencyMHz'>>): void
  /** the front panel: set frequency / power / RF directly, outside any range check */
  setPanel(change: Partial<Pick<ExciterSimState, 'isRfOn' | 'powerW' | 'frequencyMHz'>>): void
  /** true: refuse every write (RF, power, frequency) with the error reply */
  setBusy(isBusy: boolean): void
}

const KEYS = [
  'rfOn',
  'rfOff',
  'setPower',
  'setFrequency',
  'readRf',
  'readFrequency',
  'readPower',
  'readForward',
  'readReflected',
  'readTemperature',
] as const
type Key = (typeof KEYS)[number]
const WRITES: ReadonlySet<Key> = new Set(['rfOn', 'rfOff', 'setPower', 'setFrequency'])

export function createExciterSimulator(options: ExciterSimulatorOptions): ExciterSimulator {
  const profile = options.profile ?? DEFAULT_EXCITER_PROFILE
  const recorder = options.recorder ?? createSimRecorder()
  const device = options.device ?? 'exciter'
  const [minMHz, maxMHz] = options.rangeMHz ?? [54, 68]
  const s: ExciterSimState = {
    isRfOn: false,
    powerW: 10,
    frequencyMHz: 60,
    temperatureC: 35,
    reflectedRatio: 0.01,
    alarms: new Set(),
  }
  const specs = [
    ...KEYS.flatMap((key) => {
      const spec: ExciterCommandSpec | undefined = profile[key]
      return spec ? [{ key, spec }] : []
    }),
    ...(profile.alarms ?? []).map((spec) => ({ key: 'alarm' as const, spec })),
  ].map((entry) => ({ ...entry, matcher: templateMatcher(entry.spec.send) }))
  let pending = ''
  let isBusy = false
  const core = createSimulatorCore({ transport: options.transport, recorder, device, onData })

  function onData(chunk: Uint8Array): void {
    pending += latin1(chunk)
    const eol = profile.eol
    for (let end = pending.indexOf(eol); end >= 0; end = pending.indexOf(eol)) {
      const line = pending.slice(0, end).replace(/^\n+/, '')
      pending = pending.slice(end + eol.length)
      if (line.length > 0) core.reply(fromLatin1(`${handle(line)}${profile.replyEnd}`))
    }
    if (pending.length > 1024) pending = ''
  }

  const num = (value: number, decimals: number): string =>
    value.toFixed(decimals).padStart(profile.numberWidth ?? 0, ' ')

  function handle(line: string): string {
    for (const { key, spec, matcher } of specs) {
      const match = matcher.exec(line)
      if (!match) continue
      if (key !== 'alarm' && isBusy && WRITES.has(key)) break
      const answer = key === 'alarm' ? alarmValue(spec) : apply(key, match[1])
      if (answer === null) break
      return fillTemplate(spec.reply ?? '', answer)
    }
    recorder.record(device, 'refused', { line })
    return profile.errorReply ?? '?'
  }

  /** Returns the {value} for the reply, or null to refuse. */
  function apply(key: Key, arg: string | undefined): string | null {
    const value = Number(arg)
    const fwd = s.isRfOn ? s.powerW * 0.98 : 0
    switch (key) {
      case 'rfOn':
      case 'rfOff':
        s.isRfOn = key === 'rfOn'
        recorder.record(device, 'rf', { isOn: s.isRfOn })
        return s.isRfOn ? 'ON' : 'OFF'
      case 'setPower':
        if (!Number.isFinite(value) || value < 0 || value > (options.maxPowerW ?? 30)) return null
        s.powerW = value
        recorder.record(device, 'power', { watts: value })
        return arg ?? ''
      case 'setFrequency':
        if (!Number.isFinite(value) || value < minMHz || value > maxMHz) return null
        s.frequencyMHz = value
        recorder.record(device, 'frequency', { mhz: value })
        return arg ?? ''
      case 'readRf':
        recorder.record(device, 'read', { what: 'rf' })
        return s.isRfOn ? (profile.readRf?.onValue ?? 'ON') : (profile.readRf?.offValue ?? 'OFF')
      case 'readFrequency':
        return read('frequency', s.frequencyMHz.toFixed(profile.frequencyDecimals))
      case 'readPower':
        return read('power', num(s.powerW, profile.powerDecimals))
      case 'readForward':
        return read('forward', num(fwd, profile.powerDecimals))
      case 'readReflected':
        return read('reflected', num(fwd * s.reflectedRatio, 1))
      case 'readTemperature':
        return read('temperature', num(s.temperatureC, 0))
    }
  }

  function read(what: string, value: string): string {
    recorder.record(device, 'read', { what })
    return value
  }

  function alarmValue(spec: { name?: string; activeValue?: string; clearValue?: string }): string {
    recorder.record(device, 'read', { what: `alarm${spec.name ? `:${spec.name}` : 's'}` })
    if (spec.name) return s.alarms.has(spec.name) ? (spec.activeValue ?? 'ON') : (spec.clearValue ?? 'OFF')
    return s.alarms.size === 0 ? 'NONE' : [...s.alarms].map((a) => a.toUpperCase()).join(',')
  }

  return {
    start: core.start,
    stop: core.stop,
    setResponsive: core.setResponsive,
    recorder,
    state: () => ({ ...s, alarms: new Set(s.alarms) }),
    setCondition: (change) => Object.assign(s, change),
    setPanel(change) {
      Object.assign(s, change)
      recorder.record(device, 'panel', { ...change })
    },
    setBusy(value) {
      isBusy = value
    },
  }
}
