/**
 * The Electron transport of the bridge. One `ipcMain.handle` channel carries every command
 * (`invoke(ELECTRON_INVOKE_CHANNEL, channel, input)`) into the shared dispatcher, which validates
 * the input with the contract's zod schema; one `webContents.send` channel carries every bus event
 * out. Before dispatching, the sender frame must belong to the app (app://daixa, or the dev server
 * in development): a frame that navigated elsewhere, or one that is gone, gets `forbidden`.
 */
import { ELECTRON_EVENT_CHANNEL, ELECTRON_INVOKE_CHANNEL } from '../../shared/ipc/contract'
import { fail, type Result } from '../../shared/result'
import type { Dispatch, EventBus } from '../ipc/dispatcher'
import type { Logger } from '../services/logger'
import type { OriginCheck } from './schemes'
import { windowOwner } from './window-owner'

/** The parts of Electron's IpcMainInvokeEvent this module reads. */
export interface InvokeEventLike {
  readonly senderFrame: { readonly url: string } | null
  /** The window's web contents: its calls belong to it (see window-owner.ts). */
  readonly sender: { readonly id: number }
}

/** The parts of Electron's ipcMain this module uses (tests pass a small fake). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void
  removeHandler(channel: string): void
}

/** A renderer that receives events: Electron's WebContents. */
export interface EventReceiver {
  send(channel: string, ...args: unknown[]): void
  isDestroyed(): boolean
  getURL(): string
}

export interface IpcBridgeOptions {
  ipcMain: IpcMainLike
  dispatch: Dispatch
  bus: Pick<EventBus, 'subscribe'>
  isTrustedOrigin: OriginCheck
  /** The web contents that should receive events (the app's windows), looked up at each event. */
  targets: () => readonly EventReceiver[]
  log: Logger
}

/** Registers the invoke handler and event forwarding; returns a function that removes both. */
export function registerIpcBridge({
  ipcMain,
  dispatch,
  bus,
  isTrustedOrigin,
  targets,
  log,
}: IpcBridgeOptions): () => void {
  ipcMain.handle(ELECTRON_INVOKE_CHANNEL, async (event, channel, input): Promise<Result<unknown>> => {
    const frameUrl = senderUrl(event)
    if (frameUrl === null || !isTrustedOrigin(frameUrl)) {
      log.warn(`ipc: refused a call from ${frameUrl === null ? 'a destroyed frame' : frameUrl.slice(0, 200)}`)
      return fail('forbidden', 'the caller is not the Đài Xã app')
    }
    if (typeof channel !== 'string') return fail('invalid-input', 'the channel must be a string')
    return dispatch(channel, input, { sender: frameUrl, owner: windowOwner(event.sender.id) })
  })
  const unsubscribe = bus.subscribe((channel, payload) => {
    for (const target of targets()) {
      if (target.isDestroyed() || !isTrustedOrigin(target.getURL())) continue
      target.send(ELECTRON_EVENT_CHANNEL, channel, payload)
    }
  })
  return () => {
    unsubscribe()
    ipcMain.removeHandler(ELECTRON_INVOKE_CHANNEL)
  }
}

function senderUrl(event: InvokeEventLike): string | null {
  try {
    // Reading senderFrame throws, or gives null, once the frame has navigated or been destroyed.
    return event.senderFrame?.url ?? null
  } catch {
    return null
  }
}
