/**
 * The built-in voice: eSpeak NG in a Web Worker (espeak.worker.ts). Requests are answered in
 * order by one worker. Cancelling a request terminates the worker (an eSpeak run cannot be
 * interrupted from outside), fails every request it had, and the next request starts a new one.
 */
import { ESPEAK_VOICES } from './espeak-synth'
import { TtsError, type SynthesizeOptions, type TtsEngine, type TtsVoice } from './engine'
import { workerResponseSchema, type WorkerRequest } from './worker-protocol'

interface Pending {
  resolve: (wav: Uint8Array) => void
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
      if (parsed.data.ok) p.resolve(parsed.data.wav)
      else p.reject(new TtsError('engine-failed', parsed.data.message))
    })
    w.addEventListener('error', (event) => {
      failAll('engine-failed', `tts: worker failed: ${event.message}`)
      stopWorker()
    })
    worker = w
    return w
  }

  const synthesize = (text: string, options: SynthesizeOptions, signal?: AbortSignal): Promise<Uint8Array> => {
    if (!ESPEAK_VOICES.some((v) => v.id === options.voice)) {
      return Promise.reject(new TtsError('unknown-voice', `tts: no voice ${options.voice}`))
    }
    if (signal?.aborted) return Promise.reject(new TtsError('cancelled', 'tts: cancelled'))
    const id = nextId++
    const request: WorkerRequest = { id, text, voice: options.voice, rate: options.rate }
    return new Promise<Uint8Array>((resolve, reject) => {
      const onAbort = () => {
        failAll('cancelled', 'tts: cancelled')
        stopWorker()
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      const done = () => signal?.removeEventListener('abort', onAbort)
      pending.set(id, {
        resolve: (wav) => (done(), resolve(wav)),
        reject: (error) => (done(), reject(error)),
      })
      ensureWorker().postMessage(request)
    })
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
