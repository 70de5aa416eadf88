/**
 * The TTS engine speaking a text as long as the screen allows (20,000 characters, where one run
 * of 19,040 crashed eSpeak with "memory access out of bounds"): the real eSpeak NG (WASM) and the
 * worker's own code (synthesis + conversion to the store's samples) run in this process behind an
 * object with a Worker's interface, so only the thread boundary is not the browser's.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { compileEspeak, espeakFactory } from '../../../helpers/espeak'
import { TtsError } from '../../../../../src/renderer/audio/tts/engine'
import { createEspeakEngine } from '../../../../../src/renderer/audio/tts/espeak-engine'
import { synthesizeWithEspeak } from '../../../../../src/renderer/audio/tts/espeak-synth'
import { workerRequestSchema, type WorkerResponse } from '../../../../../src/renderer/audio/tts/worker-protocol'
import { CHUNK_CHARS } from '../../../../../src/shared/tts/chunks'
import { normalizeVietnamese } from '../../../../../src/shared/tts/normalize-vi'
import { MAX_TTS_CHARS } from '../../../../../src/shared/tts/script-check'
import { toStorePcm } from '../../../../../src/shared/tts/store-wav'

const factory = espeakFactory
let wasm: WebAssembly.Module

beforeAll(async () => {
  wasm = await compileEspeak()
}, 60_000)

/** espeak.worker.ts's message handler, in this process, behind the part of Worker the engine uses. */
function inProcessWorker(): Worker {
  const listeners = new Set<(event: MessageEvent<unknown>) => void>()
  let isTerminated = false
  const worker = {
    addEventListener: (type: string, listener: (event: MessageEvent<unknown>) => void) => {
      if (type === 'message') listeners.add(listener)
    },
    postMessage: (message: unknown) => {
      const { id, text, voice, rate } = workerRequestSchema.parse(message)
      void synthesizeWithEspeak(text, { voice, rate }, { factory, wasm })
        .then((raw): WorkerResponse => ({ id, ok: true, pcm: toStorePcm(raw) }))
        .catch((error: unknown): WorkerResponse => ({ id, ok: false, message: String(error) }))
        .then((data) => {
          if (!isTerminated) listeners.forEach((l) => l({ data } as MessageEvent<unknown>))
        })
    },
    terminate: () => {
      isTerminated = true
    },
  }
  return worker as unknown as Worker
}

/** A notice of exactly `length` characters: sentences with dates, times, numbers and units. */
function longNotice(length: number): string {
  const sentences = [
    'UBND xã thông báo lịch tiêm phòng cho trẻ em lúc 7h30 ngày 12/5/2025 tại trạm y tế xã.',
    'Đề nghị các gia đình đưa con em đến đúng giờ, mang theo sổ tiêm chủng và thẻ BHYT.',
    'Đợt này có 350 liều vắc-xin, mỗi thôn được chia khoảng 45 liều; trời nắng 35°C, bà con nhớ mang nước.',
    'Mọi thắc mắc xin gọi số 0912345678 gặp cán bộ y tế thôn.',
  ]
  let text = ''
  for (let i = 0; text.length < length; i += 1) text += `${sentences[i % sentences.length] ?? ''}\n`
  return text.slice(0, length)
}

describe('espeak-engine', () => {
  it('speaks a text of the full length limit in chunks, in order, with bounded pieces and progress', async () => {
    const text = normalizeVietnamese(longNotice(MAX_TTS_CHARS))
    const engine = createEspeakEngine(inProcessWorker)
    const sizes: number[] = []
    const progress: number[] = []
    let peak = 0
    const started = performance.now()
    const samples = await engine.synthesize(
      text,
      { voice: 'vi', rate: 150 },
      (pcm) => {
        sizes.push(pcm.byteLength)
        const view = new DataView(pcm.buffer, pcm.byteOffset, pcm.byteLength)
        for (let i = 0; i < pcm.byteLength; i += 2) peak = Math.max(peak, Math.abs(view.getInt16(i, true)))
        return Promise.resolve()
      },
      { onProgress: (f) => progress.push(f) },
    )
    const seconds = samples / 44_100
    const words = text.split(/\s+/).length
    console.info(
      `${MAX_TTS_CHARS} characters (${text.length} normalised) → ${sizes.length} chunks, ` +
        `${(seconds / 60).toFixed(1)} min of speech in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
        `largest chunk ${(Math.max(...sizes) / 1e6).toFixed(1)} MB`,
    )
    expect(sizes.length).toBeGreaterThanOrEqual(Math.ceil(text.length / CHUNK_CHARS))
    expect(samples * 2).toBe(sizes.reduce((a, b) => a + b, 0))
    // Vietnamese at 150 words a minute: between 1.5 and 5 words a second.
    expect(seconds).toBeGreaterThan(words / 5)
    expect(seconds).toBeLessThan(words / 1.5)
    // A chunk is at most ~2,000 characters: a few minutes of audio, never the whole text.
    expect(Math.max(...sizes)).toBeLessThan(44_100 * 2 * 300)
    expect(progress.every((f, i) => i === 0 || f > (progress[i - 1] ?? 0))).toBe(true)
    expect(progress.at(-1)).toBe(1)
    // One fixed gain for all chunks (−1 dB), so no chunk is normalised on its own and nothing clips.
    expect(peak).toBeLessThan(32_767)
    engine.dispose()
  }, 300_000)

  it('stops when cancelled between chunks, and the next synthesis works', async () => {
    const engine = createEspeakEngine(inProcessWorker)
    const abort = new AbortController()
    let chunks = 0
    const text = normalizeVietnamese(longNotice(6000))
    const speaking = engine.synthesize(
      text,
      { voice: 'vi', rate: 150 },
      () => {
        chunks += 1
        abort.abort()
        return Promise.resolve()
      },
      { signal: abort.signal },
    )
    await expect(speaking).rejects.toEqual(new TtsError('cancelled', 'tts: cancelled'))
    expect(chunks).toBe(1)
    const after = await engine.synthesize('Xin chào bà con.', { voice: 'vi', rate: 150 }, () => Promise.resolve())
    expect(after).toBeGreaterThan(44_100 / 2)
    engine.dispose()
  }, 120_000)
})
