/**
 * The commune's own emergency (pure): a library item — a recording or a notice typed for the
 * offline voice — aired like a province one, repeated every N minutes until it expires. Its audio
 * is what airs for the item (the rendition of an edited take, else its source).
 */
import { emergencyBulletinSchema, type EmergencyBulletin } from '../../../shared/emergency/bulletin'
import type { Announcement } from '../../../shared/model/announcement'

export interface OwnEmergencyChoice {
  repeatEveryMin: number
  expiresInHours: number
}

export function ownEmergency(
  a: Announcement,
  choice: OwnEmergencyChoice,
  id: string,
  nowMs: number,
): EmergencyBulletin {
  return emergencyBulletinSchema.parse({
    id: `own:${id}`,
    origin: 'own',
    title: a.title,
    text: null,
    mediaHash: a.rendition?.hash ?? a.mediaHash,
    durationMs: Math.max(1, Math.round(a.rendition?.durationMs ?? a.durationMs)),
    language: a.language,
    senderName: '',
    issuedAtMs: nowMs,
    onsetMs: nowMs,
    expiresMs: nowMs + Math.round(choice.expiresInHours * 3_600_000),
    repeatEveryMs: Math.round(choice.repeatEveryMin * 60_000),
    window: null,
    zones: { clusterIds: [], dtmfCodes: [], relayChannels: [] },
    replaces: [],
    isActual: true,
  })
}
