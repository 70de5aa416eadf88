/**
 * DTMF decoder on the Goertzel algorithm, for tests and the simulated village receiver.
 *
 * PCM is cut into blocks of 25.6 ms (N = 205 at 8 kHz, scaled for other rates, so the bin width
 * stays ≈ 39 Hz). Per block: power at the 8 DTMF frequencies; a block is a key when the signal
 * is above the energy gate, the strongest low and high tones carry a good share of it, each
 * beats its group's runner-up by 6×, and the twist stays within ±8 dB. A key is accepted after 2
 * identical consecutive blocks and re-armed only by a block that is silent or not a key, so one
 * long tone is one digit and `1111` needs the gaps (a different key needs no gap).
 * Tones of 50 ms or more decode reliably (tests cover 50–100 ms at 8 and 48 kHz); a 40 ms tone
 * can leave only one clean block and be missed, so keep the 100 ms default.
 * Reference: hardware-protocols.md §4.3 (decoder checked with 100/100, 70/70 and 50/50 ms timing).
 * Pure code: no node:*, no DOM.
 */
import { DTMF_HIGH_HZ, DTMF_KEYS, DTMF_LOW_HZ } from './dtmf'

/** Power of one frequency over samples[start, start+length): |X(f)|² (generalised Goertzel). */
export function goertzelPower(samples: Float32Array, start: number, length: number, hz: number, sampleRate: number) {
  const coeff = 2 * Math.cos((2 * Math.PI * hz) / sampleRate)
  let s1 = 0
  let s2 = 0
  for (let n = 0; n < length; n += 1) {
    const s0 = (samples[start + n] ?? 0) + coeff * s1 - s2
    s2 = s1
    s1 = s0
  }
  return s1 * s1 + s2 * s2 - coeff * s1 * s2
}

export interface DtmfDecoderOptions {
  sampleRate: number
  /** minimum block RMS (default 0.01 ≈ −40 dBFS) */
  minRms?: number
}

export interface DtmfDecoder {
  /** feed PCM; returns the digits completed in this chunk */
  push(samples: Float32Array): string[]
  reset(): void
}

function strongest(powers: readonly number[]): { index: number; ratio: number } {
  let index = 0
  for (let i = 1; i < powers.length; i += 1) if ((powers[i] ?? 0) > (powers[index] ?? 0)) index = i
  const runnerUp = Math.max(...powers.filter((_, i) => i !== index))
  return { index, ratio: (powers[index] ?? 0) / Math.max(runnerUp, 1e-12) }
}

/**
 * Share of the block's energy the two key tones must hold. A block only partly covered by a tone
 * scores its covered fraction; 0.25 lets a 40 ms tone give two blocks at any alignment, while
 * white noise scores about 2/N per frequency.
 */
const MIN_KEY_SHARE = 0.25

/** The key heard in one block, or null. */
export function classifyBlock(samples: Float32Array, start: number, n: number, sampleRate: number, minRms = 0.01) {
  let energy = 0
  for (let i = 0; i < n; i += 1) energy += (samples[start + i] ?? 0) ** 2
  if (Math.sqrt(energy / n) < minRms) return null
  // a sine of amplitude A has |X|² ≈ (A·N/2)² while it adds N·A²/2 to the energy: normalise so
  // a pure tone scores 1 and the two tones of a clean key sum to about 1
  const norm = (p: number): number => (2 * p) / (n * energy)
  const low = DTMF_LOW_HZ.map((hz) => norm(goertzelPower(samples, start, n, hz, sampleRate)))
  const high = DTMF_HIGH_HZ.map((hz) => norm(goertzelPower(samples, start, n, hz, sampleRate)))
  const row = strongest(low)
  const col = strongest(high)
  const lowShare = low[row.index] ?? 0
  const highShare = high[col.index] ?? 0
  if (lowShare + highShare < MIN_KEY_SHARE || row.ratio < 6 || col.ratio < 6) return null
  if (Math.abs(10 * Math.log10(lowShare / highShare)) > 8) return null
  return DTMF_KEYS[row.index]?.[col.index] ?? null
}

export function createDtmfDecoder(options: DtmfDecoderOptions): DtmfDecoder {
  const n = Math.round(options.sampleRate * 0.0256)
  const block = new Float32Array(n)
  let filled = 0
  let previous: string | null = null
  let lastAccepted: string | null = null
  let isArmed = true

  function endBlock(): string | null {
    const key = classifyBlock(block, 0, n, options.sampleRate, options.minRms)
    filled = 0
    const isRepeat = key !== null && key === previous
    previous = key
    if (key === null) {
      isArmed = true
      return null
    }
    if (isRepeat && (isArmed || key !== lastAccepted)) {
      isArmed = false
      lastAccepted = key
      return key
    }
    return null
  }

  return {
    push(samples) {
      const digits: string[] = []
      for (let i = 0; i < samples.length;) {
        const take = Math.min(n - filled, samples.length - i)
        block.set(samples.subarray(i, i + take), filled)
        filled += take
        i += take
        if (filled === n) {
          const digit = endBlock()
          if (digit) digits.push(digit)
        }
      }
      return digits
    },
    reset() {
      filled = 0
      previous = null
      lastAccepted = null
      isArmed = true
    },
  }
}

/** Decode a whole buffer to a digit string. */
export function decodeDtmf(samples: Float32Array, sampleRate: number, minRms?: number): string {
  const decoder = createDtmfDecoder({ sampleRate, ...(minRms !== undefined ? { minRms } : {}) })
  return decoder.push(samples).join('')
}
