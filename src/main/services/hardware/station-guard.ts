/**
 * The station watchdog: knows which sessions are on air (`hardware:onair`) and keeps everything
 * else safe (safe-state.ts).
 *
 * - begin(sessionId, untilMs): a session's pre-roll starts. A session that never ends (the
 *   renderer died) is over at `untilMs`.
 * - end(sessionId, safe): the post-roll is done; each safe step (relay off, RF off, radiotext
 *   cleared) becomes the device's desired state, kept until it lands, across replugs.
 * - When no session is left on air: every guarded device is wanted safe; what was still wanted
 *   ON is alerted ("left on after the session, switched off"); `checkDelayMs` later the devices
 *   that can tell are read back and anything still on is alerted and switched off again.
 * - Every `watchdogIntervalMs` outside sessions (default 3 min), the same check: a relay switched
 *   on by hand, a board that powered up on, an exciter brought back by its front panel.
 * - adopt(device): a driver (re)started outside a session is wanted safe at once, so whatever a
 *   board or exciter does when it first answers, it is switched off (start-up, replug, restart).
 * - corrected(device, channel): a driver found a relay or RF on and switched it off on its own
 *   (after a replug, or its keepalive read saw it): outside sessions that is alerted too.
 * Alerts name the device by the name the officer gave it (a relay channel that switches an
 * exciter names the exciter); the same thing is alerted once in ALERT_REPEAT_MS.
 */
import type { DeviceAct, DeviceConfig } from '../../../shared/ipc/hardware'
import type { HardwareAlert } from '../../../shared/ipc/hardware-onair'
import type { Logger } from '../logger'
import { readUnsafe, safeChannels, wantSafe, type FoundOn, type GuardedDevice } from './safe-state'

export type GuardAlert = Omit<HardwareAlert, 'seq' | 'at'>

export interface StationGuardOptions {
  log: Logger
  /** the running devices (enabled, with a driver) */
  devices(): GuardedDevice[]
  /** every configured device (names, exciters switched through relay channels) */
  configs(): readonly DeviceConfig[]
  alert(alert: GuardAlert): void
  now?: () => number
  watchdogIntervalMs?: number
  checkDelayMs?: number
}

export interface StationGuard {
  begin(sessionId: string, untilMs: number): number
  end(sessionId: string, safe: readonly DeviceAct[]): number
  isOnAir(): boolean
  adopt(device: GuardedDevice): void
  /** a driver switched a relay channel (or RF, no channel) off on its own */
  corrected(device: GuardedDevice, channel: number | undefined): void
  /** one watchdog pass now (also what the timer runs); resolves when the read-backs are done */
  check(): Promise<void>
  start(): void
  stop(): void
}

export const WATCHDOG_INTERVAL_MS = 180_000
export const CHECK_DELAY_MS = 1000
export const ALERT_REPEAT_MS = 10_000

export function createStationGuard(options: StationGuardOptions): StationGuard {
  const { log } = options
  const now = options.now ?? Date.now
  const leases = new Map<string, number>()
  let watchdog: ReturnType<typeof setInterval> | null = null
  let expiry: ReturnType<typeof setTimeout> | null = null
  let afterCheck: ReturnType<typeof setTimeout> | null = null
  let isStopped = true
  /** when each thing was last alerted */
  const alerted = new Map<string, number>()

  const keyOf = (f: FoundOn): string => `${f.config.id}#${f.channel ?? 'rf'}`

  function alertAll(found: readonly FoundOn[], seen: Set<string>): void {
    for (const f of found) {
      const key = keyOf(f)
      if (seen.has(key) || now() - (alerted.get(key) ?? Number.NEGATIVE_INFINITY) < ALERT_REPEAT_MS) continue
      seen.add(key)
      alerted.set(key, now())
      const what = f.channel === undefined ? 'RF' : `relay ${f.channel}`
      log.warn(`hardware: "${f.config.name}" ${what} was on with no session on air: switched off`)
      options.alert({
        kind: 'left-on',
        deviceId: f.config.id,
        deviceName: f.config.name,
        ...(f.channel !== undefined ? { channel: f.channel } : {}),
      })
    }
  }

  function wantAllSafe(seen: Set<string>, isAlerting: boolean): void {
    const configs = options.configs()
    for (const device of options.devices()) {
      const found = wantSafe(device, configs)
      if (isAlerting) alertAll(found, seen)
    }
  }

  async function readBack(seen: Set<string>): Promise<void> {
    const configs = options.configs()
    for (const device of options.devices()) {
      if (leases.size > 0) return
      try {
        alertAll(await readUnsafe(device, configs), seen)
      } catch (error) {
        log.warn(`hardware: watchdog could not read "${device.config.name}": ${describe(error)}`)
      }
    }
  }

  async function check(): Promise<void> {
    if (leases.size > 0) return
    const seen = new Set<string>()
    wantAllSafe(seen, true)
    await readBack(seen)
  }

  /** The last session is over: everything safe now, read back a moment later. */
  function offAir(): void {
    if (isStopped) return
    log.info('hardware: no session on air: station to its safe state')
    const seen = new Set<string>()
    wantAllSafe(seen, true)
    if (afterCheck) clearTimeout(afterCheck)
    afterCheck = setTimeout(() => {
      afterCheck = null
      void readBack(seen)
    }, options.checkDelayMs ?? CHECK_DELAY_MS)
  }

  function scheduleExpiry(): void {
    if (expiry) clearTimeout(expiry)
    expiry = null
    if (leases.size === 0 || isStopped) return
    const next = Math.min(...leases.values())
    expiry = setTimeout(expire, Math.max(0, Math.min(next - now(), 2 ** 31 - 1)))
  }

  function expire(): void {
    expiry = null
    for (const [id, untilMs] of leases) {
      if (untilMs > now()) continue
      leases.delete(id)
      log.warn(`hardware: session ${id} did not end by ${new Date(untilMs).toISOString()}: treated as over`)
    }
    if (leases.size === 0) offAir()
    else scheduleExpiry()
  }

  function applyStep(step: DeviceAct): void {
    const device = options.devices().find((d) => d.config.id === step.deviceId)
    if (!device) return
    const { driver } = device
    if (step.kind === 'relay' && driver.kind === 'relay') driver.device.want(step.channel, step.isOn)
    else if (step.kind === 'rf' && !step.isOn && (driver.kind === 'exciter' || driver.kind === 'exciter-relay')) {
      driver.device.wantRfOff()
    } else if (step.kind === 'rds-rt' && driver.kind === 'rds') driver.device.wantRt(step.text)
  }

  return {
    begin(sessionId, untilMs) {
      leases.set(sessionId, untilMs)
      if (afterCheck) clearTimeout(afterCheck)
      afterCheck = null
      scheduleExpiry()
      log.info(`hardware: session ${sessionId} on air (${leases.size} on air)`)
      return leases.size
    },
    end(sessionId, safe) {
      leases.delete(sessionId)
      for (const step of safe) applyStep(step)
      log.info(`hardware: session ${sessionId} over, ${safe.length} safe steps kept (${leases.size} on air)`)
      scheduleExpiry()
      if (leases.size === 0) offAir()
      return leases.size
    },
    isOnAir: () => leases.size > 0,
    adopt(device) {
      if (leases.size === 0) wantSafe(device, options.configs())
    },
    corrected({ config, driver }, channel) {
      if (leases.size > 0) return
      if (channel === undefined) return alertAll([{ config }], new Set())
      if (driver.kind !== 'relay') return
      const exciter = safeChannels(config, options.configs(), driver.device.channels).get(channel)?.exciter
      alertAll([exciter ? { config: exciter } : { config, channel }], new Set())
    },
    check,
    start() {
      isStopped = false
      watchdog ??= setInterval(() => void check(), options.watchdogIntervalMs ?? WATCHDOG_INTERVAL_MS)
    },
    stop() {
      isStopped = true
      for (const timer of [watchdog, expiry, afterCheck]) if (timer) clearTimeout(timer)
      if (watchdog) clearInterval(watchdog)
      watchdog = expiry = afterCheck = null
    },
  }
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error))
