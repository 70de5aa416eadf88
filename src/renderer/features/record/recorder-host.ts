/**
 * What the recorder needs of the host: the bridge's `call` and whether the host can be reached.
 * Passed in, so tests can drive the recorder against the real main services in-process.
 */
import type { Channel, CommandInput, CommandOutput } from '../../../shared/ipc/contract'
import { BridgeError } from '../../bridge/bridge-error'
import type { HostConnection } from '../../bridge/ws-bridge'

export interface RecorderHost {
  call<C extends Channel>(channel: C, input: CommandInput<C>): Promise<CommandOutput<C>>
  readonly connection: HostConnection
}

const unreachable = (): BridgeError => new BridgeError('disconnected', 'recorder: the host did not come back in time')

/** How often a wait looks at its deadline, which may be set while it waits (a stop pressed). */
const DEADLINE_CHECK_MS = 100

/** The time (epoch ms) after which to give up; Infinity while recording, set when stopping. */
export type Deadline = () => number

/** Resolves when the host can be reached; rejects 'disconnected' once the deadline has passed. */
export function waitForHost(connection: HostConnection, deadline: Deadline): Promise<void> {
  if (connection.isConnected()) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const done = (): void => {
      clearInterval(timer)
      unsubscribe()
    }
    const unsubscribe = connection.subscribe((isConnected) => {
      if (!isConnected) return
      done()
      resolve()
    })
    const timer = setInterval(() => {
      if (Date.now() < deadline()) return
      done()
      reject(unreachable())
    }, DEADLINE_CHECK_MS)
  })
}

/** The call's answer, or 'disconnected' once the deadline has passed (a hung host must not hang a stop). */
export function withDeadline<T>(answer: Promise<T>, deadline: Deadline): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (Date.now() < deadline()) return
      clearInterval(timer)
      reject(unreachable())
    }, DEADLINE_CHECK_MS)
    answer.then(
      (value) => {
        clearInterval(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearInterval(timer)
        reject(error instanceof Error ? error : new Error(String(error)))
      },
    )
  })
}
