/**
 * Operations: the station's operation log (nhật ký thao tác, kept by the main process) goes to the
 * province as observations, oldest first, ≤ 500 entries a request. An entry is marked sent once
 * the province has answered it (stored, duplicate, or rejected — it stays in the laptop's log
 * either way); a resend after a lost answer is harmless (the province keeps the first copy).
 */
import { MAX_OBSERVATIONS_PER_KIND, type OperationLogEntry } from '../../shared/province/observations'
import { stepOk, type StepContext, type StepResult } from './step-context'

/** Where the log lives (main, through the bridge in the app). */
export interface OperationLogPort {
  unsent(limit: number): Promise<OperationLogEntry[]>
  markSent(upToSeq: number): Promise<void>
}

const MAX_ROUNDS = 100

export async function operationsStep(ctx: StepContext): Promise<StepResult> {
  const port = ctx.operationLog
  if (!port) return stepOk
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const entries = await port.unsent(MAX_OBSERVATIONS_PER_KIND)
    if (entries.length === 0) return stepOk
    const answer = await ctx.call((auth) =>
      ctx.connector.uploadObservations(auth, { playLog: [], deviceObservations: [], operations: entries }),
    )
    if (!answer.ok) return answer
    ctx.onServerTime(answer.value.serverTime)
    const answered = new Set(answer.value.results.filter((r) => r.kind === 'operation').map((r) => r.id))
    let upToSeq = 0
    for (const entry of entries) {
      if (!answered.has(entry.id)) break
      upToSeq = entry.seq
    }
    // Nothing answered (a province that ignores operations): stop here instead of sending again.
    if (upToSeq === 0) return stepOk
    await port.markSent(upToSeq)
    if (entries.length < MAX_OBSERVATIONS_PER_KIND) return stepOk
  }
  return stepOk
}
