/**
 * A session played against the host as the renderer's playout engine plays it, without audio:
 * `hardware:onair` begin, the pre-roll's device steps through `hardware:act`, the programme (a
 * hook, where a test pulls cables), the post-roll's steps, then `hardware:onair` end with the
 * safe state. The steps are the engine's own (roll.ts); DTMF and waits are audio and time, so
 * they are skipped here (a DTMF step is where a test may act). Every act's answer is kept.
 */
import { postRollSteps, preRollSteps, safeSteps, type RollSession } from '../../src/renderer/audio/playout/roll'
import type { DeviceAction } from '../../src/shared/onair/rundown'
import type { Result } from '../../src/shared/result'

export type Dispatch = (channel: string, payload: unknown) => Promise<Result<unknown>>

export interface StepRecord {
  phase: 'pre-roll' | 'post-roll'
  step: DeviceAction
  result: Result<unknown> | null
}

export interface SessionHooks {
  /** before each step (index in its phase); a test may start a fault here */
  beforeStep?: (phase: StepRecord['phase'], index: number, step: DeviceAction) => Promise<void> | void
  /** while the programme plays */
  onAir?: () => Promise<void>
  /** pause between steps (the serial round trips of a real roll) */
  gapMs?: number
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export async function playSession(
  dispatch: Dispatch,
  session: RollSession & { sessionId: string },
  hooks: SessionHooks = {},
): Promise<StepRecord[]> {
  const records: StepRecord[] = []
  const run = async (phase: StepRecord['phase'], steps: readonly DeviceAction[]): Promise<void> => {
    for (const [index, step] of steps.entries()) {
      await hooks.beforeStep?.(phase, index, step)
      const result = step.kind === 'dtmf' || step.kind === 'wait' ? null : await dispatch('hardware:act', step)
      records.push({ phase, step, result })
      if (hooks.gapMs) await sleep(hooks.gapMs)
    }
  }
  await dispatch('hardware:onair', { phase: 'begin', sessionId: session.sessionId, untilMs: Date.now() + 120_000 })
  try {
    await run('pre-roll', preRollSteps(session))
    await hooks.onAir?.()
    await run('post-roll', postRollSteps(session))
  } finally {
    await dispatch('hardware:onair', { phase: 'end', sessionId: session.sessionId, safe: safeSteps(session) })
  }
  return records
}
