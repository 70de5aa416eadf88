/**
 * An import records the officer's file as it came: the probe's header log (the same `probeArgs`
 * the import runs in ffmpeg.wasm, here on native ffmpeg) read for codec, rate and channels over
 * the import corpus; and the media asset keeps it beside the stored WAV's own mono 44.1 kHz.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { makeCorpus, type CorpusEntry } from '../../../fixtures/audio/make-corpus.mjs'
import { createDatabase, type DaixaDb } from '../../../../src/renderer/db/database'
import { addImportedAnnouncement } from '../../../../src/renderer/db/queries/announcements'
import { probeArgs } from '../../../../src/renderer/audio/ffmpeg/slice-args'
import { parseInputAudio } from '../../../../src/shared/audio/decode-args'
import { dropDatabase, uniqueDbName } from '../../renderer/db/migration-harness'
import { tempDirs } from '../../helpers/temp-dir'

const run = promisify(execFile)
const dirs = tempDirs('daixa-input-audio-')
let corpus: Array<CorpusEntry & { path: string }> = []
let db: DaixaDb | null = null

beforeAll(async () => {
  corpus = makeCorpus(await dirs.make())
}, 60_000)
afterAll(() => dirs.cleanup())
afterEach(async () => {
  if (db) await dropDatabase(db)
  db = null
})

/** ffmpeg's header log of a file (it exits with an error: there is no output, by design). */
const headerLog = (path: string): Promise<string> =>
  run('/usr/bin/ffmpeg', probeArgs(path)).then(
    ({ stderr }) => stderr,
    (error: { stderr?: string }) => error.stderr ?? '',
  )

describe('the input file’s own format', () => {
  it('reads codec, sample rate and channels from the header of every readable corpus file', async () => {
    const expected: Record<string, [string, number, number] | null> = {
      'tone-44k-mono.wav': ['pcm_s16le', 44_100, 1],
      'stereo-48k.flac': ['flac', 48_000, 2],
      'speech-like.mp3': ['mp3', 44_100, 1],
      'tone.m4a': ['aac', 44_100, 1],
      'tone.ogg': ['vorbis', 44_100, 1],
      'tone.opus': ['opus', 48_000, 1],
      'rate-8k.wav': ['pcm_s16le', 8000, 1],
      'rate-96k.wav': ['pcm_s24le', 96_000, 1],
      'six-channels.wav': ['pcm_s16le', 44_100, 6],
      'header-lies.wav': ['pcm_s16le', 44_100, 1],
      'truncated.mp3': ['mp3', 44_100, 1],
      'zero-bytes.mp3': null,
      'text-named.mp3': null,
      'random-bytes.mp3': null,
      'truncated-header.wav': null,
      'garbage-fmt.wav': null,
    }
    for (const entry of corpus) {
      const got = parseInputAudio(await headerLog(entry.path))
      const want = expected[entry.name]
      expect([entry.name, got]).toEqual([
        entry.name,
        want ? { codec: want[0], sampleRate: want[1], channels: want[2] } : null,
      ])
    }
  })

  it('reads "N channels" layouts and refuses a line with no rate', () => {
    expect(parseInputAudio('  Stream #0:0: Audio: pcm_s16le, 22050 Hz, 10 channels, s16')).toEqual({
      codec: 'pcm_s16le',
      sampleRate: 22_050,
      channels: 10,
    })
    expect(parseInputAudio('  Stream #0:1: Video: png, rgb24, 600x600')).toBeNull()
  })

  it('stores the imported file’s format on its media asset beside the stored WAV’s', async () => {
    db = createDatabase(uniqueDbName('input-audio'))
    await db.open()
    const stored = {
      ...{ hash: 'a'.repeat(64), format: 'wav' as const, sizeBytes: 176_444 },
      ...{ sampleRate: 44_100, sampleCount: 88_200, durationMs: 2000 },
    }
    const input = { codec: 'flac', sampleRate: 48_000, channels: 2 }
    await addImportedAnnouncement(db, stored, 'Nhạc hiệu', input)
    expect(await db.mediaAssets.get(stored.hash)).toMatchObject({ sampleRate: 44_100, channels: 1, input })
  })
})
