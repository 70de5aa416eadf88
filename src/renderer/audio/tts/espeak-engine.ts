/**
 * The built-in voice: eSpeak NG in a Web Worker (espeak.worker.ts). A text is spoken in chunks of
 * whole sentences (src/shared/tts/chunks.ts), one worker request each, in order: no run is long
 * enough to exhaust eSpeak's memory or stack, and only one chunk's audio is held at a time (it
 * goes to the caller's sink before the next is spoken). Progress is the share of characters
 * spoken. Cancelling terminates the worker (an eSpeak run cannot be interrupted from outside),
 * fails what it had, and the next request starts a new one.
 */
import { speechChunks } from '../../../shared/tts/chunks'
import { ESPEAK_VOICES } from './espeak-synth'
import {
  TtsError,
  type PcmSink,
  type SynthesisControl,
  type SynthesizeOptions,
  type TtsEngine,
  type TtsVoice,
} from './engine'
import { workerResponseSchema, type WorkerRequest } from './worker-protocol'

interface Pending {
  resolve: (pcm: Uint8Array) => void
  reject: (error: TtsError) => void
}

export type WorkerFactory = () => Worker

const defaultWorker: WorkerFactory = () =>
  new Worker(new URL('./espeak.worker.ts', import.meta.url), { type: 'module', name: 'espeak-ng' })

export function createEspeakEngine(makeWorker: WorkerFactory = defaultWorker): TtsEngine {
  let worker: Worker | null = null
  let nextId = 1
  const pending = new Map<number, Pending>()

  const failAll = (code: 'cancelled' | 'engine-failed', message: string) => {
    for (const p of pending.values()) p.reject(new TtsError(code, message))
    pending.clear()
  }

  const stopWorker = () => {
    worker?.terminate()
    worker = null
  }

  const ensureWorker = (): Worker => {
    if (worker) return worker
    const w = makeWorker()
    w.addEventListener('message', (event: MessageEvent<unknown>) => {
      const parsed = workerResponseSchema.safeParse(event.data)
      if (!parsed.success) return
      const p = pending.get(parsed.data.id)
      pending.delete(parsed.data.id)
      if (!p) return
      if (parsed.data.ok) p.resolve(parsed.data.pcm)
      else p.reject(new TtsError('engine-failed', parsed.data.message))
    })
    w.addEventListener('error', (event) => {
      failAll('engine-failed', `tts: worker failed: ${event.message}`)
      stopWorker()
    })
    worker = w
    return w
  }

  /** One chunk through the worker. */
  const speakChunk = (text: string, options: SynthesizeOptions): Promise<Uint8Array> => {
    const id = nextId++
    const request: WorkerRequest = { id, text, voice: options.voice, rate: options.rate }
    return new Promise<Uint8Array>((resolve, reject) => {
      pending.set(id, { resolve, reject })
      ensureWorker().postMessage(request)
    })
  }

  const synthesize = async (
    text: string,
    options: SynthesizeOptions,
    sink: PcmSink,
    control: SynthesisControl = {},
  ): Promise<number> => {
    const { signal } = control
    if (!ESPEAK_VOICES.some((v) => v.id === options.voice)) {
      throw new TtsError('unknown-voice', `tts: no voice ${options.voice}`)
    }
    const chunks = speechChunks(text)
    if (chunks.length === 0) throw new TtsError('refused-text', 'tts: nothing to speak')
    const onAbort = () => {
      failAll('cancelled', 'tts: cancelled')
      stopWorker()
    }
    signal?.addEventListener('abort', onAbort, { once: true })
    try {
      const total = chunks.reduce((n, c) => n + c.length, 0)
      let spoken = 0
      let samples = 0
      for (const chunk of chunks) {
        if (signal?.aborted) throw new TtsError('cancelled', 'tts: cancelled')
        const pcm = await speakChunk(chunk, options)
        if (signal?.aborted) throw new TtsError('cancelled', 'tts: cancelled')
        await sink(pcm)
        samples += pcm.byteLength / 2
        spoken += chunk.length
        control.onProgress?.(spoken / total)
      }
      return samples
    } finally {
      signal?.removeEventListener('abort', onAbort)
    }
  }

  return {
    id: 'espeak-wasm',
    voices: (): readonly TtsVoice[] => ESPEAK_VOICES,
    synthesize,
    dispose: () => {
      failAll('cancelled', 'tts: engine disposed')
      stopWorker()
    },
  }
}
