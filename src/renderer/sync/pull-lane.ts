/**
 * The pull lane: while the link is up, one long-poll pull (`wait=20`, docs/province-api.md
 * "Long-poll pull") is kept open with the stored cursor, outside the cycle's lock — so news from
 * the province (an emergency bulletin) lands within about a second even while a cycle is busy
 * uploading a long recording. The held request only watches: when it answers with changes, the
 * lane runs the ordinary pull step (pages, transactions, cursor), serialised with the cycle's pull
 * by the pull step's own mutex. Failures pause the lane (5 s doubling to 2 min); without a pull
 * cursor (before the first bootstrap completes) or while offline or signed out it only waits.
 */
import type { DaixaDb } from '../db/database'
import { getCursor } from '../db/queries/sync-state'
import type { AuthedCaller } from './auth'
import type { ProvinceConnector } from '../../shared/province/connector'

export const LONG_POLL_SECONDS = 20

export interface PullLaneOptions {
  db: DaixaDb
  connector: ProvinceConnector
  call: AuthedCaller
  /** Online and signed in: the lane may ask. */
  isActive(): boolean
  /** Something changed after the cursor: pull it now (the pull step). */
  pullNow(): Promise<unknown>
  sleep?: (ms: number) => Promise<void>
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Starts the lane; the returned function stops it (the held request is left to end on its own). */
export function startPullLane(options: PullLaneOptions): () => void {
  const sleep = options.sleep ?? realSleep
  let isRunning = true
  let pauseMs = 5_000

  async function once(): Promise<void> {
    const position = await getCursor(options.db)
    if (!options.isActive() || position === null || position.kind !== 'pull') return sleep(5_000)
    const answer = await options.call((auth) =>
      options.connector.pull(auth, { cursor: position.cursor, limit: 1, wait: LONG_POLL_SECONDS }),
    )
    if (!answer.ok) {
      await sleep(pauseMs)
      pauseMs = Math.min(120_000, pauseMs * 2)
      return
    }
    pauseMs = 5_000
    if (isRunning && answer.value.upserts.length + answer.value.tombstones.length > 0) await options.pullNow()
  }

  void (async () => {
    while (isRunning) await once().catch(() => sleep(pauseMs))
  })()
  return () => {
    isRunning = false
  }
}
