/**
 * Driver for FM exciters with an ASCII control port (protocol: exciter-profile.ts). Frequency and
 * power are checked against the commune band (band.ts) before anything is sent. The profile's
 * probe query is the keepalive poll.
 * RF has a desired state (exciter.ts): "off" is recorded before it is sent and kept — after a
 * failed RF off, and after every reconnect, RF is read (when the profile can) and switched off
 * until it is known off. RF is never switched ON by the driver itself, not even after a
 * reconnect: only an operator or the schedule does that, through the hardware service's licence
 * checks.
 */
import { ServiceError } from '../../../shared/result'
import { fromLatin1, latin1 } from '../bytes'
import { createDeviceLink, linkOptionsFrom, type DriverBaseOptions } from '../link/device-link'
import type { Exchange, ParseStep } from '../link/exchange'
import { checkFrequencyMHz, checkPowerW, isPreferredFrequency } from './band'
import { vswrFrom, type Exciter, type ExciterSettings, type ExciterTelemetry } from './exciter'
import {
  DEFAULT_EXCITER_PROFILE,
  EXCITER_PROFILES,
  fillTemplate,
  parseExciterNumber,
  parseExciterReply,
  type ExciterAlarmSpec,
  type ExciterCommandSpec,
  type ExciterProfile,
} from './exciter-profile'

export interface ExciterDriverOptions extends DriverBaseOptions {
  /** a built-in profile id or a full profile (default 'daixa-bridge') */
  profile?: string | ExciterProfile
  /** the station licence's power limit, if below 30 W */
  licenceMaxPowerW?: number
}

export const EXCITER_FRAME_GAP_MS = 20

export function resolveExciterProfile(profile: string | ExciterProfile | undefined): ExciterProfile {
  if (typeof profile === 'object') return profile
  if (profile === undefined) return DEFAULT_EXCITER_PROFILE
  const found = EXCITER_PROFILES[profile]
  if (!found) throw new ServiceError('invalid-input', `exciter: unknown profile "${profile}"`)
  return found
}

/** Cut one reply at the profile's end marker; blank lines before it are skipped. */
export function exciterLineParser(replyEnd: string): (buffer: Uint8Array) => ParseStep<string> {
  return (buffer) => {
    const text = latin1(buffer)
    const end = text.indexOf(replyEnd)
    if (end < 0) return { kind: 'need-more' }
    const consumed = end + replyEnd.length
    if (text.slice(0, end).trim() === '') return { kind: 'skip', consumed }
    return { kind: 'reply', value: text.slice(0, end), consumed }
  }
}

function activeAlarms(spec: ExciterAlarmSpec, value: string | undefined): string[] {
  const text = (value ?? '').trim()
  if (spec.name) return text === (spec.activeValue ?? 'ON') ? [spec.name] : []
  return text
    .split(',')
    .map((a) => a.trim().toLowerCase())
    .filter((a) => a !== '' && a !== 'none')
}

export function createExciterDriver(options: ExciterDriverOptions): Exciter {
  const profile = resolveExciterProfile(options.profile)
  const log = options.log
  /** what the station wants (undefined: nobody asked yet) and what the exciter is known to do */
  let wantedRf: boolean | undefined
  let knownRf: boolean | undefined

  async function ask(
    exchange: Exchange,
    spec: ExciterCommandSpec,
    value?: string,
    timeoutMs?: number,
  ): Promise<string | undefined> {
    const line = fillTemplate(spec.send, value)
    const raw = await exchange.request(fromLatin1(`${line}${profile.eol}`), exciterLineParser(profile.replyEnd), {
      label: line,
      ...(timeoutMs ? { timeoutMs } : {}),
    })
    const reply = parseExciterReply(profile, spec, raw)
    if (reply.isError) throw new ServiceError('io', `exciter: device refused "${line}" with "${reply.line}"`)
    return reply.value
  }

  async function readRf(exchange: Exchange, timeoutMs?: number): Promise<boolean | undefined> {
    if (!profile.readRf) return undefined
    const value = await ask(exchange, profile.readRf, undefined, timeoutMs)
    knownRf = value?.trim() === profile.readRf.onValue
    return knownRf
  }

  async function switchRf(exchange: Exchange, isOn: boolean): Promise<void> {
    knownRf = undefined
    await ask(exchange, need(isOn ? 'rfOn' : 'rfOff'))
    knownRf = isOn
  }

  /** RF off while off is wanted; never RF on (see header). */
  async function reconcile(exchange: Exchange): Promise<void> {
    if (wantedRf !== false || !profile.rfOff) return
    const isOn = await readRf(exchange)
    if (isOn === false) return
    await switchRf(exchange, false)
    if (isOn === true) link.corrected({ wasOn: true, isOn: false })
  }

  const isSettled = (): boolean => wantedRf !== false || !profile.rfOff || knownRf === false

  const probeSpec = profile.probe
  const link = createDeviceLink({
    ...linkOptionsFrom(options, 800, EXCITER_FRAME_GAP_MS),
    module: 'exciter',
    ...(probeSpec
      ? {
          probe: async (exchange: Exchange) => {
            if (probeSpec.send === profile.readRf?.send) await readRf(exchange, options.probeTimeoutMs ?? 500)
            else await ask(exchange, probeSpec, undefined, options.probeTimeoutMs ?? 500)
            if (!isSettled()) link.kick()
          },
        }
      : {}),
    onConnected: () => Promise.resolve(void (knownRf = undefined)),
    keep: { reconcile, isSettled },
  })

  function need<K extends 'rfOn' | 'rfOff' | 'setPower' | 'setFrequency'>(key: K): ExciterCommandSpec {
    const spec = profile[key]
    if (!spec) throw new ServiceError('invalid-input', `exciter: profile ${profile.id} cannot ${key}`)
    return spec
  }

  const readNumber = async (spec: ExciterCommandSpec | undefined): Promise<number | undefined> =>
    spec ? parseExciterNumber(await ask(link.exchange, spec)) : undefined

  async function readSettings(): Promise<ExciterSettings> {
    const frequencyMHz = await readNumber(profile.readFrequency)
    const powerSetW = await readNumber(profile.readPower)
    return {
      ...(frequencyMHz !== undefined ? { frequencyMHz } : {}),
      ...(powerSetW !== undefined ? { powerSetW } : {}),
    }
  }

  async function readTelemetry(): Promise<ExciterTelemetry> {
    const isRfOn = await readRf(link.exchange)
    const settings = await readSettings()
    const forwardW = await readNumber(profile.readForward)
    const reflectedW = await readNumber(profile.readReflected)
    const temperatureC = await readNumber(profile.readTemperature)
    const alarms: string[] = []
    for (const spec of profile.alarms ?? []) alarms.push(...activeAlarms(spec, await ask(link.exchange, spec)))
    const vswr = vswrFrom(forwardW, reflectedW)
    return {
      ...(isRfOn !== undefined ? { isRfOn } : {}),
      ...settings,
      ...(forwardW !== undefined ? { forwardW } : {}),
      ...(reflectedW !== undefined ? { reflectedW } : {}),
      ...(vswr !== undefined ? { vswr } : {}),
      ...(temperatureC !== undefined ? { temperatureC } : {}),
      alarms,
    }
  }

  async function setRf(isOn: boolean): Promise<void> {
    wantedRf = isOn
    try {
      await switchRf(link.exchange, isOn)
    } catch (error) {
      if (!isOn) link.kick(true)
      throw error
    }
  }

  return {
    capabilities: {
      canSwitchRf: Boolean(profile.rfOn && profile.rfOff),
      canSetPower: Boolean(profile.setPower),
      canSetFrequency: Boolean(profile.setFrequency),
      hasTelemetry: Boolean(profile.readForward ?? profile.readReflected ?? profile.readTemperature),
      canReadRf: Boolean(profile.readRf),
      canReadFrequency: Boolean(profile.readFrequency),
      canReadPower: Boolean(profile.readPower),
    },
    rfOn: () => setRf(true),
    rfOff: () => setRf(false),
    wantRfOff() {
      wantedRf = false
      link.kick()
    },
    isRfWanted: () => wantedRf === true,
    async setPower(watts) {
      checkPowerW(watts, options.licenceMaxPowerW)
      await ask(link.exchange, need('setPower'), watts.toFixed(profile.powerDecimals))
    },
    async setFrequency(mhz) {
      checkFrequencyMHz(mhz, profile.frequencyDecimals)
      if (!isPreferredFrequency(mhz)) log.warn(`exciter: ${mhz} MHz is legal but outside the preferred 60–68 MHz`)
      await ask(link.exchange, need('setFrequency'), mhz.toFixed(profile.frequencyDecimals))
    },
    readSettings,
    readTelemetry,
    start: link.start,
    stop: link.stop,
    status: link.status,
    on: link.on,
  }
}
