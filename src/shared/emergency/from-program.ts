/**
 * A province program with priority `emergency` and `emergency` info (Province API v1, additive)
 * as a station bulletin: onset = validFrom, expiry = validTo; the program's audio by its
 * mediaHash when the media store has it, else its text read by the offline voice.
 */
import type { EmergencyInfo } from '../province/emergency'
import { emergencyBulletinSchema, type EmergencyBulletin } from './bulletin'

export interface EmergencyProgram {
  id: string
  title: string
  priority: string
  status?: 'active' | 'withdrawn'
  language?: string
  validFrom: string | null
  validTo: string | null
  mediaHash?: string | null
  durationMs?: number | null
  text?: string | null
  emergency?: EmergencyInfo | null
}

export const programEmergencyId = (programId: string): string => `program:${programId}`

/** null: not an emergency program, withdrawn, or nothing to air (no audio, no text). */
export function programToEmergency(program: EmergencyProgram): EmergencyBulletin | null {
  const info = program.emergency
  if (program.priority !== 'emergency' || !info || program.status === 'withdrawn') return null
  const issuedAtMs = Date.parse(info.issuedAt)
  const parsed = emergencyBulletinSchema.safeParse({
    id: programEmergencyId(program.id),
    origin: 'province',
    title: program.title,
    text: program.text ?? null,
    mediaHash: program.mediaHash ?? null,
    durationMs: program.durationMs ?? null,
    language: program.language ?? 'vi',
    senderName: '',
    issuedAtMs,
    onsetMs: program.validFrom ? Date.parse(program.validFrom) : issuedAtMs,
    expiresMs: program.validTo ? Date.parse(program.validTo) : null,
    repeatEveryMs: info.repeatEverySec * 1000,
    window: info.window,
    zones: info.zones,
    replaces: info.replaces.map(programEmergencyId),
    isActual: info.status === 'actual',
  })
  if (!parsed.success) return null
  return parsed.data.text === null && parsed.data.mediaHash === null ? null : parsed.data
}
