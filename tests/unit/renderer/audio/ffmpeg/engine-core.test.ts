/**
 * The engine's recovery policy with a counting stand-in for ffmpeg.wasm (the real one runs in
 * Chromium: tests/e2e/specs/bad-files.spec.ts imports the whole bad corpus, then good files, in
 * one page). Seen before: after ~14 damaged imports every job failed with "RuntimeError: memory
 * access out of bounds" until the page was reloaded, because the broken instance was kept.
 */
import { describe, expect, it } from 'vitest'
import {
  createEngine,
  JobCancelledError,
  type FfmpegInstance,
} from '../../../../../src/renderer/audio/ffmpeg/engine-core'

interface FakeCore {
  terminated: boolean
  /** Bad files this core has read. */
  bad: number
  /** Rejects a running exec, as terminating the real worker does. */
  onTerminate: (() => void) | null
}

/**
 * Stand-in cores. `exec(['bad'])` exits 1, and after 14 bad files the core is broken for good:
 * every exec throws "memory access out of bounds". `exec(['hang'])` runs until terminated.
 */
function fakeCores() {
  const made: FakeCore[] = []
  const exec = (core: FakeCore, args: string[]): Promise<number> => {
    if (core.terminated) return Promise.reject(new Error('called after terminate'))
    if (core.bad > 14) return Promise.reject(new Error('RuntimeError: memory access out of bounds'))
    if (args[0] === 'bad') {
      core.bad += 1
      return Promise.resolve(1)
    }
    if (args[0] === 'hang') {
      return new Promise((_, reject) => {
        core.onTerminate = () => reject(new Error('called FFmpeg.terminate()'))
      })
    }
    return Promise.resolve(0)
  }
  const load = (): Promise<FfmpegInstance> => {
    const core: FakeCore = { terminated: false, bad: 0, onTerminate: null }
    const unused = () => Promise.reject(new Error('not used by these tests'))
    const instance = {
      exec: (args: string[]) => exec(core, args),
      on: () => undefined,
      off: () => undefined,
      terminate: () => {
        core.terminated = true
        core.onTerminate?.()
      },
      ...{ writeFile: unused, readFile: unused, deleteFile: unused, createDir: unused, mount: unused, unmount: unused },
    }
    made.push(core)
    return Promise.resolve(instance as unknown as FfmpegInstance)
  }
  return { made, load }
}

const job =
  (args: string[]) => async (s: { exec: (a: string[], o: { durationMs: number }) => Promise<{ code: number }> }) => {
    const { code } = await s.exec(args, { durationMs: 0 })
    if (code !== 0) throw new Error(`ffmpeg: exit ${code}`)
    return code
  }

describe('ffmpeg engine recovery', () => {
  it('keeps one instance while jobs succeed', async () => {
    const engine = createEngine(fakeCores().load)
    for (let i = 0; i < 3; i += 1) await engine.runJob(job(['ok']))
    expect(engine.stats()).toEqual({ loads: 1, resets: 0 })
  })

  it('throws the instance away after a failed job, and the next job runs on a fresh one', async () => {
    const cores = fakeCores()
    const engine = createEngine(cores.load)
    await expect(engine.runJob(job(['bad']))).rejects.toThrow('ffmpeg: exit 1')
    expect(cores.made[0]?.terminated).toBe(true)
    await expect(engine.runJob(job(['good']))).resolves.toBe(0)
    expect(engine.stats()).toEqual({ loads: 2, resets: 1 })
  })

  it('never reaches a broken core: 30 bad files in a row, then a good one works', async () => {
    const cores = fakeCores()
    const engine = createEngine(cores.load)
    for (let i = 0; i < 30; i += 1) await expect(engine.runJob(job(['bad']))).rejects.toThrow('ffmpeg: exit 1')
    await expect(engine.runJob(job(['good']))).resolves.toBe(0)
    expect(engine.stats()).toEqual({ loads: 31, resets: 30 })
    expect(cores.made.every((c) => c.bad <= 1)).toBe(true)
  })

  it('recovers when the core itself throws (a kept instance would fail every later job)', async () => {
    const cores = fakeCores()
    const engine = createEngine(cores.load)
    await engine.runJob(job(['ok']))
    const first = cores.made[0]
    if (first) first.bad = 15 // broken for good, as after a run of damaged files
    await expect(engine.runJob(job(['ok']))).rejects.toThrow('memory access out of bounds')
    await expect(engine.runJob(job(['ok']))).resolves.toBe(0)
    expect(engine.stats()).toEqual({ loads: 2, resets: 1 })
  })

  it('stops a running job on cancel and drops a queued one; the next job works', async () => {
    const engine = createEngine(fakeCores().load)
    const running = new AbortController()
    const queued = new AbortController()
    const hanging = engine.runJob(job(['hang']), running.signal)
    const waiting = engine.runJob(job(['never']), queued.signal)
    queued.abort()
    await new Promise((r) => setTimeout(r, 10))
    running.abort()
    await expect(hanging).rejects.toBeInstanceOf(JobCancelledError)
    await expect(waiting).rejects.toBeInstanceOf(JobCancelledError)
    await expect(engine.runJob(job(['after']))).resolves.toBe(0)
    expect(engine.stats()).toEqual({ loads: 2, resets: 1 })
  })
})
