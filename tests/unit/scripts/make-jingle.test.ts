/** The shipped jingles are exactly what the script makes, in the media store's import format. */
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { readWavInfo } from '../../../src/shared/tts/wav-info'
import { tempDirs } from '../helpers/temp-dir'

const run = promisify(execFile)
const dirs = tempDirs('daixa-jingle-')
afterAll(() => dirs.cleanup())

describe('make-jingle', () => {
  it('regenerates the committed jingles byte for byte, as 44.1 kHz mono WAV of 3 s and 2.5 s', async () => {
    const dir = await dirs.make()
    await run(process.execPath, ['scripts/make-jingle.mjs', dir])
    for (const [name, ms] of [
      ['default-intro.wav', 3000],
      ['default-outro.wav', 2500],
    ] as const) {
      const made = await readFile(join(dir, name))
      const shipped = await readFile(join('resources/jingles', name))
      expect(made.equals(shipped)).toBe(true)
      expect(readWavInfo(made)).toMatchObject({
        sampleRate: 44_100,
        channels: 1,
        bitsPerSample: 16,
        dataOffset: 44,
        durationMs: ms,
      })
    }
  })
})
