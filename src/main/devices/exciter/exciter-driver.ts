/**
 * Driver for FM exciters with an ASCII control port (protocol: exciter-profile.ts). Frequency and
 * power are checked against the commune band (band.ts) before anything is sent. The profile's
 * probe query is the keepalive poll. RF is never switched on by the driver itself, not even after
 * a reconnect: only an operator or the schedule does that.
 */
import { ServiceError } from '../../../shared/result'
import { fromLatin1, latin1 } from '../bytes'
import { createDeviceLink, linkOptionsFrom, type DriverBaseOptions } from '../link/device-link'
import type { Exchange, ParseStep } from '../link/exchange'
import { checkFrequencyMHz, checkPowerW, isPreferredFrequency } from './band'
import { vswrFrom, type Exciter, type ExciterTelemetry } from './exciter'
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

  const probeSpec = profile.probe
  const link = createDeviceLink({
    ...linkOptionsFrom(options, 800),
    module: 'exciter',
    ...(probeSpec
      ? {
          probe: async (exchange: Exchange) =>
            void (await ask(exchange, probeSpec, undefined, options.probeTimeoutMs ?? 500)),
        }
      : {}),
  })

  function need<K extends 'rfOn' | 'rfOff' | 'setPower' | 'setFrequency'>(key: K): ExciterCommandSpec {
    const spec = profile[key]
    if (!spec) throw new ServiceError('invalid-input', `exciter: profile ${profile.id} cannot ${key}`)
    return spec
  }

  async function readTelemetry(): Promise<ExciterTelemetry> {
    const read = async (spec: ExciterCommandSpec | undefined) =>
      spec ? parseExciterNumber(await ask(link.exchange, spec)) : undefined
    const telemetry: ExciterTelemetry = { alarms: [] }
    if (profile.readRf) {
      const value = await ask(link.exchange, profile.readRf)
      telemetry.isRfOn = value?.trim() === profile.readRf.onValue
    }
    const forwardW = await read(profile.readForward)
    const reflectedW = await read(profile.readReflected)
    const temperatureC = await read(profile.readTemperature)
    for (const spec of profile.alarms ?? [])
      telemetry.alarms.push(...activeAlarms(spec, await ask(link.exchange, spec)))
    const vswr = vswrFrom(forwardW, reflectedW)
    return {
      ...telemetry,
      ...(forwardW !== undefined ? { forwardW } : {}),
      ...(reflectedW !== undefined ? { reflectedW } : {}),
      ...(vswr !== undefined ? { vswr } : {}),
      ...(temperatureC !== undefined ? { temperatureC } : {}),
    }
  }

  return {
    capabilities: {
      canSwitchRf: Boolean(profile.rfOn && profile.rfOff),
      canSetPower: Boolean(profile.setPower),
      canSetFrequency: Boolean(profile.setFrequency),
      hasTelemetry: Boolean(profile.readForward ?? profile.readReflected ?? profile.readTemperature),
    },
    rfOn: async () => void (await ask(link.exchange, need('rfOn'))),
    rfOff: async () => void (await ask(link.exchange, need('rfOff'))),
    async setPower(watts) {
      checkPowerW(watts, options.licenceMaxPowerW)
      await ask(link.exchange, need('setPower'), watts.toFixed(profile.powerDecimals))
    },
    async setFrequency(mhz) {
      checkFrequencyMHz(mhz, profile.frequencyDecimals)
      if (!isPreferredFrequency(mhz)) log.warn(`exciter: ${mhz} MHz is legal but outside the preferred 60–68 MHz`)
      await ask(link.exchange, need('setFrequency'), mhz.toFixed(profile.frequencyDecimals))
    },
    readTelemetry,
    start: link.start,
    stop: link.stop,
    status: link.status,
    on: link.on,
  }
}
