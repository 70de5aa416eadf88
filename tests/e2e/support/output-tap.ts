/**
 * What left the playout engine, frame by frame: an init script wraps `AudioContext` so that the
 * engine's `ctx.destination` is a pass-through gain feeding the real output *and* an AudioWorklet
 * that copies every rendered frame with its frame number (exact context time). Each copy also
 * takes `getOutputTimestamp()`, which pairs a context time with the moment it is heard, so every
 * frame gets an epoch-ms "heard at" on the machine clock the test process shares.
 *
 * Only contexts made after `armTap(page)` are tapped (the engine's, made on the first click on
 * Phát sóng or by automatic playout): the recorder's and the editor's are left alone. The wrapper
 * changes nothing the engine does: it only inserts a unity-gain node. A spec using it needs
 * `test.use({ bypassCSP: true })`: the app's policy (rightly) refuses a blob: worklet module.
 *
 *   await page.addInitScript(installTap)
 *   await armTap(page)            // then make the engine start
 *   const contexts = await readTap(page)
 */
import type { Page } from '@playwright/test'

export interface TapChunk {
  frame: number
  /** Float32 PCM, base64 (a number array of a minute of audio is too slow to hand over); '' = all zeros */
  pcm: string
  /** 2048 frames a chunk */
  frames: number
  clock: { contextTime: number; epochMs: number }
}

export interface TappedContext {
  sampleRate: number
  chunks: TapChunk[]
  /** held so the worklet node's port is not collected (it would stop delivering frames) */
  node?: AudioWorkletNode
}

type TapWindow = { __daixaTapArmed?: boolean; __daixaTap?: TappedContext[] }

/** Runs in the page before the app (`page.addInitScript(installTap)`): the tap described above. */
export function installTap(): void {
  const processor = `registerProcessor('daixa-tap', class extends AudioWorkletProcessor {
    constructor() { super(); this.buf = new Float32Array(2048); this.n = 0; this.start = 0 }
    process(inputs) {
      const ch = inputs[0] && inputs[0][0]
      if (this.n === 0) this.start = currentFrame
      if (ch) this.buf.set(ch, this.n)
      else this.buf.fill(0, this.n, this.n + 128)
      this.n += 128
      if (this.n >= this.buf.length) {
        this.port.postMessage({ frame: this.start, samples: this.buf.slice(0) })
        this.n = 0
      }
      return true
    }
  })`
  const page = window as unknown as TapWindow
  const Original = window.AudioContext
  const tapped: TappedContext[] = []
  page.__daixaTap = tapped
  class TappedAudioContext extends Original {
    constructor(options?: AudioContextOptions) {
      super(options)
      if (page.__daixaTapArmed !== true) return
      const real = super.destination
      const tap = this.createGain()
      tap.connect(real)
      Object.defineProperty(this, 'destination', { value: tap })
      const mine: TappedContext = { sampleRate: this.sampleRate, chunks: [] }
      tapped.push(mine)
      const url = URL.createObjectURL(new Blob([processor], { type: 'application/javascript' }))
      void this.audioWorklet.addModule(url).then(() => {
        const node = new AudioWorkletNode(this, 'daixa-tap')
        mine.node = node
        node.port.onmessage = (e: MessageEvent<{ frame: number; samples: Float32Array }>) => {
          const ts = this.getOutputTimestamp()
          const clock = {
            contextTime: ts.contextTime ?? 0,
            epochMs: performance.timeOrigin + (ts.performanceTime ?? 0),
          }
          const samples = e.data.samples
          // silence (most of a session's wait) is kept as its frame count only
          let pcm = ''
          if (samples.some((v) => v !== 0)) {
            const bytes = new Uint8Array(samples.buffer)
            let binary = ''
            for (const byte of bytes) binary += String.fromCharCode(byte)
            pcm = btoa(binary)
          }
          mine.chunks.push({ frame: e.data.frame, pcm, frames: samples.length, clock })
        }
        tap.connect(node)
        node.connect(real)
      })
    }
  }
  window.AudioContext = TappedAudioContext
}

/** Contexts made from now on are tapped. */
export async function armTap(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as TapWindow).__daixaTapArmed = true))
}

/** The tapped contexts with the chunks captured so far. */
export function readTap(page: Page): Promise<TappedContext[]> {
  return page.evaluate(() =>
    ((window as unknown as TapWindow).__daixaTap ?? []).map((c) => ({ sampleRate: c.sampleRate, chunks: c.chunks })),
  )
}

/** Forgets what was captured so far (a long wait need not be handed over). */
export async function clearTap(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as TapWindow).__daixaTap?.forEach((c) => (c.chunks.length = 0)))
}

/** One chunk's samples (zeros for a silent chunk). */
export function chunkSamples(chunk: TapChunk): Float32Array {
  if (chunk.pcm === '') return new Float32Array(chunk.frames)
  const bytes = Buffer.from(chunk.pcm, 'base64')
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4)
}

/** The epoch ms at which a frame is heard, by the chunk's own pairing of the two clocks. */
export const heardAtMs = (chunk: TapChunk, frame: number, sampleRate: number): number =>
  chunk.clock.epochMs + (frame / sampleRate - chunk.clock.contextTime) * 1000

export interface Capture {
  sampleRate: number
  /** the first frame of `samples` (context frames) */
  firstFrame: number
  /** every frame from the first chunk to the last one (a chunk never delivered reads as zeros) */
  samples: Float32Array
  /** epoch ms at which a frame is heard (median pairing over the chunks) */
  heardAt(frame: number): number
}

/** One continuous capture from a tapped context's chunks. */
export function captureOf(context: TappedContext): Capture {
  const chunks = [...context.chunks].sort((a, b) => a.frame - b.frame)
  const first = chunks[0]
  const last = chunks.at(-1)
  if (!first || !last) throw new Error('output tap: nothing captured')
  const sr = context.sampleRate
  const samples = new Float32Array(last.frame + last.frames - first.frame)
  for (const chunk of chunks) samples.set(chunkSamples(chunk), chunk.frame - first.frame)
  const offsets = chunks.map((c) => c.clock.epochMs - c.clock.contextTime * 1000).sort((a, b) => a - b)
  const offset = offsets[Math.floor(offsets.length / 2)] ?? 0
  return { sampleRate: sr, firstFrame: first.frame, samples, heardAt: (frame) => offset + (frame / sr) * 1000 }
}
