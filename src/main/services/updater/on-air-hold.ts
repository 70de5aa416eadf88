/**
 * "Is the station on air?" as far as the main process can see today: whether the window is making
 * sound, held for a while after it stops, so the silence between two announcements of one session
 * (buổi phát) still counts as on air. Fed by Electron's `audio-state-changed`; pure otherwise.
 *
 * This is a stand-in until the renderer's playout reports its own state over the bridge; a
 * session that is scheduled but between items longer than `holdMs` reads as off air.
 */
export interface OnAirHoldOptions {
  /** How long after the last sound the station still counts as on air. Default 5 minutes. */
  holdMs?: number
  now?: () => number
}

export interface OnAirHold {
  note(isAudible: boolean): void
  isOnAir(): boolean
}

export function createOnAirHold({ holdMs = 300_000, now = Date.now }: OnAirHoldOptions = {}): OnAirHold {
  let isAudible = false
  let lastAudibleAt: number | null = null
  return {
    note(next) {
      if (isAudible || next) lastAudibleAt = now()
      isAudible = next
    },
    isOnAir: () => isAudible || (lastAudibleAt !== null && now() - lastAudibleAt < holdMs),
  }
}
