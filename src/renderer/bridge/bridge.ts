/**
 * The one way the renderer reaches the host. In Electron the preload has put `window.daixa`
 * there; in the browser host it is the WebSocket bridge. `call` unwraps a Result and throws a
 * BridgeError carrying the code, which screens translate with `errors.<code>`.
 */
import type { Channel, CommandInput, CommandOutput, DaixaBridge } from '../../shared/ipc/contract'
import { CodedError, type ErrorCode } from '../../shared/result'
import { createWsBridge } from './ws-bridge'

declare global {
  interface Window {
    daixa?: DaixaBridge
  }
}

export class BridgeError extends CodedError<ErrorCode> {
  override readonly name = 'BridgeError'
}

function bridgeUrl(): string {
  const { protocol, host } = window.location
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/bridge`
}

export const bridge: DaixaBridge = window.daixa ?? createWsBridge(bridgeUrl())

export async function call<C extends Channel>(channel: C, input: CommandInput<C>): Promise<CommandOutput<C>> {
  const result = await bridge.invoke(channel, input)
  if (!result.ok) throw new BridgeError(result.error.code, result.error.message)
  return result.value
}

/** The error code of anything thrown by `call` (or 'internal' for anything else). */
export const errorCodeOf = (error: unknown): ErrorCode => (error instanceof BridgeError ? error.code : 'internal')
