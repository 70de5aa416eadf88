/** 16-bit little-endian mono PCM for tests: tones and deterministic noise. */

/** A sine of `frequency` Hz at `amplitude` (0..1 of full scale), `sampleCount` samples long. */
export function sinePcm(sampleRate: number, frequency: number, amplitude: number, sampleCount: number): Uint8Array {
  const out = new Uint8Array(sampleCount * 2)
  const view = new DataView(out.buffer)
  for (let i = 0; i < sampleCount; i++) {
    const v = Math.round(Math.sin((2 * Math.PI * frequency * i) / sampleRate) * amplitude * 32767)
    view.setInt16(i * 2, v, true)
  }
  return out
}

/** Deterministic pseudo-random bytes (xorshift32), so a failing test can be replayed. */
export function noiseBytes(length: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(length)
  let x = seed >>> 0 || 1
  for (let i = 0; i < length; i++) {
    x ^= x << 13
    x >>>= 0
    x ^= x >>> 17
    x ^= x << 5
    x >>>= 0
    out[i] = x & 0xff
  }
  return out
}

/** A deterministic pseudo-random integer source in [0, n). */
export function seededRandom(seed = 12345): (n: number) => number {
  let x = seed >>> 0 || 1
  return (n) => {
    x ^= x << 13
    x >>>= 0
    x ^= x >>> 17
    x ^= x << 5
    x >>>= 0
    return x % n
  }
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.byteLength
  }
  return out
}
