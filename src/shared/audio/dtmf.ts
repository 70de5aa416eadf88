/**
 * DTMF tone sequences for switching village FM loudspeaker receivers, as PCM.
 *
 * Each key is the sum of one low-group and one high-group sine (ITU-T Q.23):
 *            1209  1336  1477  1633 Hz
 *   697 Hz    1     2     3     A
 *   770 Hz    4     5     6     B
 *   852 Hz    7     8     9     C
 *   941 Hz    *     0     #     D
 * Defaults for an FM broadcast chain: 100 ms tone / 100 ms gap, each tone about −10 dBFS, low
 * tone 2 dB below the high tone (twist), short fades against clicks. Decoders need ≥ 40 ms tones.
 * Receiver code plans are vendor-specific and unpublished, so codes are templates configured per
 * installation, e.g. onCode `*{zone:3}#1` → zone 7 = `*007#1`.
 * Example: generateDtmf('*007#1', { sampleRate: 8000 }) → 1.2 s of Float32 PCM at 8 kHz.
 * References: hardware-protocols.md §4.2–4.3 (https://www.techabulary.com/d/dtmf/,
 * https://rfcafe.com/references/electrical/dtmf.htm); GAI-Tronics addressing (2–8 digits, 0–9 A–D * #).
 * Pure code: no node:*, no DOM.
 */
import { ServiceError } from '../result'

export const DTMF_LOW_HZ = [697, 770, 852, 941] as const
export const DTMF_HIGH_HZ = [1209, 1336, 1477, 1633] as const
export const DTMF_KEYS = ['123A', '456B', '789C', '*0#D'] as const
export const DTMF_ALPHABET = '0123456789ABCD*#'

export function dtmfFrequencies(digit: string): { lowHz: number; highHz: number } {
  const key = digit.toUpperCase()
  for (const [row, keys] of DTMF_KEYS.entries()) {
    const col = keys.indexOf(key)
    if (col >= 0 && key.length === 1) return { lowHz: DTMF_LOW_HZ[row] ?? 0, highHz: DTMF_HIGH_HZ[col] ?? 0 }
  }
  throw new ServiceError('invalid-input', `dtmf: "${digit}" is not a DTMF key (0-9 A-D * #)`)
}

export interface DtmfToneOptions {
  sampleRate: number
  toneMs?: number
  pauseMs?: number
  /** level of the high tone, dBFS (default −10) */
  levelDbfs?: number
  /** how many dB the low tone is below the high tone (default 2) */
  twistDb?: number
  /** silence before the first digit, so receivers' squelch opens (default 0) */
  leadInMs?: number
  /** silence after the last digit (default: pauseMs) */
  tailMs?: number
}

const FADE_MS = 2

function writeTone(out: Float32Array, at: number, samples: number, digit: string, o: Required<DtmfToneOptions>): void {
  const { lowHz, highHz } = dtmfFrequencies(digit)
  const high = 10 ** (o.levelDbfs / 20)
  const low = 10 ** ((o.levelDbfs - o.twistDb) / 20)
  const fade = Math.min(Math.round((o.sampleRate * FADE_MS) / 1000), Math.floor(samples / 4))
  const wLow = (2 * Math.PI * lowHz) / o.sampleRate
  const wHigh = (2 * Math.PI * highHz) / o.sampleRate
  for (let n = 0; n < samples; n += 1) {
    const edge = Math.min(n, samples - 1 - n)
    const gain = edge < fade ? 0.5 - 0.5 * Math.cos((Math.PI * edge) / fade) : 1
    out[at + n] = gain * (low * Math.sin(wLow * n) + high * Math.sin(wHigh * n))
  }
}

/** PCM for the digit string: lead-in, then tone + pause per digit (no pause after the last), tail. */
export function generateDtmf(digits: string, options: DtmfToneOptions): Float32Array {
  const o: Required<DtmfToneOptions> = {
    toneMs: 100,
    pauseMs: 100,
    levelDbfs: -10,
    twistDb: 2,
    leadInMs: 0,
    ...options,
    tailMs: options.tailMs ?? options.pauseMs ?? 100,
  }
  if (!Number.isFinite(o.sampleRate) || o.sampleRate < 8000) {
    throw new ServiceError('invalid-input', `dtmf: sample rate must be ≥ 8000 Hz, got ${o.sampleRate}`)
  }
  if (o.toneMs < 40) throw new ServiceError('invalid-input', `dtmf: tones shorter than 40 ms are ignored by decoders`)
  const toSamples = (ms: number): number => Math.round((o.sampleRate * ms) / 1000)
  const tone = toSamples(o.toneMs)
  const pause = toSamples(o.pauseMs)
  const keys = [...digits]
  const total = toSamples(o.leadInMs) + keys.length * tone + Math.max(0, keys.length - 1) * pause + toSamples(o.tailMs)
  const out = new Float32Array(total)
  let at = toSamples(o.leadInMs)
  for (const digit of keys) {
    writeTone(out, at, tone, digit, o)
    at += tone + pause
  }
  return out
}

export type DtmfTemplateValues = Readonly<Record<string, number | string>>

/**
 * Expand `{name}` / `{name:width}` placeholders (numbers zero-padded to width) and check the
 * result is over the DTMF alphabet. `*{zone:3}#1` with zone 7 → `*007#1`.
 */
export function expandDtmfTemplate(template: string, values: DtmfTemplateValues): string {
  const code = template.replace(/\{(\w+)(?::(\d+))?\}/g, (_, name: string, width?: string) => {
    const value = values[name]
    if (value === undefined) throw new ServiceError('invalid-input', `dtmf: template needs a value for {${name}}`)
    const text = String(value)
    return width ? text.padStart(Number(width), '0') : text
  })
  const upper = code.toUpperCase()
  if (upper.length === 0 || [...upper].some((c) => !DTMF_ALPHABET.includes(c))) {
    throw new ServiceError('invalid-input', `dtmf: code "${code}" from "${template}" has keys outside 0-9 A-D * #`)
  }
  return upper
}

/** One installation's receiver code plan (templates over 0-9 A-D * # with placeholders). */
export interface DtmfCodePlan {
  /** e.g. `*{zone:3}#1` */
  zoneOn: string
  zoneOff: string
  /** e.g. `*9{group:2}#1` */
  groupOn?: string
  groupOff?: string
  /** e.g. `*000#1` */
  allOn?: string
  allOff?: string
  /** send the whole code this many times (default 2) */
  repeat?: number
}

export type DtmfTarget = { zone: number } | { group: number } | 'all'

/** The digit string for switching `target` on or off under `plan`. */
export function dtmfCodeFor(plan: DtmfCodePlan, target: DtmfTarget, isOn: boolean): string {
  if (target === 'all') {
    const template = isOn ? plan.allOn : plan.allOff
    if (!template) throw new ServiceError('invalid-input', 'dtmf: this code plan has no all-receivers code')
    return expandDtmfTemplate(template, {})
  }
  if ('zone' in target) return expandDtmfTemplate(isOn ? plan.zoneOn : plan.zoneOff, { zone: target.zone })
  const template = isOn ? plan.groupOn : plan.groupOff
  if (!template) throw new ServiceError('invalid-input', 'dtmf: this code plan has no group codes')
  return expandDtmfTemplate(template, { group: target.group })
}

/** PCM for switching `target`: the code `repeat` times, separated by a pause of 3 gaps. */
export function generateDtmfCommand(
  plan: DtmfCodePlan,
  target: DtmfTarget,
  isOn: boolean,
  tones: DtmfToneOptions,
): Float32Array {
  return generateDtmfRepeated(dtmfCodeFor(plan, target, isOn), plan.repeat ?? 2, tones)
}

/** The pause between two sendings of a code, in gaps (pauseMs): long enough to read as a new code. */
export const REPEAT_GAPS = 3

/** PCM for `code` sent `repeat` times: lead-in once, REPEAT_GAPS pauses between sendings. */
export function generateDtmfRepeated(code: string, repeat: number, tones: DtmfToneOptions): Float32Array {
  const count = Math.max(1, Math.round(repeat))
  const gap = tones.pauseMs ?? 100
  const parts = Array.from({ length: count }, (_, i) =>
    generateDtmf(code, {
      ...tones,
      leadInMs: i === 0 ? (tones.leadInMs ?? 0) : 0,
      tailMs: i < count - 1 ? gap * REPEAT_GAPS : gap,
    }),
  )
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}
