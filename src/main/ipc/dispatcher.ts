/**
 * Host-independent command dispatch: every call from a renderer — Electron IPC or the browser
 * host's WebSocket — goes through `dispatch`, which checks the channel, parses the input with
 * the contract's zod schema, runs the handler and returns a Result. Handlers throw ServiceError
 * for expected failures; anything else becomes 'internal' and is logged.
 */
import { z } from 'zod'
import {
  commands,
  isChannel,
  type Channel,
  type CommandOutput,
  type EventChannel,
  type EventPayload,
  type ParsedInput,
  events,
} from '../../shared/ipc/contract'
import { fail, ok, ServiceError, type Result } from '../../shared/result'
import type { Logger } from '../services/logger'

export interface CallContext {
  /** Who called, for logs: a frame URL or a socket's origin. */
  readonly sender: string
  /**
   * What the call belongs to: one page connection (browser host) or one window (Electron). What it
   * starts (a recording) ends when that goes away. Absent: the host itself (tests, tools).
   */
  readonly owner?: string
}

export type Handler<C extends Channel> = (
  input: ParsedInput<C>,
  ctx: CallContext,
) => Promise<CommandOutput<C>> | CommandOutput<C>

export type Handlers = { [C in Channel]: Handler<C> }

export type Dispatch = (channel: string, rawInput: unknown, ctx: CallContext) => Promise<Result<unknown>>

export function createDispatcher(handlers: Handlers, log: Logger): Dispatch {
  return async (channel, rawInput, ctx) => {
    if (!isChannel(channel)) {
      log.warn(`ipc: unknown channel ${channel.slice(0, 100)} from ${ctx.sender}`)
      return fail('unknown-command', `unknown channel ${channel.slice(0, 100)}`)
    }
    const def = commands[channel]
    const parsed = def.input.safeParse(rawInput)
    if (!parsed.success) {
      return fail('invalid-input', `${channel}: ${z.prettifyError(parsed.error)}`)
    }
    try {
      const handler = handlers[channel] as (input: unknown, ctx: CallContext) => unknown
      const value: unknown = await handler(parsed.data, ctx)
      return ok(value)
    } catch (error) {
      if (error instanceof ServiceError) return fail(error.code, error.message)
      log.error(`ipc: ${channel} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      return fail('internal', error instanceof Error ? error.message : String(error))
    }
  }
}

export type EventListener = (channel: EventChannel, payload: unknown) => void

export interface EventBus {
  emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void
  subscribe(listener: EventListener): () => void
}

/** Services emit typed events; each host forwards them to its renderers. Payloads are validated. */
export function createEventBus(log: Logger): EventBus {
  const listeners = new Set<EventListener>()
  return {
    emit(channel, payload) {
      const checked = events[channel].payload.safeParse(payload)
      if (!checked.success) {
        log.error(`ipc: event ${channel} has an invalid payload: ${checked.error.message}`)
        return
      }
      for (const listener of listeners) listener(channel, checked.data)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
