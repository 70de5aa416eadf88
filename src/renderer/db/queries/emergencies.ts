/**
 * Emergency bulletins on this computer (v5 `emergencies`): the province's emergency programs
 * mirrored from `programs` after each pull, CAP alerts the officer imported, the officer's own;
 * each with what happened to it here (received, acknowledged, stopped, aired, its spoken audio).
 * Every write is one transaction: a bad import writes nothing.
 */
import type { EmergencyBulletin, EmergencyState } from '../../../shared/emergency/bulletin'
import { programToEmergency } from '../../../shared/emergency/from-program'
import type { DaixaDb } from '../database'
import type { EmergencyRow } from '../records'

const freshState = (nowMs: number): EmergencyState => ({
  receivedAtMs: nowMs,
  ackedAtMs: null,
  stoppedAtMs: null,
  stoppedBy: null,
  airedAtMs: [],
  spoken: null,
})

const stateOf = (row: EmergencyRow): EmergencyState => ({
  receivedAtMs: row.receivedAtMs,
  ackedAtMs: row.ackedAtMs,
  stoppedAtMs: row.stoppedAtMs,
  stoppedBy: row.stoppedBy,
  airedAtMs: row.airedAtMs,
  spoken: row.spoken,
})

/** The bulletin as given, with this computer's state of it kept (a new text drops the spoken copy). */
function merged(bulletin: EmergencyBulletin, existing: EmergencyRow | undefined, nowMs: number): EmergencyRow {
  if (!existing) return { ...bulletin, ...freshState(nowMs) }
  const state = stateOf(existing)
  return { ...bulletin, ...state, spoken: existing.text === bulletin.text ? state.spoken : null }
}

export function listEmergencies(db: DaixaDb): Promise<EmergencyRow[]> {
  return db.emergencies.orderBy('receivedAtMs').toArray()
}

/** A CAP alert or the officer's own bulletin; the same id again updates it (state kept). */
export async function putEmergency(db: DaixaDb, bulletin: EmergencyBulletin, nowMs: number): Promise<EmergencyRow> {
  return db.transaction('rw', db.emergencies, async () => {
    const row = merged(bulletin, await db.emergencies.get(bulletin.id), nowMs)
    await db.emergencies.put(row)
    return row
  })
}

/**
 * Mirrors the province's emergency programs (after a pull): new ones arrive (the banner and the
 * countdown start), changed ones update, and one withdrawn or gone stops.
 */
export async function mirrorProgramEmergencies(db: DaixaDb, nowMs: number): Promise<number> {
  return db.transaction('rw', db.programs, db.emergencies, async () => {
    const programs = await db.programs.where('priority').equals('emergency').toArray()
    const wanted = new Map<string, (typeof programs)[number]>(
      programs.flatMap((p) => (p.emergency ? [[`program:${p.id}`, p] as const] : [])),
    )
    let arrived = 0
    for (const [id, program] of wanted) {
      const bulletin = programToEmergency(program)
      const existing = await db.emergencies.get(id)
      if (!bulletin) {
        if (existing && existing.stoppedAtMs === null) await stopRow(db, existing, nowMs, 'cancel')
        continue
      }
      if (!existing) arrived += 1
      if (!existing || JSON.stringify({ ...existing, ...bulletin }) !== JSON.stringify(existing))
        await db.emergencies.put(merged(bulletin, existing, nowMs))
    }
    const mirrored = await db.emergencies.filter((r) => r.origin === 'province' && r.stoppedAtMs === null).toArray()
    for (const row of mirrored) if (!wanted.has(row.id)) await stopRow(db, row, nowMs, 'cancel')
    return arrived
  })
}

async function stopRow(db: DaixaDb, row: EmergencyRow, nowMs: number, by: 'officer' | 'cancel'): Promise<void> {
  await db.emergencies.update(row.id, { stoppedAtMs: nowMs, stoppedBy: by })
}

/** A CAP Cancel: the bulletins it names stop (unknown ids are ignored). */
export async function cancelEmergencies(db: DaixaDb, ids: readonly string[], nowMs: number): Promise<number> {
  return db.transaction('rw', db.emergencies, async () => {
    const rows = (await db.emergencies.bulkGet([...ids])).filter(
      (r): r is EmergencyRow => r !== undefined && r.stoppedAtMs === null,
    )
    for (const row of rows) await stopRow(db, row, nowMs, 'cancel')
    return rows.length
  })
}

export async function acknowledgeEmergency(db: DaixaDb, id: string, nowMs: number): Promise<void> {
  await db.emergencies.update(id, { ackedAtMs: nowMs })
}

export async function stopEmergency(db: DaixaDb, id: string, nowMs: number): Promise<void> {
  await db.transaction('rw', db.emergencies, async () => {
    const row = await db.emergencies.get(id)
    if (row && row.stoppedAtMs === null)
      await db.emergencies.update(id, { stoppedAtMs: nowMs, stoppedBy: 'officer', ackedAtMs: row.ackedAtMs ?? nowMs })
  })
}

/** An airing starts: recorded before it plays, so a crash mid-airing never replays it at once. */
export async function markAired(db: DaixaDb, id: string, atMs: number): Promise<void> {
  await db.transaction('rw', db.emergencies, async () => {
    const row = await db.emergencies.get(id)
    if (row) await db.emergencies.update(id, { airedAtMs: [...row.airedAtMs, atMs] })
  })
}

export async function setSpoken(db: DaixaDb, id: string, spoken: EmergencyRow['spoken']): Promise<void> {
  await db.emergencies.update(id, { spoken })
}
