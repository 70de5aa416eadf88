/**
 * One eSpeak NG synthesis with the `espeak-ng` npm package (eSpeak NG 1.52-dev as an Emscripten
 * CLI with its voice data embedded in the .wasm). Each call runs the CLI's main() once in a fresh
 * module instance: `-v voice -s rate -w out.wav -- text`, then reads the WAV from its in-memory FS.
 * API per the package README and shared/reference/tts-options.md §2. Runs in a Web Worker in the
 * app and directly in Node in the tests; the caller passes the module factory and, to skip the
 * 18 MB compile on every call, an already compiled WebAssembly.Module.
 */
import { MAX_RATE, MIN_RATE, type SynthesizeOptions, type TtsVoice } from './engine'

export const ESPEAK_VOICES: readonly TtsVoice[] = [
  { id: 'vi', labelKey: 'tts.voices.vi', language: 'vi' },
  { id: 'vi-vn-x-central', labelKey: 'tts.voices.central', language: 'vi' },
  { id: 'vi-vn-x-south', labelKey: 'tts.voices.south', language: 'vi' },
]

/** The subset of the Emscripten module the synthesis uses. */
export interface EspeakModule {
  FS: { readFile(path: string): Uint8Array }
}

export interface EspeakModuleOptions {
  arguments: string[]
  print: (line: string) => void
  printErr: (line: string) => void
  locateFile?: (path: string) => string
  instantiateWasm?: (
    imports: WebAssembly.Imports,
    done: (instance: WebAssembly.Instance, module?: WebAssembly.Module) => void,
  ) => object
}

export type EspeakFactory = (options: EspeakModuleOptions) => Promise<EspeakModule>

/** The CLI arguments for one synthesis; `--` ends the options so text starting with '-' is read, not parsed. */
export function espeakArguments(text: string, options: SynthesizeOptions, outFile: string): string[] {
  if (!ESPEAK_VOICES.some((v) => v.id === options.voice)) throw new Error(`unknown voice ${options.voice}`)
  const rate = Math.round(Math.min(Math.max(options.rate, MIN_RATE), MAX_RATE))
  return ['-v', options.voice, '-s', String(rate), '-w', outFile, '--', text]
}

export interface EspeakRunOptions {
  factory: EspeakFactory
  /** Compiled espeak-ng.wasm, reused across calls. */
  wasm?: WebAssembly.Module
  /** Where the .wasm is when it is not compiled beforehand (the app's own files). */
  wasmUrl?: string
}

/** Synthesises `text` to WAV bytes (RIFF, 22,050 Hz, mono, s16le). Throws on an engine error. */
export async function synthesizeWithEspeak(
  text: string,
  options: SynthesizeOptions,
  run: EspeakRunOptions,
): Promise<Uint8Array> {
  const errors: string[] = []
  const { wasm, wasmUrl } = run
  const module = await run.factory({
    arguments: espeakArguments(text, options, 'out.wav'),
    print: () => undefined,
    printErr: (line) => errors.push(line),
    ...(wasmUrl ? { locateFile: (path: string) => (path.endsWith('.wasm') ? wasmUrl : path) } : {}),
    ...(wasm
      ? {
          instantiateWasm: (imports, done) => {
            void WebAssembly.instantiate(wasm, imports).then((instance) => done(instance, wasm))
            return {}
          },
        }
      : {}),
  })
  let wav: Uint8Array
  try {
    wav = module.FS.readFile('out.wav')
  } catch {
    throw new Error(`espeak-ng wrote no audio: ${errors.join(' ').slice(0, 300)}`)
  }
  if (wav.byteLength <= 44) throw new Error(`espeak-ng wrote an empty file: ${errors.join(' ').slice(0, 300)}`)
  return wav
}
