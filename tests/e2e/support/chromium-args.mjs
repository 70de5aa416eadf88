/**
 * Debian Chromium's flags for the end-to-end tests and the recording benchmark (plain JavaScript
 * so the benchmark imports it under `node`; paths.ts re-exports it for the specs).
 */

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

/** The fake microphone: Chromium grants it without asking and loops `wavPath` as its input. */
export function fakeMicArgs(wavPath) {
  return [
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-audio-capture=${wavPath}`,
  ]
}
