/**
 * The browser half of `npm run bench:playout`: the real playout engine in Chromium, a session of
 * N short items (a 1 kHz burst then silence, so each start is a clear onset) planned back to back
 * from a few seconds ahead, device steps answered at once (this measures the engine, not serial
 * ports). An AudioWorklet on the engine's master bus finds each onset's frame; the frame's
 * context time, mapped through getOutputTimestamp() to the instant it is heard, minus the item's
 * planned instant is the start-time error.
 */
import type { RundownSession } from '../../src/shared/onair/rundown'
import { createPlayoutEngine } from '../../src/renderer/audio/playout/engine'
import type { NewPlayLogRow } from '../../src/renderer/db/queries/play-log'

interface BenchConfig {
  items: number
  itemMs: number
  leadMs: number
  onsetModuleUrl: string
}

interface BenchResult {
  plannedMs: number[]
  heardMs: (number | null)[]
  /** onsets the detector found, matched or not */
  onsets: number
  /** the as-played rows the engine wrote, by outcome */
  outcomes: Record<string, number>
  sampleRate: number
  baseLatencyS: number
  outputLatencyS: number
}

const TONE_MS = 60

function burst(ctx: BaseAudioContext, lengthMs: number): AudioBuffer {
  const length = Math.round((ctx.sampleRate * lengthMs) / 1000)
  const buffer = ctx.createBuffer(1, length, ctx.sampleRate)
  const data = buffer.getChannelData(0)
  const tone = Math.round((ctx.sampleRate * TONE_MS) / 1000)
  for (let n = 0; n < tone; n += 1) data[n] = 0.5 * Math.sin((2 * Math.PI * 1000 * n) / ctx.sampleRate)
  return buffer
}

async function runBench(config: BenchConfig): Promise<BenchResult> {
  const onsets: { frame: number; clock: { contextTime: number; epochMs: number } }[] = []
  let context: AudioContext | null = null
  const rows: NewPlayLogRow[] = []
  const held: { detector: AudioWorkletNode | null } = { detector: null }
  let buffer: AudioBuffer | null = null
  const engine = createPlayoutEngine({
    loadAudio: (ctx) => Promise.resolve((buffer ??= burst(ctx, config.itemMs))),
    act: (action) =>
      Promise.resolve({ isOk: true, value: { kind: action.kind, deviceId: action.deviceId, tookMs: 0 } }),
    writeLog: (row) => {
      rows.push(row)
      return Promise.resolve()
    },
    isLogged: () => Promise.resolve(new Set()),
    silenceLimitMs: 60_000,
    onContext: (ctx, master) => {
      context = ctx
      void ctx.audioWorklet.addModule(config.onsetModuleUrl).then(() => {
        const node = new AudioWorkletNode(ctx, 'onset-detector')
        // held on purpose: once the node's wrapper is collected its port stops delivering messages
        held.detector = node
        node.port.onmessage = (e: MessageEvent<number>) => {
          const ts = ctx.getOutputTimestamp()
          onsets.push({
            frame: e.data,
            clock: { contextTime: ts.contextTime ?? 0, epochMs: performance.timeOrigin + (ts.performanceTime ?? 0) },
          })
        }
        master.connect(node)
        node.connect(ctx.destination)
      })
    },
  })
  await engine.start()
  const t0 = Date.now() + config.leadMs
  const session: RundownSession = {
    sessionId: 'bench',
    label: 'bench',
    startMs: t0 - 1000,
    endMs: t0 + config.items * config.itemMs,
    preRoll: [],
    postRoll: [],
    rds: null,
    items: Array.from({ length: config.items }, (_, i) => ({
      id: `bench-${i}`,
      scheduleId: null,
      targetId: null,
      kind: 'announcement' as const,
      title: `item ${i}`,
      mediaHash: 'a'.repeat(64),
      relayUrl: null,
      plannedStartMs: t0 + i * config.itemMs,
      durationMs: config.itemMs,
      priority: 'normal' as const,
      source: 'own' as const,
      contentKind: 'notice' as const,
      language: 'vi',
      category: '',
    })),
  }
  await engine.play(session)
  const ctx = context as AudioContext | null
  const rate = ctx?.sampleRate ?? 48000
  const heard = onsets.map((o) => o.clock.epochMs + (o.frame / rate - o.clock.contextTime) * 1000)
  const plannedMs = session.items.map((i) => i.plannedStartMs)
  // each item is matched with the onset nearest to its planned start (within half an item)
  const result: BenchResult = {
    plannedMs,
    heardMs: plannedMs.map((p) => {
      const near = heard.reduce(
        (best, h) => (Math.abs(h - p) < Math.abs(best - p) ? h : best),
        Number.POSITIVE_INFINITY,
      )
      return Math.abs(near - p) <= config.itemMs / 2 ? near : null
    }),
    onsets: heard.length,
    outcomes: rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.outcome]: (acc[r.outcome] ?? 0) + 1 }), {}),
    sampleRate: rate,
    baseLatencyS: ctx?.baseLatency ?? 0,
    outputLatencyS: ctx?.outputLatency ?? 0,
  }
  await engine.stop()
  held.detector?.port.close()
  return result
}

;(window as unknown as { runBench: typeof runBench }).runBench = runBench
document.title = 'playout-bench ready'
