/**
 * The text-to-speech seam. Every voice the app can speak with is a `TtsEngine`; screens only
 * see this interface, so a better voice can be added beside the built-in one without touching them.
 *
 * Today: `espeak-wasm` (eSpeak NG compiled to WebAssembly, shipped inside the app, in a Web Worker;
 * see espeak-engine.ts). It is always present and works with no network.
 *
 * Adding a neural voice imported from a file later (a Piper VITS `.onnx` + `.onnx.json` pair brought
 * on a USB stick; research in shared/reference/tts-options.md §5):
 *   1. main process: a `voices` service that copies the imported pair into the data folder and a
 *      bridge domain `src/shared/ipc/tts.ts` with `tts:listVoices` and `tts:synthesize` (zod-checked
 *      text and voice id, Result answer: WAV bytes), run by `sherpa-onnx-node`'s `OfflineTts`
 *      (Piper path; phonemes from eSpeak NG data) in a utility process;
 *   2. renderer: `piper-engine.ts` implementing this interface by calling that command, with
 *      `id: 'piper-sherpa'` and one `TtsVoice` per imported voice;
 *   3. register it in `registry.ts`. The text goes through the same normaliser and script check
 *      (tts-text.ts), and the result is stored the same way, so nothing else changes.
 */
import { CodedError } from '../../../shared/result'

/** A voice the officer can pick. */
export interface TtsVoice {
  /** Engine-specific id, e.g. 'vi', 'vi-vn-x-central'. */
  id: string
  /** i18n key of the voice's name. */
  labelKey: string
  /** BCP 47 language it reads. */
  language: string
}

export interface SynthesizeOptions {
  voice: string
  /** Speaking rate in words per minute (eSpeak NG's `-s`). Slower carries better over loudspeakers. */
  rate: number
}

/** Receives the samples of each spoken chunk in order; the next chunk waits for it. */
export type PcmSink = (pcm: Uint8Array) => Promise<void>

export interface SynthesisControl {
  signal?: AbortSignal
  /** 0..1: the share of the text spoken so far. */
  onProgress?: (fraction: number) => void
}

export interface TtsEngine {
  readonly id: string
  voices(): readonly TtsVoice[]
  /**
   * Speaks already-normalised text, in chunks of whole sentences (long texts never run at once);
   * each chunk's samples, in the media store's format (44.1 kHz mono 16-bit PCM, no header), go
   * to `sink` before the next chunk is spoken, so memory stays bounded whatever the length.
   * Resolves to the number of samples. Rejects with TtsError.
   */
  synthesize(text: string, options: SynthesizeOptions, sink: PcmSink, control?: SynthesisControl): Promise<number>
  /** Frees what the engine holds (its worker). */
  dispose(): void
}

export type TtsErrorCode = 'cancelled' | 'engine-failed' | 'unknown-voice' | 'refused-text'

/** A failure the screen translates with `tts.errors.<code>`. */
export class TtsError extends CodedError<TtsErrorCode> {
  override readonly name = 'TtsError'
}

export const MIN_RATE = 80
export const MAX_RATE = 260
/** Default speaking rate: eSpeak NG's 175 is fast for village loudspeakers; 150 reads clearly. */
export const DEFAULT_RATE = 150
