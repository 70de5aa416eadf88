/**
 * Serialized request/response over a Transport: one command on the wire at a time, each with its
 * own timeout, replies cut out of the byte stream by a codec-supplied parser. Bytes that arrive
 * while nothing is pending are dropped (late replies after a timeout must not answer the next
 * command). abort() fails the command in flight and everything queued before it.
 * `minGapMs` is a quiet time after ANY frame (a write-only command, a query and its reply or its
 * timeout) before the next one goes out: LCUS boards drop a frame that follows a status query
 * within a few ms, and the manuals ask for 50–100 ms (hardware-protocols.md §3.1).
 */
import { ServiceError } from '../../../shared/result'
import { describeError, type Transport } from '../transport/transport'

export type ParseStep<T> =
  | { kind: 'need-more' }
  | { kind: 'reply'; value: T; consumed: number }
  /** bytes that are not a reply (echo, noise, resync): drop them and parse again */
  | { kind: 'skip'; consumed: number }
  /** the device answered, but with an error (exception reply, bad CRC, `!`) */
  | { kind: 'fail'; error: ServiceError; consumed: number }

export type ReplyParser<T> = (buffer: Uint8Array) => ParseStep<T>

export interface Exchange {
  request<T>(bytes: Uint8Array, parse: ReplyParser<T>, options?: { timeoutMs?: number; label?: string }): Promise<T>
  /** Write-only command; resolves when the bytes are handed to the OS. */
  send(bytes: Uint8Array): Promise<void>
}

export interface ExchangeControl extends Exchange {
  push(chunk: Uint8Array): void
  abort(error: ServiceError): void
}

export interface ExchangeOptions {
  transport: Transport
  timeoutMs: number
  /** the device answered something (a reply or an error reply) */
  onReply(): void
  onTimeout(label: string): void
  onWriteError(error: unknown): void
  /** quiet time after any frame before the next is written (default 0) */
  minGapMs?: number
  now?: () => number
}

interface Pending {
  parse: ReplyParser<unknown>
  finish(error: unknown, value?: unknown): void
}

const MAX_BUFFER = 64 * 1024

export function createExchange(options: ExchangeOptions): ExchangeControl {
  let rx = new Uint8Array(0)
  let pending: Pending | null = null
  let tail: Promise<unknown> = Promise.resolve()
  let generation = 0
  const waits = new Set<() => void>()
  const now = options.now ?? Date.now
  const minGapMs = options.minGapMs ?? 0
  /** when the last frame (and its reply, if any) was over */
  let lastFrameAt = Number.NEGATIVE_INFINITY

  function enqueue<T>(job: () => Promise<T>): Promise<T> {
    const mine = generation
    const run = tail.then(async () => {
      const quietFor = now() - lastFrameAt
      if (quietFor < minGapMs) await wait(minGapMs - quietFor)
      if (mine !== generation) throw new ServiceError('disconnected', `${options.transport.name}: connection reset`)
      if (!options.transport.isOpen()) throw new ServiceError('disconnected', `${options.transport.name}: not open`)
      try {
        return await job()
      } finally {
        lastFrameAt = now()
      }
    })
    tail = run.catch(() => undefined)
    return run
  }

  function drain(): void {
    while (pending && rx.length > 0) {
      const step = pending.parse(rx)
      if (step.kind === 'need-more') return
      rx = rx.subarray(Math.max(1, step.consumed))
      if (step.kind === 'reply') {
        options.onReply()
        pending.finish(null, step.value)
      } else if (step.kind === 'fail') {
        options.onReply()
        pending.finish(step.error)
      }
    }
  }

  async function write(bytes: Uint8Array): Promise<void> {
    try {
      await options.transport.write(bytes)
    } catch (error) {
      options.onWriteError(error)
      throw error instanceof ServiceError ? error : new ServiceError('io', describeError(error))
    }
  }

  function request<T>(bytes: Uint8Array, parse: ReplyParser<T>, opts: { timeoutMs?: number; label?: string } = {}) {
    const timeoutMs = opts.timeoutMs ?? options.timeoutMs
    const label = opts.label ?? 'request'
    return enqueue(
      () =>
        new Promise<T>((resolve, reject) => {
          rx = new Uint8Array(0)
          const timer = setTimeout(() => {
            entry.finish(
              new ServiceError('io', `${options.transport.name}: no reply to ${label} within ${timeoutMs} ms`),
            )
            options.onTimeout(label)
          }, timeoutMs)
          const entry: Pending = {
            parse,
            finish(error, value) {
              if (pending !== entry) return
              pending = null
              clearTimeout(timer)
              if (error) reject(error instanceof Error ? error : new ServiceError('io', describeError(error)))
              else resolve(value as T)
            },
          }
          pending = entry
          write(bytes).catch((error: unknown) => entry.finish(error))
        }),
    )
  }

  function send(bytes: Uint8Array): Promise<void> {
    return enqueue(() => write(bytes))
  }

  function wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer)
        waits.delete(done)
        resolve()
      }
      const timer = setTimeout(done, ms)
      waits.add(done)
    })
  }

  return {
    request,
    send,
    push(chunk) {
      if (!pending) return
      const joined = new Uint8Array(rx.length + chunk.length)
      joined.set(rx)
      joined.set(chunk, rx.length)
      rx = joined.length > MAX_BUFFER ? joined.subarray(joined.length - MAX_BUFFER) : joined
      drain()
    },
    abort(error) {
      generation += 1
      pending?.finish(error)
      for (const done of [...waits]) done()
      rx = new Uint8Array(0)
    },
  }
}
