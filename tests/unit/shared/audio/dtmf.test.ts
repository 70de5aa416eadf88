import { describe, expect, it } from 'vitest'
import {
  DTMF_ALPHABET,
  dtmfCodeFor,
  dtmfFrequencies,
  expandDtmfTemplate,
  generateDtmf,
  generateDtmfCommand,
  type DtmfCodePlan,
} from '../../../../src/shared/audio/dtmf'
import { createDtmfDecoder, decodeDtmf, goertzelPower } from '../../../../src/shared/audio/goertzel'

/** Deterministic white noise (mulberry32 + Box–Muller) so noisy tests never flake. */
function addNoise(pcm: Float32Array, rms: number, seed = 42): Float32Array {
  let state = seed >>> 0
  const rand = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return pcm.map((x) => x + rms * Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand()))
}

const rms = (pcm: Float32Array): number => Math.sqrt(pcm.reduce((s, x) => s + x * x, 0) / pcm.length)

const plan: DtmfCodePlan = {
  zoneOn: '*{zone:3}#1',
  zoneOff: '*{zone:3}#0',
  groupOn: '*9{group:2}#1',
  allOn: '*000#1',
  allOff: '*000#0',
  repeat: 2,
}

describe('dtmf', () => {
  it('maps every key to its row and column frequencies when given the 16-key alphabet', () => {
    expect(dtmfFrequencies('1')).toEqual({ lowHz: 697, highHz: 1209 })
    expect(dtmfFrequencies('0')).toEqual({ lowHz: 941, highHz: 1336 })
    expect(dtmfFrequencies('#')).toEqual({ lowHz: 941, highHz: 1477 })
    expect(dtmfFrequencies('d')).toEqual({ lowHz: 941, highHz: 1633 })
    expect(() => dtmfFrequencies('E')).toThrow(/not a DTMF key/)
  })

  it('generates tone + pause per digit at the requested level when given default timing', () => {
    const pcm = generateDtmf('12', { sampleRate: 8000 })
    // 100 ms tone, 100 ms pause, 100 ms tone, 100 ms tail
    expect(pcm.length).toBe(3200)
    expect(rms(pcm.subarray(800, 1600))).toBe(0)
    const peak = pcm.reduce((m, x) => Math.max(m, Math.abs(x)), 0)
    expect(peak).toBeLessThanOrEqual(10 ** (-10 / 20) + 10 ** (-12 / 20) + 1e-6)
    const high = goertzelPower(pcm, 0, 800, 1209, 8000)
    const low = goertzelPower(pcm, 0, 800, 697, 8000)
    expect(10 * Math.log10(high / low)).toBeCloseTo(2, 0)
  })

  it('expands zone, group and all templates with zero padding when the plan has placeholders', () => {
    expect(expandDtmfTemplate('*{zone:3}#1', { zone: 7 })).toBe('*007#1')
    expect(dtmfCodeFor(plan, { zone: 12 }, false)).toBe('*012#0')
    expect(dtmfCodeFor(plan, { group: 3 }, true)).toBe('*903#1')
    expect(dtmfCodeFor(plan, 'all', true)).toBe('*000#1')
  })

  it('rejects templates that are incomplete or leave the DTMF alphabet when expanded', () => {
    expect(() => expandDtmfTemplate('*{zone}#', {})).toThrow(/needs a value for \{zone\}/)
    expect(() => expandDtmfTemplate('*{zone}#', { zone: 'x' })).toThrow(/outside 0-9 A-D/)
    expect(() => dtmfCodeFor({ zoneOn: '1', zoneOff: '0' }, { group: 1 }, true)).toThrow(/no group codes/)
  })
})

describe('goertzel', () => {
  it('decodes every key back digit for digit when generated at 8 kHz', () => {
    expect(decodeDtmf(generateDtmf(DTMF_ALPHABET, { sampleRate: 8000 }), 8000)).toBe(DTMF_ALPHABET)
  })

  it('decodes every key back digit for digit when generated at 48 kHz', () => {
    expect(decodeDtmf(generateDtmf(DTMF_ALPHABET, { sampleRate: 48000 }), 48000)).toBe(DTMF_ALPHABET)
  })

  it.each([
    ['1111', 100, 100],
    ['1221', 70, 70],
    ['#A05*', 50, 50],
    ['0123456789ABCD*#', 50, 50],
    ['1111', 50, 50],
    ['159#*0D', 50, 40],
  ])('decodes %s when tones are %i ms and pauses %i ms', (digits, toneMs, pauseMs) => {
    for (const sampleRate of [8000, 48000]) {
      expect(decodeDtmf(generateDtmf(digits, { sampleRate, toneMs, pauseMs }), sampleRate)).toBe(digits)
    }
  })

  it('decodes every key when white noise at 15 dB below the tones is added', () => {
    for (const sampleRate of [8000, 48000]) {
      const clean = generateDtmf(DTMF_ALPHABET, { sampleRate })
      const toneRms = rms(clean.subarray(0, Math.round(sampleRate * 0.1)))
      const noisy = addNoise(clean, toneRms * 10 ** (-15 / 20), sampleRate)
      expect(decodeDtmf(noisy, sampleRate)).toBe(DTMF_ALPHABET)
    }
  })

  it('hears nothing when given noise alone or a single tone', () => {
    const sampleRate = 8000
    expect(decodeDtmf(addNoise(new Float32Array(sampleRate), 0.2), sampleRate)).toBe('')
    const tone = Float32Array.from(
      { length: sampleRate },
      (_, n) => 0.3 * Math.sin((2 * Math.PI * 1000 * n) / sampleRate),
    )
    expect(decodeDtmf(tone, sampleRate)).toBe('')
  })

  it('decodes the same digits when PCM arrives in odd-sized chunks', () => {
    const pcm = generateDtmf('*007#1', { sampleRate: 48000, leadInMs: 300 })
    const decoder = createDtmfDecoder({ sampleRate: 48000 })
    const digits: string[] = []
    for (let i = 0; i < pcm.length; i += 333) digits.push(...decoder.push(pcm.subarray(i, i + 333)))
    expect(digits.join('')).toBe('*007#1')
  })

  it('decodes a repeated zone command twice when the plan repeats the code', () => {
    const pcm = generateDtmfCommand(plan, { zone: 7 }, true, { sampleRate: 8000, leadInMs: 400 })
    expect(decodeDtmf(pcm, 8000)).toBe('*007#1*007#1')
  })
})
