import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { fakeMicArgs } from './chromium-args.mjs'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
export const GENERATED = join(ROOT, 'tests/fixtures/generated')
/** The fake microphone: a steady 440 Hz tone, seamless when Chromium loops it. */
export const FAKE_MIC_WAV = join(GENERATED, 'fake-mic-440hz.wav')
export const FAKE_MIC_HZ = 440
/** A fake microphone that tells the time: see tone-pattern.ts. */
export const FAKE_MIC_PATTERN_WAV = join(GENERATED, 'fake-mic-pattern.wav')
export const HOST_ENTRY = join(ROOT, 'out/host/browser-host.js')
export const ELECTRON_MAIN = join(ROOT, 'out/main/index.js')

export { CHROMIUM_ARGS } from './chromium-args.mjs'
export const FAKE_MIC_ARGS = fakeMicArgs(FAKE_MIC_WAV)
