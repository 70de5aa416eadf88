/**
 * The one way the renderer reaches the host. In Electron the preload has put `window.daixa`
 * there; in the browser host it is the WebSocket bridge. `call` unwraps a Result and throws a
 * BridgeError carrying the code, which screens translate with `errors.<code>`.
 * `hostConnection` says whether the host can be reached (always, in Electron: main and the window
 * live and die together).
 */
import type { Channel, CommandInput, CommandOutput, DaixaBridge } from '../../shared/ipc/contract'
import { BridgeError } from './bridge-error'
import { createWsBridge, type HostConnection } from './ws-bridge'

export { BridgeError, errorCodeOf } from './bridge-error'
export type { HostConnection } from './ws-bridge'

declare global {
  interface Window {
    daixa?: DaixaBridge
  }
}

function bridgeUrl(): string {
  const { protocol, host } = window.location
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/bridge`
}

const ALWAYS_CONNECTED: HostConnection = { isConnected: () => true, subscribe: () => () => undefined }

function connect(): { bridge: DaixaBridge; connection: HostConnection } {
  if (window.daixa) return { bridge: window.daixa, connection: ALWAYS_CONNECTED }
  const ws = createWsBridge(bridgeUrl())
  return { bridge: ws, connection: ws.connection }
}

const link = connect()
export const bridge: DaixaBridge = link.bridge
export const hostConnection: HostConnection = link.connection

export async function call<C extends Channel>(channel: C, input: CommandInput<C>): Promise<CommandOutput<C>> {
  const result = await bridge.invoke(channel, input)
  if (!result.ok) throw new BridgeError(result.error.code, result.error.message)
  return result.value
}
