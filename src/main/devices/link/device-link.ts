/**
 * Keeps one device connected and says how it is doing. Shared by every driver:
 * - opens the transport in the background; a failed open retries with exponential back-off;
 * - if the protocol has a query, polls it (`probe`) when the line has been quiet for
 *   pollIntervalMs; after maxMisses timeouts in a row (commands or polls) the device is
 *   'unresponsive', the port is closed and reopened with back-off;
 * - an unexpected port close or a write error on a closed port is 'disconnected', same retry;
 * - never throws into the caller; commands issued while down fail with ServiceError 'disconnected'.
 * - keeps the device at the desired state (`keep`, keeper.ts): reconciled after every connect and
 *   retried with back-off after a failed write until it lands;
 * - leaves `frameGapMs` of quiet after every frame, queries included (exchange.ts).
 * Defaults (poll 500 ms, probe timeout ≤ 500 ms, 2 misses) notice a silent device in about 1.5 s.
 */
import { ServiceError } from '../../../shared/result'
import type { Logger } from '../../services/logger'
import { createEmitter, type Unsubscribe } from '../emitter'
import { describeError, type Transport } from '../transport/transport'
import { createExchange, type Exchange } from './exchange'
import { createKeeper } from './keeper'
import type { Correction, DeviceEvents, DeviceState, DeviceStatus } from './status'

export interface BackoffOptions {
  initialMs?: number
  maxMs?: number
}

export interface DeviceLinkOptions {
  /** log prefix, e.g. 'relay-lcus' */
  module: string
  transport: Transport
  log: Logger
  timeoutMs: number
  /** cheap query proving the device answers; omit for write-only devices */
  probe?: (exchange: Exchange) => Promise<void>
  /** runs after each successful open (+probe): init commands */
  onConnected?: (exchange: Exchange, info: { isReconnect: boolean }) => Promise<void>
  /** runs when the probe of a fresh connection fails, before the port is closed (diagnostics) */
  onProbeFailed?: (exchange: Exchange) => Promise<void>
  /** the desired state: reconciled after every connect, retried after failures (keeper.ts) */
  keep?: { reconcile(exchange: Exchange): Promise<void>; isSettled(): boolean }
  /** quiet time after any frame before the next (default 0) */
  frameGapMs?: number
  pollIntervalMs?: number
  maxMisses?: number
  backoff?: BackoffOptions
  now?: () => number
}

export interface DeviceLink {
  exchange: Exchange
  /** the desired state changed or a write of it failed: reconcile (see keeper.ts) */
  kick(afterFailure?: boolean): void
  start(): () => Promise<void>
  stop(): Promise<void>
  status(): DeviceStatus
  on<E extends keyof DeviceEvents>(event: E, listener: (payload: DeviceEvents[E]) => void): Unsubscribe
  /** tells listeners the driver put the device back to the wanted state */
  corrected(correction: Correction): void
}

export function createDeviceLink(options: DeviceLinkOptions): DeviceLink {
  const { module, transport, log } = options
  const now = options.now ?? Date.now
  const pollIntervalMs = options.pollIntervalMs ?? 500
  const maxMisses = options.maxMisses ?? 2
  const initialBackoff = options.backoff?.initialMs ?? 250
  const maxBackoff = options.backoff?.maxMs ?? 5000
  const events = createEmitter<DeviceEvents>((e) => log.error(`${module}: status listener threw: ${describeError(e)}`))
  let current: DeviceStatus = { state: 'stopped', at: now() }
  let isStopped = true
  let epoch = 0
  let attempt = 0
  let misses = 0
  let lastReplyAt = 0
  let hasBeenOnline = false
  let isPolling = false
  let retryTimer: ReturnType<typeof setTimeout> | null = null
  let pollTimer: ReturnType<typeof setTimeout> | null = null
  let closing: Promise<void> = Promise.resolve()
  let unsubscribers: Unsubscribe[] = []

  const exchange = createExchange({
    transport,
    timeoutMs: options.timeoutMs,
    onReply: () => {
      misses = 0
      lastReplyAt = now()
    },
    onTimeout: (label) => {
      misses += 1
      log.warn(`${module}: ${transport.name} no reply to ${label} (${misses}/${maxMisses})`)
      if (current.state === 'online' && misses >= maxMisses) lost('unresponsive', `no reply to ${misses} requests`)
      else if (current.state === 'online' && !isPolling) schedulePoll(0)
    },
    onWriteError: (error) => {
      if (!transport.isOpen() && current.state === 'online') lost('disconnected', describeError(error))
    },
    ...(options.frameGapMs !== undefined ? { minGapMs: options.frameGapMs } : {}),
    now,
  })
  const keep = options.keep
  const keeper = keep
    ? createKeeper({
        module,
        name: transport.name,
        log,
        isOnline: () => current.state === 'online',
        exchange: () => exchange,
        reconcile: keep.reconcile,
        isSettled: keep.isSettled,
        ...(options.backoff ? { backoff: options.backoff } : {}),
      })
    : null

  function setStatus(state: DeviceState, detail?: string, retryInMs?: number): void {
    if (state === current.state && retryInMs === current.retryInMs && detail === current.detail) return
    if (state !== current.state) {
      const line = `${module}: ${transport.name} ${state}${detail ? ` (${detail})` : ''}`
      if (state === 'unresponsive' || state === 'disconnected') log.warn(line)
      else log.info(line)
    }
    current = { state, at: now(), ...(detail ? { detail } : {}), ...(retryInMs !== undefined ? { retryInMs } : {}) }
    events.emit('status', current)
  }

  function clearTimers(): void {
    if (retryTimer) clearTimeout(retryTimer)
    if (pollTimer) clearTimeout(pollTimer)
    retryTimer = null
    pollTimer = null
  }

  function retryLater(state: DeviceState, detail: string): void {
    const delay = Math.min(maxBackoff, initialBackoff * 2 ** Math.min(attempt, 16))
    attempt += 1
    setStatus(state, detail, delay)
    retryTimer = setTimeout(() => void connect(), delay)
  }

  function lost(state: DeviceState, detail: string): void {
    epoch += 1
    clearTimers()
    exchange.abort(new ServiceError('disconnected', `${transport.name}: ${detail}`))
    closing = transport.close().catch(() => undefined)
    retryLater(state, detail)
  }

  async function connect(): Promise<void> {
    retryTimer = null
    const mine = epoch
    await closing
    if (isStopped || mine !== epoch) return
    misses = 0
    try {
      await transport.open()
    } catch (error) {
      if (!isStopped && mine === epoch) retryLater('disconnected', describeError(error))
      return
    }
    if (isStopped || mine !== epoch) return void (await transport.close().catch(() => undefined))
    try {
      await probeFresh()
      if (options.onConnected) await options.onConnected(exchange, { isReconnect: hasBeenOnline })
      if (keeper && !isStopped && mine === epoch) await keeper.afterConnect(exchange)
    } catch (error) {
      if (!isStopped && mine === epoch) lost(transport.isOpen() ? 'unresponsive' : 'disconnected', describeError(error))
      return
    }
    if (isStopped || mine !== epoch) return
    hasBeenOnline = true
    attempt = 0
    setStatus('online')
    schedulePoll(pollIntervalMs)
  }

  /**
   * The probe of a fresh connection gets `maxMisses` tries: a board that comes back with its USB
   * port may need a moment to boot before it answers.
   */
  async function probeFresh(): Promise<void> {
    const probe = options.probe
    if (!probe) return
    for (let tries = 1; ; tries += 1) {
      try {
        return await probe(exchange)
      } catch (error) {
        if (tries < maxMisses && transport.isOpen()) continue
        if (options.onProbeFailed && transport.isOpen()) await options.onProbeFailed(exchange).catch(() => undefined)
        throw error
      }
    }
  }

  function schedulePoll(delay: number): void {
    if (!options.probe || isStopped) return
    if (pollTimer) clearTimeout(pollTimer)
    pollTimer = setTimeout(() => void pollOnce(), delay)
  }

  async function pollOnce(): Promise<void> {
    pollTimer = null
    const mine = epoch
    const quietFor = now() - lastReplyAt
    if (misses === 0 && quietFor < pollIntervalMs) return schedulePoll(pollIntervalMs - quietFor)
    isPolling = true
    try {
      await options.probe?.(exchange)
    } catch {
      // timeouts are counted by the exchange; other failures are replies, so the device is alive
    } finally {
      isPolling = false
    }
    if (isStopped || mine !== epoch) return
    if (misses >= maxMisses) return lost('unresponsive', `no reply to ${misses} polls`)
    schedulePoll(misses > 0 ? 0 : pollIntervalMs)
  }

  function onClosed(info: { isExpected: boolean; error?: Error }): void {
    if (info.isExpected || isStopped) return
    if (current.state === 'disconnected' || current.state === 'unresponsive') return
    lost('disconnected', info.error ? describeError(info.error) : 'port closed')
  }

  async function stop(): Promise<void> {
    if (isStopped) return
    isStopped = true
    epoch += 1
    clearTimers()
    keeper?.stop()
    exchange.abort(new ServiceError('disconnected', `${transport.name}: stopped`))
    for (const off of unsubscribers) off()
    unsubscribers = []
    await closing
    await transport.close().catch(() => undefined)
    setStatus('stopped')
  }

  function start(): () => Promise<void> {
    if (!isStopped) return stop
    isStopped = false
    attempt = 0
    keeper?.start()
    unsubscribers = [
      transport.on('data', (chunk) => exchange.push(chunk)),
      transport.on('closed', onClosed),
      transport.on('error', (error) => log.warn(`${module}: ${transport.name} error: ${describeError(error)}`)),
    ]
    setStatus('connecting')
    void connect()
    return stop
  }

  return {
    exchange,
    kick: (afterFailure) => keeper?.kick(afterFailure),
    start,
    stop,
    status: () => current,
    on: events.on,
    corrected(correction) {
      const what = correction.channel === undefined ? 'RF' : `relay ${correction.channel}`
      log.warn(
        `${module}: ${transport.name} ${what} was ${correction.wasOn ? 'on' : 'off'}, switched to the wanted state`,
      )
      events.emit('corrected', correction)
    },
  }
}

/** The options every createXDriver takes besides its own. */
export interface DriverBaseOptions {
  transport: Transport
  log: Logger
  /** reply timeout for commands (driver-specific default) */
  timeoutMs?: number
  /** reply timeout for the keepalive query (default 500 ms, so silence is noticed in < 2 s) */
  probeTimeoutMs?: number
  pollIntervalMs?: number
  maxMisses?: number
  backoff?: BackoffOptions
  now?: () => number
  /** quiet time after any frame, queries included (each driver has its own default) */
  frameGapMs?: number
}

export function linkOptionsFrom(base: DriverBaseOptions, defaultTimeoutMs: number, defaultFrameGapMs = 0) {
  return {
    transport: base.transport,
    log: base.log,
    timeoutMs: base.timeoutMs ?? defaultTimeoutMs,
    frameGapMs: base.frameGapMs ?? defaultFrameGapMs,
    ...(base.pollIntervalMs !== undefined ? { pollIntervalMs: base.pollIntervalMs } : {}),
    ...(base.maxMisses !== undefined ? { maxMisses: base.maxMisses } : {}),
    ...(base.backoff !== undefined ? { backoff: base.backoff } : {}),
    ...(base.now !== undefined ? { now: base.now } : {}),
  } satisfies Partial<DeviceLinkOptions>
}
