/**
 * Plays the EDITED timeline without rendering it: the play plan's chunks are read from the
 * original WAV by Range and scheduled back to back as AudioBufferSourceNodes, each through one
 * GainNode per gain ramp (fades, gain) and a master gain (loudness normalisation).
 *
 * It looks like an HTMLMediaElement to wavesurfer.js 7 (passed as its `media` option, the way
 * wavesurfer's own WebAudioPlayer does): currentTime/duration in seconds, play/pause, and the
 * play/pause/timeupdate/seeking/ended events wavesurfer listens to.
 */
import { planPlayback, type PlayChunk } from '../../../shared/editor/play-plan'
import type { Segment } from '../../../shared/editor/edit-list'
import { timelineDuration } from '../../../shared/editor/edit-list'
import type { WavSource } from './wav-source'

type Listener = () => void
const LOOKAHEAD_MS = 4000
const CHUNK_MS = 5000
const START_DELAY_S = 0.05

export class TimelinePlayer {
  currentSrc = ''
  src = ''
  seeking = false
  autoplay = false
  crossOrigin: string | null = null
  volume = 1
  muted = false
  playbackRate = 1
  paused = true
  private segments: Segment[] = []
  private gainDb = 0
  private positionMs = 0
  private startedAtMs = 0
  private t0: number | null = null
  private session = 0
  private nodes: AudioScheduledSourceNode[] = []
  private abort: AbortController | null = null
  private readonly listeners = new Map<string, Set<Listener>>()
  private readonly ctx: AudioContext
  private readonly master: GainNode

  constructor(private readonly source: WavSource) {
    this.ctx = new AudioContext({ sampleRate: source.format.sampleRate })
    this.master = this.ctx.createGain()
    this.master.connect(this.ctx.destination)
  }

  addEventListener = (event: string, fn: Listener): (() => void) => {
    const set = this.listeners.get(event) ?? new Set()
    set.add(fn)
    this.listeners.set(event, set)
    return () => this.removeEventListener(event, fn)
  }

  removeEventListener = (event: string, fn: Listener): void => {
    this.listeners.get(event)?.delete(fn)
  }

  private emit(event: string): void {
    for (const fn of [...(this.listeners.get(event) ?? [])]) fn()
  }

  /** New edits: the playhead stays where it is (clamped) and playback continues on the new timeline. */
  setTimeline(segments: Segment[], gainDb: number): void {
    const wasPlaying = !this.paused
    if (wasPlaying) this.halt()
    this.segments = segments
    this.gainDb = gainDb
    this.positionMs = Math.min(this.positionMs, timelineDuration(segments))
    if (wasPlaying) this.start()
    this.emit('timeupdate')
  }

  get duration(): number {
    return timelineDuration(this.segments) / 1000
  }

  /** Wavesurfer sets this for its own player; the timeline decides the duration here. */
  set duration(_value: number) {}

  get currentTime(): number {
    return this.nowMs() / 1000
  }

  set currentTime(seconds: number) {
    const wasPlaying = !this.paused
    if (wasPlaying) this.halt()
    this.positionMs = Math.max(0, Math.min(seconds * 1000, timelineDuration(this.segments)))
    if (wasPlaying) this.start()
    this.emit('seeking')
    this.emit('timeupdate')
  }

  seekTo(ms: number): void {
    this.currentTime = ms / 1000
  }

  get ended(): boolean {
    return this.paused && this.positionMs >= timelineDuration(this.segments)
  }

  async play(): Promise<void> {
    if (!this.paused) return
    if (this.positionMs >= timelineDuration(this.segments)) this.positionMs = 0
    await this.ctx.resume()
    this.start()
    this.emit('play')
  }

  pause(): void {
    if (this.paused) return
    this.halt()
    this.emit('pause')
    this.emit('timeupdate')
  }

  load(): Promise<void> {
    return Promise.resolve()
  }

  canPlayType(): string {
    return 'probably'
  }

  removeAttribute(): void {}

  remove(): void {
    this.destroy()
  }

  destroy(): void {
    this.halt()
    this.listeners.clear()
    void this.ctx.close().catch(() => undefined)
  }

  private nowMs(): number {
    if (this.paused) return this.positionMs
    if (this.t0 === null) return this.startedAtMs
    const elapsed = Math.max(0, (this.ctx.currentTime - this.t0) * 1000)
    return Math.min(this.startedAtMs + elapsed, timelineDuration(this.segments))
  }

  private start(): void {
    this.paused = false
    this.session += 1
    this.startedAtMs = this.positionMs
    this.t0 = null
    this.abort = new AbortController()
    this.master.gain.value = 10 ** (this.gainDb / 20)
    void this.pump(this.session, planPlayback(this.segments, this.positionMs, CHUNK_MS), this.abort.signal)
  }

  private halt(): void {
    this.positionMs = this.nowMs()
    this.paused = true
    this.session += 1
    this.abort?.abort()
    this.abort = null
    for (const n of this.nodes) {
      n.onended = null
      try {
        n.stop()
      } catch {
        // never started: nothing to stop
      }
      n.disconnect()
    }
    this.nodes = []
  }

  private async pump(session: number, plan: PlayChunk[], signal: AbortSignal): Promise<void> {
    try {
      for (const chunk of plan) {
        while (this.t0 !== null && chunk.atMs - this.nowMs() > LOOKAHEAD_MS) {
          await new Promise((r) => setTimeout(r, 200))
          if (session !== this.session) return
        }
        const channels = chunk.source ? await this.source.read(chunk.source.fromMs, chunk.source.toMs, signal) : null
        if (session !== this.session) return
        this.t0 ??= this.ctx.currentTime + START_DELAY_S
        if (channels) this.schedule(chunk, channels, this.t0 + (chunk.atMs - this.startedAtMs) / 1000)
      }
      this.scheduleEnd(session)
    } catch {
      // Aborted by pause/seek, or the file could not be read: stop where we are.
      if (session === this.session) this.pause()
    }
  }

  private schedule(chunk: PlayChunk, channels: Float32Array[], when: number): void {
    const frames = channels[0]?.length ?? 0
    if (frames === 0) return
    const buffer = this.ctx.createBuffer(channels.length, frames, this.source.format.sampleRate)
    channels.forEach((data, i) => buffer.copyToChannel(data as Float32Array<ArrayBuffer>, i))
    const node = this.ctx.createBufferSource()
    node.buffer = buffer
    let tail: AudioNode = node
    for (const r of chunk.ramps) {
      const g = this.ctx.createGain()
      g.gain.setValueAtTime(r.from, when + r.startMs / 1000)
      g.gain.linearRampToValueAtTime(r.to, when + r.endMs / 1000)
      tail.connect(g)
      tail = g
    }
    tail.connect(this.master)
    node.start(Math.max(when, this.ctx.currentTime))
    this.nodes.push(node)
    node.onended = () => {
      this.nodes = this.nodes.filter((n) => n !== node)
    }
  }

  private scheduleEnd(session: number): void {
    const check = () => {
      if (session !== this.session) return
      if (this.nowMs() >= timelineDuration(this.segments) - 1) {
        this.halt()
        this.positionMs = timelineDuration(this.segments)
        this.emit('pause')
        this.emit('ended')
        return
      }
      setTimeout(check, 100)
    }
    check()
  }
}
