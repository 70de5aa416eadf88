/**
 * What fixes a refused change, per entity and reason (pure): the action the drawer offers next to
 * the translated reason. `resend` says whether "Gửi lại" makes sense after the fix — a change the
 * province keeps its own version of (read-only, cancelled by the province) is only acknowledged.
 */
export type FixKind =
  /** choose the schedule's clusters again (a cluster unknown or removed, or clusters shared with an overlapping schedule), then resend */
  | 'choose-clusters'
  /** change the day's schedule in Lịch phát (remove the program, move the item), then resend */
  | 'edit-schedule'
  /** send the officer's version again, on the province's latest (it changed meanwhile, or an item it needs has arrived since) */
  | 'resend'
  /** fix the cluster's code or details in Cụm loa, then resend */
  | 'edit-cluster'
  /** the province keeps its own version: nothing to send */
  | 'province-keeps'
  /** the province cancelled this schedule: place the items again in another session */
  | 'cancelled'

export interface Fix {
  kind: FixKind
  resend: boolean
}

export function fixFor(entity: string | undefined, reason: string): Fix {
  const fix = (kind: FixKind): Fix => ({ kind, resend: kind !== 'province-keeps' && kind !== 'cancelled' })
  switch (reason) {
    case 'unknown-cluster':
    case 'cluster-removed':
      return fix(entity === 'schedule' ? 'choose-clusters' : 'province-keeps')
    case 'schedule-overlap':
      return fix('choose-clusters')
    case 'program-not-found':
    case 'program-withdrawn':
    case 'program-not-valid':
      return fix('edit-schedule')
    case 'cancelled-by-province':
      return fix('cancelled')
    case 'read-only-entity':
      return fix('province-keeps')
    case 'already-exists':
      return fix(entity === 'cluster' ? 'edit-cluster' : 'province-keeps')
    case 'announcement-not-found':
    case 'version-conflict':
    case 'not-found':
    case 'gone':
    case 'invalid-mutation':
    case 'invalid-entry':
    default:
      return fix('resend')
  }
}
