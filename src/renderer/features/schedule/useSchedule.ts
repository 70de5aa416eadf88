/**
 * The Lịch phát screen's data for one date, live from Dexie: the planned sessions (with what was
 * left out and why), the day's policy violations, the library to pick from, and the actions
 * (place an item once or by rule, remove, move, preview what a placement would cause).
 */
import { useLiveQuery } from 'dexie-react-hooks'
import { useCallback } from 'react'
import type { Placement } from '../../../shared/onair/placement'
import { planDay } from '../../../shared/onair/plan-day'
import { checkDay, previewPlacement, type StationPolicy, type Violation } from '../../../shared/onair/policy'
import type { RundownItem } from '../../../shared/onair/rundown'
import type { SessionTemplate } from '../../../shared/onair/session'
import { addDays, localDateAt, type LocalDate } from '../../../shared/onair/station-time'
import { assertPlaysFrom } from '../../../shared/onair/when-guard'
import { appDatabase } from '../../db/database'
import {
  deleteRule,
  listSchedules,
  loadPolicy,
  loadRundownSources,
  saveRule,
  savePolicy,
  saveSession,
  setDayEntries,
} from '../../db/queries/schedule'
import type { ClusterChoice } from '../../db/queries/schedule-clusters'
import { deleteSession } from '../../db/queries/schedule-fill'
import { provinceSessions } from '../../db/queries/session-map'
import { isProvinceWithoutAudio } from './violation-groups'

const PREVIEW_DAYS = 31

/** What the screen reads for one date (after every change, through the live query). */
export async function loadDay(date: LocalDate) {
  const db = appDatabase()
  const [sources, policy, province] = await Promise.all([
    loadRundownSources(db, date, date),
    loadPolicy(db),
    provinceSessions(db),
  ])
  // a province program this computer has no audio for is shown in its session, not as a breach
  const violations = checkDay(date, sources, policy).filter((v) => !isProvinceWithoutAudio(v))
  const provinceLabels = new Map(province.map((p) => [p.id, p.label ? `${p.label} (${p.id})` : p.id]))
  return { planned: planDay(date, sources), violations, sources, policy, provinceLabels }
}

export type ScheduleDay = Awaited<ReturnType<typeof loadDay>>

/** Whether the province placed this item (its schedule is read-only here). */
export function isProvinceItem(day: ScheduleDay, item: RundownItem, date: LocalDate): boolean {
  return placementOf(day, item, date)?.origin === 'province'
}

/** Where a rundown item came from: a rule (every occurrence) or this day's schedule. */
export function placementOf(day: ScheduleDay, item: RundownItem, date: LocalDate): Placement | null {
  return day.sources.placements.find((p) => `${p.id}@${date}` === item.id) ?? null
}

/** The station's own one-off placements of a session on a date (the province's are not ours to write). */
async function dayEntries(date: LocalDate, sessionId: string): Promise<Placement[]> {
  const all = await listSchedules(appDatabase(), date, date)
  return all.filter((p) => p.sessionId === sessionId && p.origin !== 'province')
}

async function writeDay(
  date: LocalDate,
  sessionId: string,
  placements: Placement[],
  clusters?: ClusterChoice,
): Promise<void> {
  const entries = placements.map(({ id, content, priority, order }) => ({ id, content, priority, order }))
  await setDayEntries(appDatabase(), date, sessionId, entries, new Date(), clusters ? { clusters } : {})
}

/**
 * Saves a placement: a one-off joins the day's schedule of its session (with the clusters it plays
 * on, when given; else they stay as they were), a rule is stored as it is.
 */
export async function place(placement: Placement, clusters?: ClusterChoice): Promise<void> {
  if (placement.when.kind === 'rule') return saveRule(appDatabase(), placement)
  const { date } = placement.when
  const others = (await dayEntries(date, placement.sessionId)).filter((p) => p.id !== placement.id)
  await writeDay(date, placement.sessionId, [...others, placement], clusters)
}

/** A new placement: refused (PastDateError) when it would never play from today on. */
async function add(placement: Placement, clusters?: ClusterChoice): Promise<void> {
  assertPlaysFrom(placement.when, localDateAt(Date.now()))
  await place(placement, clusters)
}

async function remove(placement: Placement): Promise<void> {
  if (placement.when.kind === 'rule') return deleteRule(appDatabase(), placement.id)
  const { date } = placement.when
  const rest = (await dayEntries(date, placement.sessionId)).filter((p) => p.id !== placement.id)
  await writeDay(date, placement.sessionId, rest)
}

/** Swaps the officer's order of two neighbouring placements (each saved where it lives). */
async function swapOrder(a: Placement, b: Placement): Promise<void> {
  const [orderA, orderB] = a.order === b.order ? [b.order + 1, a.order] : [b.order, a.order]
  await place({ ...a, order: orderA })
  await place({ ...b, order: orderB })
}

export function useSchedule(date: LocalDate) {
  const day = useLiveQuery(() => loadDay(date), [date])

  const preview = useCallback(
    async (draft: Placement): Promise<Violation[]> => {
      const db = appDatabase()
      const from = draft.when.kind === 'once' ? draft.when.date : draft.when.dtstart
      const start = from > date ? from : date
      const [sources, policy] = await Promise.all([
        loadRundownSources(db, start, addDays(start, PREVIEW_DAYS)),
        loadPolicy(db),
      ])
      return previewPlacement(draft, sources, policy, start, PREVIEW_DAYS)
    },
    [date],
  )

  const saveSessionTemplate = useCallback((t: SessionTemplate) => saveSession(appDatabase(), t), [])
  const saveStationPolicy = useCallback((p: StationPolicy) => savePolicy(appDatabase(), p), [])
  const removeSession = useCallback((id: string) => deleteSession(appDatabase(), id), [])

  return {
    day: day ?? null,
    place,
    add,
    remove,
    swapOrder,
    preview,
    saveSessionTemplate,
    saveStationPolicy,
    removeSession,
  }
}
