/**
 * `window.daixa` over Electron IPC, generic over the contract: a new command or event needs no
 * change here. Commands go out on one invoke channel; events arrive on one channel as
 * `(eventChannel, payload)` and are fanned out to the page's listeners. Only the payload reaches
 * the page, never Electron's event object (its `sender` would hand the page ipcRenderer itself).
 */
import type {
  Channel,
  CommandInput,
  CommandOutput,
  DaixaBridge,
  EventChannel,
  EventPayload,
} from '../shared/ipc/contract'
import { ELECTRON_EVENT_CHANNEL, ELECTRON_INVOKE_CHANNEL } from '../shared/ipc/electron-channels'
import type { Result } from '../shared/result'

type IpcListener = (event: unknown, ...args: unknown[]) => void

/** The parts of Electron's ipcRenderer the bridge uses (tests pass a small fake). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: IpcListener): unknown
  removeListener(channel: string, listener: IpcListener): unknown
}

type AnyListener = (payload: unknown) => void

export function createBridge(ipc: IpcRendererLike, report: (error: unknown) => void = console.error): DaixaBridge {
  const listeners = new Map<string, Set<AnyListener>>()
  let count = 0

  // One IPC listener for all subscriptions, attached while anyone listens.
  const onEvent: IpcListener = (_event, channel, payload) => {
    if (typeof channel !== 'string') return
    for (const listener of [...(listeners.get(channel) ?? [])]) {
      try {
        listener(payload)
      } catch (error) {
        report(error)
      }
    }
  }

  return {
    invoke<C extends Channel>(channel: C, input: CommandInput<C>): Promise<Result<CommandOutput<C>>> {
      // The main side parsed the input and built the Result from the same contract.
      return ipc.invoke(ELECTRON_INVOKE_CHANNEL, channel, input) as Promise<Result<CommandOutput<C>>>
    },
    on<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): () => void {
      // The bus validated the payload against the contract before it left the main process.
      const wrapped = listener as AnyListener
      let set = listeners.get(channel)
      if (!set) listeners.set(channel, (set = new Set()))
      set.add(wrapped)
      if (count++ === 0) ipc.on(ELECTRON_EVENT_CHANNEL, onEvent)
      let isSubscribed = true
      return () => {
        if (!isSubscribed) return
        isSubscribed = false
        set.delete(wrapped)
        if (set.size === 0) listeners.delete(channel)
        if (--count === 0) ipc.removeListener(ELECTRON_EVENT_CHANNEL, onEvent)
      }
    },
  }
}
