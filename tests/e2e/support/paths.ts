import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
export const GENERATED = join(ROOT, 'tests/fixtures/generated')
/** The fake microphone: a steady 440 Hz tone, seamless when Chromium loops it. */
export const FAKE_MIC_WAV = join(GENERATED, 'fake-mic-440hz.wav')
export const FAKE_MIC_HZ = 440
export const HOST_ENTRY = join(ROOT, 'out/host/browser-host.js')
export const ELECTRON_MAIN = join(ROOT, 'out/main/index.js')

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--autoplay-policy=no-user-gesture-required',
]

export const FAKE_MIC_ARGS = [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-audio-capture=${FAKE_MIC_WAV}`,
]
