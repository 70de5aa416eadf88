/**
 * A stand-in AudioContext for session-run tests under Node (no Web Audio there): its clock only
 * moves when the test says so, `ended` events of scheduled sources fire as it passes their stop
 * time, and `getOutputTimestamp()` maps context time to epoch ms as `T0 + currentTime`. Only what
 * the session run touches is modelled; sound itself is not (the e2e specs measure it in Chromium).
 */

interface Timed {
  stopAt: number
  onended: (() => void) | null
}

class FakeParam {
  value = 1
  readonly events: string[] = []
  cancelScheduledValues(t: number): void {
    this.events.push(`cancel ${t}`)
  }
  setValueAtTime(v: number, t: number): void {
    this.events.push(`set ${v} ${t}`)
  }
  linearRampToValueAtTime(v: number, t: number): void {
    this.events.push(`ramp ${v} ${t}`)
  }
}

class FakeNode {
  connect<T>(target: T): T {
    return target
  }
  disconnect(): void {}
}

class FakeSource extends FakeNode implements Timed {
  stopAt = Number.POSITIVE_INFINITY
  startAt: number | null = null
  onended: (() => void) | null = null
  buffer: unknown = null
  readonly offset = new FakeParam()
  constructor(private readonly sources: Timed[]) {
    super()
  }
  start(at = 0): void {
    this.startAt = at
    this.sources.push(this)
  }
  stop(at = 0): void {
    this.stopAt = at
  }
}

export class FakeAudioContext {
  currentTime = 0
  readonly sampleRate = 48_000
  readonly baseLatency = 0.01
  readonly outputLatency = 0.04
  readonly started: FakeSource[] = []
  private readonly timed: Timed[] = []

  constructor(private readonly t0: number) {}

  createGain(): FakeNode & { gain: FakeParam } {
    return Object.assign(new FakeNode(), { gain: new FakeParam() })
  }
  createConstantSource(): FakeSource {
    return new FakeSource(this.timed)
  }
  createBufferSource(): FakeSource {
    const source = new FakeSource(this.timed)
    this.started.push(source)
    return source
  }
  createBuffer(_channels: number, length: number, sampleRate: number): AudioBuffer {
    const data = new Float32Array(length)
    return { duration: length / sampleRate, getChannelData: () => data } as unknown as AudioBuffer
  }
  /** Added to every output timestamp's performance time (a loaded machine's jitter). */
  outputJitterMs = 0

  getOutputTimestamp(): AudioTimestamp {
    return {
      contextTime: this.currentTime,
      performanceTime: this.t0 + this.currentTime * 1000 - performance.timeOrigin + this.outputJitterMs,
    }
  }

  /** Epoch ms now, on this context's clock. */
  now(): number {
    return this.t0 + this.currentTime * 1000
  }

  /** Moves the clock to `epochMs` in 5 ms steps, firing `ended` events and letting promises settle. */
  async advanceTo(epochMs: number): Promise<void> {
    const target = (epochMs - this.t0) / 1000
    for (let step = 0; step < 1_000_000 && this.currentTime < target; step += 1) {
      this.currentTime = Math.min(target, this.currentTime + 0.005)
      for (const source of this.timed.filter((s) => s.stopAt <= this.currentTime)) {
        this.timed.splice(this.timed.indexOf(source), 1)
        source.onended?.()
      }
      await flush()
    }
  }
}

/** Lets pending promise callbacks run (several rounds: chains of awaits). */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await Promise.resolve()
}

/** An AudioBuffer as far as the session run reads it. */
export const fakeBuffer = (durationMs: number): AudioBuffer => ({ duration: durationMs / 1000 }) as AudioBuffer
