// The sliced import decode against the one-shot decode, with native ffmpeg (the same version line
// as the app's ffmpeg.wasm core, 5.1) running the very argument lists the app runs.
import { execFileSync } from 'node:child_process'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  MAX_SLICES,
  PREROLL_SECONDS,
  sliceArgs,
  sliceWindow,
} from '../../../../../src/renderer/audio/ffmpeg/slice-args'
import { decodeArgs } from '../../../../../src/shared/audio/decode-args'
import { makeCorpus, SPEECH_LIKE } from '../../../../fixtures/audio/make-corpus.mjs'
import { tempDirs } from '../../../helpers/temp-dir'

const dirs = tempDirs('daixa-slices-')
let work = ''
afterAll(() => dirs.cleanup())
beforeAll(async () => {
  work = await dirs.make()
})

const run = (args: string[]): Buffer =>
  execFileSync('/usr/bin/ffmpeg', ['-loglevel', 'error', ...args], { maxBuffer: 1 << 28, timeout: 30_000 })

/** The app's one-shot decode, as raw samples (the 44-byte header of `-bitexact` dropped). */
const oneShot = (input: string): Buffer => {
  const out = join(work, 'one-shot.wav')
  run(decodeArgs(input, out))
  return execFileSync('/usr/bin/tail', ['-c', '+45', out], { maxBuffer: 1 << 28 })
}

/** Decodes slice after slice until one comes back short, as the import job does. */
const sliced = (input: string, sliceSeconds: number): { pcm: Buffer; slices: number } => {
  const parts: Buffer[] = []
  for (let k = 0; k < MAX_SLICES; k++) {
    const part = run(sliceArgs(input, '-', k, sliceSeconds))
    parts.push(part)
    if (part.byteLength < sliceWindow(k, sliceSeconds).samples * 2) break
  }
  return { pcm: Buffer.concat(parts), slices: parts.length }
}

const differingSamples = (a: Buffer, b: Buffer): number => {
  let n = 0
  for (let i = 0; i + 1 < Math.min(a.length, b.length); i += 2) if (a.readInt16LE(i) !== b.readInt16LE(i)) n++
  return n
}

/** 20 s sources in the containers officers bring, so slices of 4 s seek (k·4 − 2 > 0). */
function makeSources(): string[] {
  const src = join(work, 'source-48k-stereo.wav')
  run([
    ...['-y', '-f', 'lavfi', '-t', '20', '-i', SPEECH_LIKE.replace('r=44100', 'r=48000')],
    ...['-f', 'lavfi', '-t', '20', '-i', 'sine=f=440:r=48000'],
    ...['-filter_complex', '[0][1]amerge=inputs=2', '-ac', '2', '-ar', '48000', '-c:a', 'pcm_s16le', src],
  ])
  const encode = (name: string, args: string[]): string => {
    run(['-y', '-i', src, ...args, join(work, name)])
    return join(work, name)
  }
  return [
    src,
    encode('cbr.mp3', ['-c:a', 'libmp3lame', '-b:a', '64k']),
    encode('vbr.mp3', ['-c:a', 'libmp3lame', '-q:a', '5']),
    encode('mono-22k.mp3', ['-ac', '1', '-ar', '22050', '-c:a', 'libmp3lame', '-b:a', '32k']),
    encode('lossless.flac', ['-c:a', 'flac']),
    encode('vorbis.ogg', ['-c:a', 'libvorbis']),
    encode('voice.opus', ['-c:a', 'libopus', '-b:a', '48k']),
    encode('no-pns.m4a', ['-c:a', 'aac', '-b:a', '96k', '-aac_pns', '0']),
    encode('rate-8k.wav', ['-ar', '8000']),
    encode('rate-96k.wav', ['-ar', '96000', '-c:a', 'pcm_s24le']),
    encode('six.wav', ['-af', 'pan=5.1|c0=c0|c1=c1|c2=0.5*c0|c3=0.1*c1|c4=0.7*c0|c5=0.3*c1']),
  ]
}

describe('renderer/audio/ffmpeg/slice-args', () => {
  it('keeps a preroll before every slice but the first when windows are computed', () => {
    expect(sliceWindow(0, 180)).toEqual({ seekSeconds: 0, skipSamples: 0, samples: 180 * 44_100 })
    expect(sliceWindow(3, 180)).toEqual({
      seekSeconds: 540 - PREROLL_SECONDS,
      skipSamples: PREROLL_SECONDS * 44_100,
      samples: 180 * 44_100,
    })
    expect(sliceArgs('/in/a.mp3', '/s.pcm', 0)).not.toContain('-ss')
    expect(sliceArgs('/in/a.mp3', '/s.pcm', 2)).toEqual(expect.arrayContaining(['-ss', '358']))
  })

  it('joins slices sample for sample like the one-shot decode when seeking into each container', () => {
    const rows = makeSources().map((input) => {
      const expected = oneShot(input)
      const got = sliced(input, 4)
      return {
        name: basename(input),
        slices: got.slices,
        extraSamples: (got.pcm.byteLength - expected.byteLength) / 2,
        differing: differingSamples(got.pcm, expected),
      }
    })
    // 20 s in 4 s slices: five whole ones, then a short (here empty) one that ends the loop.
    // Ogg Vorbis only: after a seek, ffmpeg 5.1's Ogg demuxer does not apply the end trim of the
    // last page, so the last slice keeps up to one Vorbis block (≤ 2048 samples, < 50 ms) of the
    // encoder's padding past the end. Everything before it is identical.
    const expected = rows.map((r) => ({
      name: r.name,
      slices: 6,
      extraSamples: r.name === 'vorbis.ogg' ? r.extraSamples : 0,
      differing: 0,
    }))
    expect(rows).toEqual(expected)
    expect(rows.find((r) => r.name === 'vorbis.ogg')?.extraSamples).toBeLessThanOrEqual(2048)
  }, 120_000)

  it('gives the one-shot samples for the odd corpus files when slices are one second', () => {
    const corpus = makeCorpus(join(work, 'corpus')).filter((c) => c.expect === 'ok' && !c.name.endsWith('.m4a'))
    for (const file of corpus) {
      const expected = oneShot(file.path)
      const got = sliced(file.path, 1)
      expect({ name: file.name, bytes: got.pcm.byteLength }).toEqual({ name: file.name, bytes: expected.byteLength })
      expect({ name: file.name, differing: differingSamples(got.pcm, expected) }).toEqual({
        name: file.name,
        differing: 0,
      })
    }
  }, 60_000)

  it('keeps length and position for AAC with noise substitution when only its noise may differ', () => {
    // ffmpeg's AAC encoder uses perceptual noise substitution by default; its decoder draws that
    // noise from a generator whose state depends on where decoding began.
    const input = join(work, 'pns.m4a')
    run(['-y', '-f', 'lavfi', '-t', '12', '-i', SPEECH_LIKE, '-c:a', 'aac', '-b:a', '96k', input])
    const expected = oneShot(input)
    const got = sliced(input, 4)
    expect(got.pcm.byteLength).toBe(expected.byteLength)
    let signal = 0
    let error = 0
    for (let i = 0; i + 1 < expected.length; i += 2) {
      const a = expected.readInt16LE(i)
      signal += a * a
      error += (a - got.pcm.readInt16LE(i)) ** 2
    }
    // In place and in time: the difference is far below the signal (a shifted slice would be ~0 dB).
    expect(10 * Math.log10(error / signal)).toBeLessThan(-40)
  }, 60_000)
})
