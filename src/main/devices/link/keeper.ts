/**
 * Keeps a device at the state the station WANTS, not at the last state it acknowledged.
 *
 * Drivers record the desired value of each setting BEFORE writing it (a relay off, RF off, the
 * radiotext cleared), and what the device is known to have (a write that went through, a read).
 * `reconcile(exchange)` writes every desired value the device is not known to have. It runs:
 * - after every (re)connect, so a board replugged after a failed "off" is switched off, never
 *   back on to a stale state;
 * - after a failed write (`kick()`), again and again with back-off (250 ms → 5 s by default)
 *   until `isSettled()`: a safe-state command is retried until it lands, across reconnects.
 * A reconcile never throws into the caller; its failures are logged and retried.
 */
import type { Logger } from '../../services/logger'
import { describeError } from '../transport/transport'
import type { Exchange } from './exchange'

export interface KeeperOptions {
  module: string
  name: string
  log: Logger
  /** whether commands can go out now (the link is online) */
  isOnline(): boolean
  exchange(): Exchange
  /** writes every desired value the device is not known to have */
  reconcile(exchange: Exchange): Promise<void>
  /** true when the device is known to have every desired value */
  isSettled(): boolean
  backoff?: { initialMs?: number; maxMs?: number }
}

export interface Keeper {
  /**
   * Reconcile soon, then with back-off until settled: at once after a new wish, after the
   * back-off delay when a write has just failed (`afterFailure`).
   */
  kick(afterFailure?: boolean): void
  /** The reconcile to run from the link's onConnected: never throws, retries on failure. */
  afterConnect(exchange: Exchange): Promise<void>
  start(): void
  stop(): void
}

export function createKeeper(options: KeeperOptions): Keeper {
  const initialMs = options.backoff?.initialMs ?? 250
  const maxMs = options.backoff?.maxMs ?? 5000
  const { log, module, name } = options
  let timer: ReturnType<typeof setTimeout> | null = null
  let failures = 0
  let isStopped = false
  let isRunning = false
  /** a kick came while a reconcile was running: look again when it is over */
  let isDirty = false

  const delay = (): number => (failures === 0 ? 0 : Math.min(maxMs, initialMs * 2 ** Math.min(failures - 1, 16)))

  async function attempt(exchange: Exchange): Promise<void> {
    if (isRunning) {
      isDirty = true
      return
    }
    isRunning = true
    isDirty = false
    try {
      await options.reconcile(exchange)
      if (failures > 0) log.info(`${module}: ${name} reached the wanted state after ${failures} retries`)
      failures = 0
    } catch (error) {
      failures += 1
      // 1st, 2nd, 4th, 8th… try: a device away for an hour does not flood the log
      if ((failures & (failures - 1)) === 0) {
        log.warn(`${module}: ${name} could not reach the wanted state (try ${failures}): ${describeError(error)}`)
      }
    } finally {
      isRunning = false
    }
    if (isDirty || !options.isSettled()) schedule()
  }

  function schedule(): void {
    if (isStopped || timer) return
    timer = setTimeout(() => {
      timer = null
      // while the link is down the next connect reconciles; nothing to do until then
      if (!options.isOnline()) return
      void attempt(options.exchange())
    }, delay())
  }

  return {
    kick(afterFailure = false) {
      if (options.isSettled()) return
      if (afterFailure) failures = Math.max(failures, 1)
      schedule()
    },
    afterConnect: (exchange) => attempt(exchange),
    start() {
      isStopped = false
    },
    stop() {
      isStopped = true
      if (timer) clearTimeout(timer)
      timer = null
    },
  }
}
