/**
 * When Đài Xã looks for updates and when it may install one. Pure: no Electron, no network; the
 * Electron wiring (src/main/electron/updater.ts) supplies `check` and reports what the updater saw.
 *
 * - Checks run only while a feed URL is set: the first shortly after start (or after the feed
 *   changes), then every `intervalMs`; after a failed check (often: no internet in the commune)
 *   the next one comes sooner, after `retryMs`. Checks never overlap.
 * - Downloads happen in the background (the updater's autoDownload); they do not touch playout.
 * - Installing restarts the app, which would cut a broadcast. So an install is allowed only when
 *   an update is downloaded AND `isOnAir()` says false, whether the officer asked for it or the app
 *   is quitting. If `isOnAir` throws, the station is taken to be on air.
 */
import type { Logger } from '../logger'

export type UpdatePhase = 'disabled' | 'idle' | 'checking' | 'downloading' | 'downloaded' | 'failed'

export interface UpdateStatus {
  phase: UpdatePhase
  feedUrl: string | null
  /** The version the feed offers, once a check found one newer than the running app. */
  availableVersion: string | null
  downloadedVersion: string | null
  lastCheckAt: number | null
  lastError: string | null
  nextCheckAt: number | null
}

export type InstallTrigger = 'officer' | 'quit'
export type InstallDecision =
  { allowed: true; version: string } | { allowed: false; reason: 'on-air' | 'nothing-downloaded' }

export interface PolicyTimers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
  now(): number
}

export interface UpdatePolicyOptions {
  isOnAir: () => boolean
  /** Asks the feed; resolves when the check (not the download) is done, rejects when it failed. */
  check: () => Promise<void>
  log: Logger
  /** Between successful checks. Default 6 hours. */
  intervalMs?: number
  /** After start or a feed change, so the check does not compete with start-up. Default 2 minutes. */
  startDelayMs?: number
  /** After a failed check. Default 30 minutes. */
  retryMs?: number
  timers?: PolicyTimers
}

export interface UpdatePolicy {
  /** null disables checking (and cancels the next check). Setting the same URL again changes nothing. */
  setFeedUrl(url: string | null): void
  /** A check now (the officer asked); resolves with the status after the check. */
  checkNow(): Promise<UpdateStatus>
  onAvailable(version: string): void
  onNotAvailable(): void
  onDownloaded(version: string): void
  onError(message: string): void
  decideInstall(trigger: InstallTrigger): InstallDecision
  status(): UpdateStatus
  stop(): void
}

const HOUR = 3_600_000
const systemTimers: PolicyTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
}

export function createUpdatePolicy(options: UpdatePolicyOptions): UpdatePolicy {
  const { isOnAir, check, log, timers = systemTimers } = options
  const intervalMs = options.intervalMs ?? 6 * HOUR
  const startDelayMs = options.startDelayMs ?? 120_000
  const retryMs = options.retryMs ?? HOUR / 2
  let state: UpdateStatus = {
    phase: 'disabled',
    feedUrl: null,
    availableVersion: null,
    downloadedVersion: null,
    lastCheckAt: null,
    lastError: null,
    nextCheckAt: null,
  }
  let timer: unknown = null
  let inFlight: Promise<UpdateStatus> | null = null
  let isStopped = false

  const cancelTimer = (): void => {
    if (timer !== null) timers.clearTimeout(timer)
    timer = null
    state = { ...state, nextCheckAt: null }
  }
  const schedule = (delayMs: number): void => {
    cancelTimer()
    if (isStopped || state.feedUrl === null) return
    timer = timers.setTimeout(() => {
      timer = null
      void runCheck()
    }, delayMs)
    state = { ...state, nextCheckAt: timers.now() + delayMs }
  }

  const runCheck = (): Promise<UpdateStatus> => {
    if (inFlight) return inFlight
    if (isStopped || state.feedUrl === null) return Promise.resolve(status())
    cancelTimer()
    const before = state.phase
    const phase = before === 'downloaded' || before === 'downloading' ? before : 'checking'
    state = { ...state, phase, lastCheckAt: timers.now() }
    inFlight = startCheck(check)
      .then(
        () => {
          // No event moved the phase on: nothing new, or an inactive updater (an unpackaged app).
          if (state.phase === 'checking') state = { ...state, phase: 'idle' }
          schedule(intervalMs)
        },
        (error: unknown) => {
          if (state.phase === 'checking') state = { ...state, phase: 'failed', lastError: messageOf(error) }
          log.warn(`updater: check failed, next try in ${Math.round(retryMs / 60_000)} min: ${messageOf(error)}`)
          schedule(retryMs)
        },
      )
      .then(() => {
        inFlight = null
        return status()
      })
    return inFlight
  }

  const status = (): UpdateStatus => ({ ...state })

  return {
    setFeedUrl(url) {
      if (isStopped || url === state.feedUrl) return
      state = { ...state, feedUrl: url, availableVersion: null, lastError: null }
      if (url === null) {
        cancelTimer()
        if (state.phase !== 'downloaded') state = { ...state, phase: 'disabled' }
        log.info('updater: no feed URL, update checks are off')
        return
      }
      if (state.phase === 'disabled' || state.phase === 'failed') state = { ...state, phase: 'idle' }
      log.info(`updater: feed ${url}, first check in ${Math.round(startDelayMs / 1000)} s`)
      schedule(startDelayMs)
    },
    checkNow: runCheck,
    onAvailable(version) {
      state = { ...state, phase: 'downloading', availableVersion: version, lastError: null }
    },
    onNotAvailable() {
      if (state.phase !== 'downloaded') state = { ...state, phase: 'idle', availableVersion: null, lastError: null }
    },
    onDownloaded(version) {
      state = { ...state, phase: 'downloaded', downloadedVersion: version, lastError: null }
      log.info(`updater: ${version} downloaded; installs when the app quits off air, or when the officer chooses`)
    },
    onError(message) {
      const phase = state.phase === 'downloaded' ? 'downloaded' : 'failed'
      state = { ...state, phase, lastError: message }
      // A failed background download is retried as soon as a failed check would be.
      if (inFlight === null && phase === 'failed') schedule(retryMs)
    },
    decideInstall(trigger) {
      const version = state.downloadedVersion
      if (version === null) return { allowed: false, reason: 'nothing-downloaded' }
      if (safeIsOnAir(isOnAir, log)) {
        log.warn(`updater: ${version} not installed (${trigger}): the station is on air`)
        return { allowed: false, reason: 'on-air' }
      }
      return { allowed: true, version }
    },
    status,
    stop() {
      isStopped = true
      cancelTimer()
    },
  }
}

/** `check()` started now; a synchronous throw becomes a rejection like any other failure. */
function startCheck(check: () => Promise<void>): Promise<void> {
  try {
    return check()
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)))
  }
}

function safeIsOnAir(isOnAir: () => boolean, log: Logger): boolean {
  try {
    return isOnAir()
  } catch (error) {
    log.error(`updater: could not tell whether the station is on air, assuming it is: ${messageOf(error)}`)
    return true
  }
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))
