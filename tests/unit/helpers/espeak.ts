// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- espeak-ng ships no types; the app's declaration sits with the renderer code
/// <reference path="../../../src/renderer/audio/tts/espeak-ng.d.ts" />
/** The real eSpeak NG (npm `espeak-ng`, WASM) for tests in Node: its factory and its compiled module. */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import ESpeakNg from 'espeak-ng'
import type { EspeakFactory } from '../../../src/renderer/audio/tts/espeak-synth'

export const espeakFactory = ESpeakNg as EspeakFactory

/** Compiles espeak-ng.wasm once (about 18 MB), as the worker does. */
export async function compileEspeak(): Promise<WebAssembly.Module> {
  const path = createRequire(import.meta.url).resolve('espeak-ng/dist/espeak-ng.wasm')
  return WebAssembly.compile(await readFile(path))
}
