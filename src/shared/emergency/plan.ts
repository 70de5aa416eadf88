/**
 * When an emergency bulletin airs (pure). First airing: the countdown after it arrived (the
 * officer sees the banner meanwhile), not before its onset; then every `repeatEveryMs` from the
 * start of the last airing; only inside its daily window (station time); never at or after its
 * expiry, after the officer or a CAP Cancel stopped it, or once a newer bulletin replaces it;
 * never for an exercise or a test.
 */
import { DAY_MS, STATION_OFFSET_MS } from '../onair/station-time'
import type { EmergencyRecord } from './bulletin'

export type EmergencyPhase =
  /** waiting for its first airing: the banner counts down */
  | { kind: 'countdown'; dueMs: number }
  /** aired at least once, the next airing planned */
  | { kind: 'repeating'; dueMs: number }
  | { kind: 'over'; reason: 'expired' | 'stopped' | 'replaced' | 'not-actual' }

const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))

/** The first instant at or after `ms` inside the daily window [from, to) (to ≤ from: over midnight). */
export function intoWindow(ms: number, window: EmergencyRecord['window']): number {
  if (!window) return ms
  const from = minutesOf(window.from) * 60_000
  const to = minutesOf(window.to) * 60_000
  const local = ms + STATION_OFFSET_MS
  const dayStart = local - (((local % DAY_MS) + DAY_MS) % DAY_MS)
  const inDay = local - dayStart
  const isInside = from < to ? inDay >= from && inDay < to : inDay >= from || inDay < to
  if (from === to || isInside) return ms
  const next = inDay < from ? dayStart + from : dayStart + DAY_MS + from
  return next - STATION_OFFSET_MS
}

export function isReplaced(record: EmergencyRecord, all: readonly EmergencyRecord[]): boolean {
  return all.some((other) => other.id !== record.id && other.replaces.includes(record.id))
}

export function phaseOf(record: EmergencyRecord, all: readonly EmergencyRecord[], countdownMs: number): EmergencyPhase {
  if (!record.isActual) return { kind: 'over', reason: 'not-actual' }
  if (record.stoppedAtMs !== null) return { kind: 'over', reason: 'stopped' }
  if (isReplaced(record, all)) return { kind: 'over', reason: 'replaced' }
  const last = record.airedAtMs.at(-1)
  const wanted =
    last === undefined ? Math.max(record.receivedAtMs + countdownMs, record.onsetMs) : last + record.repeatEveryMs
  const dueMs = intoWindow(wanted, record.window)
  if (record.expiresMs !== null && dueMs >= record.expiresMs) return { kind: 'over', reason: 'expired' }
  return last === undefined ? { kind: 'countdown', dueMs } : { kind: 'repeating', dueMs }
}

/** The bulletin to air now, if any: the one due earliest (ties: the newest issued). */
export function dueNow(all: readonly EmergencyRecord[], nowMs: number, countdownMs: number): EmergencyRecord | null {
  let best: { record: EmergencyRecord; dueMs: number } | null = null
  for (const record of all) {
    const phase = phaseOf(record, all, countdownMs)
    if (phase.kind === 'over' || phase.dueMs > nowMs) continue
    const isBetter =
      best === null ||
      phase.dueMs < best.dueMs ||
      (phase.dueMs === best.dueMs && record.issuedAtMs > best.record.issuedAtMs)
    if (isBetter) best = { record, dueMs: phase.dueMs }
  }
  return best?.record ?? null
}
