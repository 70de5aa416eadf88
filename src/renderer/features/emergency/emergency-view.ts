/** What the banner and the list say about a bulletin (pure, translated by the caller's `t`). */
import type { TFunction } from 'i18next'
import type { EmergencyRecord } from '../../../shared/emergency/bulletin'
import { phaseOf, type EmergencyPhase } from '../../../shared/emergency/plan'
import { formatDateTime, formatTime } from '../../../shared/format/display'

export const statusKey = (phase: EmergencyPhase): string =>
  `emergency.status.${phase.kind === 'over' ? phase.reason : phase.kind}`

export function everyText(t: TFunction, ms: number): string {
  return ms % 60_000 === 0
    ? t('emergency.every.minutes', { count: ms / 60_000 })
    : t('emergency.every.seconds', { count: Math.round(ms / 1000) })
}

/** The lines under the title: issue time, sender, repeats, window, zones, airings so far. */
export function detailLines(t: TFunction, r: EmergencyRecord): string[] {
  const zones = [...r.zones.dtmfCodes, ...r.zones.relayChannels.map((c) => `#${c}`), ...r.zones.clusterIds]
  return [
    t('emergency.banner.issued', { time: formatDateTime(r.issuedAtMs) }),
    ...(r.senderName ? [t('emergency.banner.sender', { sender: r.senderName })] : []),
    r.expiresMs === null
      ? t('emergency.banner.repeatNoEnd', { every: everyText(t, r.repeatEveryMs) })
      : t('emergency.banner.repeat', { every: everyText(t, r.repeatEveryMs), until: formatDateTime(r.expiresMs) }),
    ...(r.window ? [t('emergency.banner.window', { from: r.window.from, to: r.window.to })] : []),
    zones.length === 0 ? t('emergency.banner.zonesAll') : t('emergency.banner.zones', { zones: zones.join(', ') }),
    t('emergency.banner.aired', { count: r.airedAtMs.length }),
  ]
}

/** The bulletin the banner shows: not acknowledged, still to air (the newest issued first). */
export function bannerRecord(
  records: readonly EmergencyRecord[],
  countdownMs: number,
  airingId: string | null,
): { record: EmergencyRecord; phase: EmergencyPhase } | null {
  const live = records
    .filter((r) => r.ackedAtMs === null && (r.id === airingId || phaseOf(r, records, countdownMs).kind !== 'over'))
    .sort((a, b) => b.issuedAtMs - a.issuedAtMs)
  const record = live[0]
  return record ? { record, phase: phaseOf(record, records, countdownMs) } : null
}

export const nextText = (phase: EmergencyPhase): string | null =>
  phase.kind === 'over' ? null : formatTime(phase.dueMs, { seconds: true })
