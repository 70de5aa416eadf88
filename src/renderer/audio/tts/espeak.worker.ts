/**
 * Web Worker that runs eSpeak NG off the UI thread, then brings its 22,050 Hz output to the media
 * store's samples (44.1 kHz mono s16le at a fixed gain, shared/tts/store-wav.ts), also off the UI
 * thread. The .wasm is one of the app's own files (bundled by Vite from node_modules/espeak-ng,
 * never a CDN); it is compiled once per worker and instantiated per request, so each chunk runs
 * in a fresh instance whose memory is freed after it. Protocol: {id, text, voice, rate} in (one
 * chunk); {id, ok: true, pcm} (the buffer transferred) or {id, ok: false, message} out.
 */
import ESpeakNg from 'espeak-ng'
import wasmUrl from 'espeak-ng/dist/espeak-ng.wasm?url'
import { toStorePcm } from '../../../shared/tts/store-wav'
import { synthesizeWithEspeak, type EspeakFactory } from './espeak-synth'
import { workerRequestSchema, type WorkerResponse } from './worker-protocol'

// The package ships no types; espeak-ng.d.ts declares it loosely and EspeakFactory is its real shape.
const factory = ESpeakNg as EspeakFactory
let compiled: Promise<WebAssembly.Module> | null = null

const compile = (): Promise<WebAssembly.Module> => {
  compiled ??= fetch(wasmUrl)
    .then((r) => r.arrayBuffer())
    .then((bytes) => WebAssembly.compile(bytes))
  return compiled
}

// In a worker `self.postMessage(message, { transfer })` is the DedicatedWorkerGlobalScope form; the DOM
// lib types it as Window's, whose options object has the same `transfer` field.
const post = (message: WorkerResponse, transfer: Transferable[] = []): void => self.postMessage(message, { transfer })

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = workerRequestSchema.safeParse(event.data)
  if (!parsed.success) return
  const { id, text, voice, rate } = parsed.data
  compile()
    .then((wasm) => synthesizeWithEspeak(text, { voice, rate }, { factory, wasm }))
    .then((raw) => {
      const pcm = toStorePcm(raw)
      post({ id, ok: true, pcm }, [pcm.buffer])
    })
    .catch((error: unknown) => post({ id, ok: false, message: error instanceof Error ? error.message : String(error) }))
})
