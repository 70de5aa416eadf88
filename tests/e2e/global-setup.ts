/** Makes the fake microphone's WAV and checks the built app is there before any spec runs. */
import { existsSync, mkdirSync } from 'node:fs'
import { ELECTRON_MAIN, FAKE_MIC_HZ, FAKE_MIC_PATTERN_WAV, FAKE_MIC_WAV, GENERATED, HOST_ENTRY } from './support/paths'
import { writePatternWav } from './support/tone-pattern'
import { writeToneWav } from './support/wav'

export default function globalSetup(): void {
  mkdirSync(GENERATED, { recursive: true })
  // 5 s of 440 Hz at 48 kHz holds exactly 2200 cycles, so Chromium's looping is seamless.
  writeToneWav(FAKE_MIC_WAV, { frequency: FAKE_MIC_HZ, seconds: 5, sampleRate: 48_000, amplitude: 0.5 })
  writePatternWav(FAKE_MIC_PATTERN_WAV)
  const isElectron = process.env.DAIXA_E2E_ELECTRON === '1'
  const entry = isElectron ? ELECTRON_MAIN : HOST_ENTRY
  if (!existsSync(entry)) throw new Error(`e2e: ${entry} is missing; run \`npm run build\` first`)
  if (!isElectron) {
    console.log(
      'e2e: running the browser-host project. The electron project is not run: the Electron binary cannot be ' +
        'downloaded on this machine (set DAIXA_E2E_ELECTRON=1 where it exists).',
    )
  }
}
