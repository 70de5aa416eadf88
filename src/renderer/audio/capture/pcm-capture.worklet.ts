/**
 * Runs on the audio rendering thread. Mixes the input to mono, converts to 16-bit PCM and
 * posts blocks of `blockFrames` frames (100 ms by default) with their peak and RMS level, so the
 * main thread does no per-sample work. Counts every frame it sees, which lets the recorder prove
 * that nothing was dropped between the microphone and the disk.
 */

// Minimal declarations of the AudioWorkletGlobalScope (absent from TypeScript's DOM lib).
declare const sampleRate: number
declare function registerProcessor(name: string, ctor: new (options: { processorOptions?: unknown }) => unknown): void
declare class AudioWorkletProcessor {
  readonly port: MessagePort
}

export interface CaptureBlock {
  pcm: ArrayBuffer
  frames: number
  peak: number
  rms: number
  /** Frames seen by the processor since it started, including this block. */
  totalFrames: number
}

class PcmCaptureProcessor extends AudioWorkletProcessor {
  private readonly blockFrames: number
  private buffer: Int16Array
  private filled = 0
  private peak = 0
  private sumSquares = 0
  private totalFrames = 0

  constructor(options: { processorOptions?: unknown }) {
    super()
    const opts = (options.processorOptions ?? {}) as { blockMs?: number }
    this.blockFrames = Math.max(128, Math.round((sampleRate * (opts.blockMs ?? 100)) / 1000))
    this.buffer = new Int16Array(this.blockFrames)
  }

  process(inputs: Float32Array[][]): boolean {
    const channels = inputs[0]
    const first = channels?.[0]
    if (!channels || !first) return true
    const n = first.length
    for (let i = 0; i < n; i++) {
      let v = 0
      for (const ch of channels) v += ch[i] ?? 0
      v /= channels.length
      const a = Math.abs(v)
      if (a > this.peak) this.peak = a
      this.sumSquares += v * v
      const clamped = v > 1 ? 1 : v < -1 ? -1 : v
      this.buffer[this.filled++] = clamped < 0 ? Math.round(clamped * 32768) : Math.round(clamped * 32767)
      this.totalFrames++
      if (this.filled === this.blockFrames) this.post()
    }
    return true
  }

  private post(): void {
    const block: CaptureBlock = {
      pcm: this.buffer.buffer as ArrayBuffer,
      frames: this.filled,
      peak: this.peak,
      rms: Math.sqrt(this.sumSquares / Math.max(1, this.filled)),
      totalFrames: this.totalFrames,
    }
    this.port.postMessage(block, [block.pcm])
    this.buffer = new Int16Array(this.blockFrames)
    this.filled = 0
    this.peak = 0
    this.sumSquares = 0
  }
}

registerProcessor('pcm-capture', PcmCaptureProcessor)
