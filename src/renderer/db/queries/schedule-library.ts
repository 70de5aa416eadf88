/**
 * The library as the schedule planner sees it (src/shared/onair/placement.ts LibraryEntry):
 * announcements, bulletins, province programs and the stored jingles, each with what a
 * rundown item snapshots. Rows of other features are read through zod with defaults, since
 * bulletins and programs gain their media fields with their own features (editor, sync).
 */
import { z } from 'zod'
import { bulletinDuration } from '../../../shared/editor/bulletin'
import type { Announcement } from '../../../shared/model/announcement'
import { priorityClassSchema } from '../../../shared/model/common'
import { libraryKey, type LibraryEntry } from '../../../shared/onair/placement'
import type { SourceKind } from '../../../shared/reports/report-input'
import type { DaixaDb } from '../database'
import type { BulletinRow, ProgramRow } from '../records'
import { airAudioOf } from './renditions'

const msOf = (iso: string | null | undefined): number | null => {
  if (!iso) return null
  const ms = Date.parse(iso)
  return Number.isFinite(ms) ? ms : null
}

/**
 * An announcement as it airs: its rendition (or the source when its edit list changes nothing)
 * and that file's length. Not rendered yet: no file (the planner reports "not rendered") and the
 * length it will have, so the picker and the rundown never show the raw take's length.
 */
export function announcementEntry(a: Announcement): LibraryEntry {
  const air = airAudioOf(a)
  return {
    kind: 'announcement',
    id: a.id,
    title: a.title,
    mediaHash: air.state === 'ready' ? air.hash : null,
    durationMs: air.state === 'ready' ? air.durationMs : air.expectedDurationMs,
    priority: a.priority,
    language: a.language,
    contentKind: a.kind,
    category: a.category,
    source: 'own',
    validFromMs: msOf(a.validFrom),
    validToMs: msOf(a.validTo),
    madeAtMs: msOf(a.createdAt),
  }
}

/** Where a province program comes from, in the reports' words (NĐ 49/2024 Art. 9). */
const programSource: Record<NonNullable<ProgramRow['source']>, SourceKind> = {
  central: 'relay-national-radio',
  province: 'relay-provincial',
  district: 'relay-district',
}

export function programEntry(p: ProgramRow): LibraryEntry | null {
  if (p.status === 'withdrawn') return null
  return {
    kind: 'program',
    id: p.id,
    title: p.title,
    mediaHash: p.mediaHash ?? null,
    durationMs: p.durationMs ?? 0,
    priority: p.priority,
    language: p.language ?? 'vi',
    contentKind: 'program',
    category: '',
    source: p.source ? programSource[p.source] : 'relay-provincial',
    validFromMs: msOf(p.validFrom),
    validToMs: msOf(p.validTo),
  }
}

const hash = z.string().regex(/^[0-9a-f]{64}$/)

/**
 * The fields a bulletin row has once the bulletins feature renders it (`renderedHash`, see
 * queries/bulletins.ts). No rendered file = "not rendered".
 */
const bulletinRowSchema = z.object({
  id: z.string(),
  title: z.string(),
  renderedHash: hash.nullable().catch(null).default(null),
  rendered: z
    .object({ format: z.enum(['wav', 'mp3']), durationMs: z.number().nonnegative() })
    .nullable()
    .catch(null)
    .default(null),
  priority: priorityClassSchema.catch('normal').default('normal'),
  language: z.string().catch('vi').default('vi'),
  category: z.string().catch('').default(''),
  createdAt: z.string().optional().catch(undefined),
  updatedAt: z.string().optional().catch(undefined),
})

export function bulletinEntry(row: BulletinRow, durationOf: (hash: string) => number | undefined): LibraryEntry | null {
  const parsed = bulletinRowSchema.safeParse(row)
  if (!parsed.success) return null
  const { renderedHash, rendered, createdAt, updatedAt, ...b } = parsed.data
  // What airs is the bulletin's master WAV (an MP3 kept by an older version cannot be played out).
  const airHash = rendered?.format === 'mp3' ? null : renderedHash
  return {
    ...b,
    kind: 'bulletin',
    mediaHash: airHash,
    // The master has no media-asset row of its own: its recorded length, else its parts'.
    durationMs:
      airHash === null ? 0 : (rendered?.durationMs ?? durationOf(airHash) ?? bulletinDuration(row.parts ?? [])),
    contentKind: 'program',
    source: 'own',
    validFromMs: null,
    validToMs: null,
    // a "newest bulletin" slot goes by when the bulletin was made
    madeAtMs: msOf(createdAt ?? updatedAt),
  }
}

/** Jingles the bulletins feature keeps in the settings table (`bulletins.jingle.<name>` → { hash, durationMs }). */
const JINGLE_PREFIX = 'bulletins.jingle.'
const storedJingleSchema = z.object({ hash, durationMs: z.number().positive() })

export function jingleEntry(key: string, value: unknown): LibraryEntry | null {
  const jingle = storedJingleSchema.safeParse(value)
  if (!jingle.success) return null
  const name = key.slice(JINGLE_PREFIX.length)
  return {
    kind: 'jingle',
    id: name,
    title: name,
    mediaHash: jingle.data.hash,
    durationMs: jingle.data.durationMs,
    priority: 'normal',
    language: 'vi',
    contentKind: 'program',
    category: '',
    source: 'own',
    validFromMs: null,
    validToMs: null,
  }
}

export async function loadLibrary(db: DaixaDb): Promise<Map<string, LibraryEntry>> {
  const [announcements, programs, bulletins, assets, jingles] = await Promise.all([
    db.announcements.toArray(),
    db.programs.toArray(),
    db.bulletins.toArray(),
    db.mediaAssets.toArray(),
    db.settings.where('key').startsWith(JINGLE_PREFIX).toArray(),
  ])
  const durations = new Map(assets.map((a) => [a.hash, a.durationMs]))
  const entries: LibraryEntry[] = [
    ...announcements.map(announcementEntry),
    ...programs.flatMap((p) => programEntry(p) ?? []),
    ...bulletins.flatMap((b) => bulletinEntry(b, (h) => durations.get(h)) ?? []),
    ...jingles.flatMap((j) => jingleEntry(j.key, j.value) ?? []),
  ]
  return new Map(entries.map((e) => [libraryKey(e.kind, e.id), e]))
}
