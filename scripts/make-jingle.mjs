#!/usr/bin/env node
// Synthesises the neutral default bulletin jingles: a short rising chime to open a bulletin and a
// falling one to close it. Each note is a few sine partials (a bell-like slightly inharmonic
// upper partial among them) under a 10 ms attack and an exponential decay. Deterministic: same
// bytes every run. Output is the media store's import format (RIFF/WAVE, 44-byte header, PCM
// 16-bit mono 44.1 kHz), peak at -3 dBFS.
//   node scripts/make-jingle.mjs            → resources/jingles/default-intro.wav, default-outro.wav
//   node scripts/make-jingle.mjs OUT_DIR    → the same two files in OUT_DIR
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { floatToPcm16, pcm16Wav } from './lib/wav.mjs'

const RATE = 44_100
const PEAK = 10 ** (-3 / 20)
/** [ratio to the fundamental, relative amplitude, decay time constant in seconds] */
const PARTIALS = [
  [1, 1, 0.9],
  [2, 0.45, 0.5],
  [3, 0.2, 0.35],
  [4.16, 0.12, 0.25],
]
const ATTACK_S = 0.01
const FADE_OUT_S = 0.25

/** Notes: [frequency Hz, start s]. */
const JINGLES = {
  'default-intro.wav': {
    seconds: 3.0,
    notes: [
      [523.25, 0],
      [659.25, 0.35],
      [783.99, 0.7],
      [1046.5, 1.05],
    ],
  },
  'default-outro.wav': {
    seconds: 2.5,
    notes: [
      [783.99, 0],
      [659.25, 0.35],
      [523.25, 0.7],
    ],
  },
}

function render({ seconds, notes }) {
  const n = Math.round(seconds * RATE)
  const out = new Float64Array(n)
  for (const [freq, start] of notes) {
    const from = Math.round(start * RATE)
    for (let i = from; i < n; i += 1) {
      const t = (i - from) / RATE
      const attack = Math.min(1, t / ATTACK_S)
      let v = 0
      for (const [ratio, amp, tau] of PARTIALS) v += amp * Math.exp(-t / tau) * Math.sin(2 * Math.PI * freq * ratio * t)
      out[i] += attack * v
    }
  }
  // A short fade at the end so the file never stops on a click.
  const fade = Math.round(FADE_OUT_S * RATE)
  for (let i = 0; i < fade; i += 1) out[n - 1 - i] *= i / fade
  let max = 0
  for (const v of out) max = Math.max(max, Math.abs(v))
  return out.map((v) => (v / max) * PEAK)
}

const outDir = resolve(process.argv[2] ?? 'resources/jingles')
mkdirSync(outDir, { recursive: true })
for (const [name, spec] of Object.entries(JINGLES)) {
  const path = join(outDir, name)
  writeFileSync(path, pcm16Wav(floatToPcm16(render(spec)), RATE))
  console.log(`make-jingle: ${path} (${spec.seconds} s)`)
}
