/**
 * One sync cycle: push → uploads → observations (as-played, clusters, then the operation log) →
 * pull (→ push again when schedules were held for the cluster list the pull brought), each step to
 * its end or to its first
 * failure. A failed push, observation or pull step ends the cycle (the next one starts over; every
 * step is idempotent). A file the province refused does not stop the cycle: it is reported and the
 * rest goes on. The caller holds the lock.
 */
import type { ConnectorError } from '../../shared/province/connector'
import { observationsStep } from './observations-step'
import { operationsStep } from './operations-step'
import { pullStep, type PullOptions } from './pull-step'
import { pushStep } from './push-step'
import { heldSchedulesReady } from './schedule-send'
import type { SyncPhase } from './status'
import type { StepContext, StepResult } from './step-context'
import type { SyncErrorCode } from './types'
import { uploadsStep } from './uploads-step'

/** A connector error, or one of the engine's own (a local database failure). */
export type CycleError = Omit<ConnectorError, 'code'> & { code: SyncErrorCode }

export interface CycleReport {
  ok: boolean
  /** The error that ended the cycle (ok false), or a non-blocking one (ok true, e.g. a refused file). */
  error: CycleError | null
  /** The step that failed. */
  phase: SyncPhase | null
}

type Step = { phase: Exclude<SyncPhase, 'idle'>; run: (ctx: StepContext) => Promise<StepResult>; blocks: boolean }

export async function runCycle(
  ctx: StepContext,
  onPhase: (phase: SyncPhase) => void,
  pull: PullOptions = {},
): Promise<CycleReport> {
  const steps: Step[] = [
    { phase: 'push', run: pushStep, blocks: true },
    { phase: 'uploads', run: uploadsStep, blocks: false },
    { phase: 'observations', run: observationsStep, blocks: true },
    { phase: 'observations', run: operationsStep, blocks: true },
    { phase: 'pull', run: (c) => pullStep(c, pull), blocks: true },
  ]
  // schedules held for the cluster list (schedule-send.ts) go out once the pull has brought it
  const again: Step = { phase: 'push', run: pushStep, blocks: true }
  let warning: CycleReport | null = null
  for (const step of steps) {
    onPhase(step.phase)
    const result = await step.run(ctx)
    if (result.ok) {
      if (step.phase === 'pull' && (await heldSchedulesReady(ctx.db))) steps.push(again)
      continue
    }
    const isFatal = step.blocks || result.error.retryable || result.error.status === 401
    if (isFatal) return { ok: false, error: result.error, phase: step.phase }
    warning ??= { ok: true, error: result.error, phase: step.phase }
  }
  return warning ?? { ok: true, error: null, phase: null }
}
