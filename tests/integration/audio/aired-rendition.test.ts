/**
 * "What was approved is what airs": a take trimmed, faded and normalised is rendered (the app's
 * procedure on native ffmpeg, the same arguments), and from then on the library entry, the
 * schedule picker's length, the day's rundown item, the province's push and the upload all carry
 * the rendition's hash and length — not the raw 10 s source. Before it is rendered, the rundown
 * reports "not rendered" instead of airing the raw file, and approval waits for it.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { SPEECH_LIKE } from '../../fixtures/audio/make-corpus.mjs'
import { createDatabase, type DaixaDb } from '../../../src/renderer/db/database'
import {
  addRecordedAnnouncement,
  approveAnnouncement,
  requestApproval,
  saveEditList,
} from '../../../src/renderer/db/queries/announcements'
import { airAudioOf, attachRendition } from '../../../src/renderer/db/queries/renditions'
import { planDayFromDb, saveRule } from '../../../src/renderer/db/queries/schedule'
import { loadLibrary } from '../../../src/renderer/db/queries/schedule-library'
import { pendingMedia } from '../../../src/renderer/db/queries/sync-media'
import { renditionKey } from '../../../src/renderer/audio/renditions/rendition-key'
import { emptyEditList, type EditList } from '../../../src/shared/editor/edit-list'
import { normalizeList, renderListWav } from '../../../src/shared/editor/render-jobs'
import { dropDatabase, uniqueDbName } from '../../unit/renderer/db/migration-harness'
import { nativeRunner, type NativeRunner } from '../../unit/helpers/native-runner'
import { tempDirs } from '../../unit/helpers/temp-dir'

const run = promisify(execFile)
const dirs = tempDirs('daixa-aired-')
const DAY = '2026-11-23'
let dir = ''
let runner: NativeRunner
let db: DaixaDb

beforeAll(async () => {
  dir = await dirs.make()
  runner = nativeRunner(dir)
  // A 10 s take: quiet speech-like sound (about −30 LUFS), mono 44.1 kHz, the store's format.
  await run('/usr/bin/ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-t', '10', '-i', SPEECH_LIKE],
    ...['-af', 'volume=-12dB', '-ac', '1', '-ar', '44100', '-c:a', 'pcm_s16le', '-bitexact', join(dir, 'take.wav')],
  ])
}, 30_000)
afterAll(() => dirs.cleanup())
afterEach(async () => dropDatabase(db))

const sha256 = async (name: string) =>
  createHash('sha256')
    .update(await readFile(join(dir, name)))
    .digest('hex')
const wavMs = async (name: string) => (((await readFile(join(dir, name))).byteLength - 44) / 2 / 44_100) * 1000

async function loudnessOf(name: string): Promise<number> {
  const { stderr } = await run('/usr/bin/ffmpeg', [
    '-hide_banner',
    '-i',
    join(dir, name),
    '-af',
    'ebur128',
    '-f',
    'null',
    '-',
  ])
  return Number(/I:\s+(-?[\d.]+) LUFS/.exec(stderr.slice(stderr.lastIndexOf('Summary:')))?.[1])
}

async function takeInDb() {
  db = createDatabase(uniqueDbName('aired'))
  await db.open()
  const hash = await sha256('take.wav')
  return addRecordedAnnouncement(db, {
    ...{ hash, title: 'Thông báo tiêm chủng', durationMs: 10_000, sampleRate: 44_100, channels: 1 },
    ...{ sampleCount: 441_000, sizeBytes: 882_044, startedAt: '2026-11-20T00:00:00.000Z' },
  })
}

async function trimmedAndNormalised(sourceHash: string): Promise<EditList> {
  const list: EditList = {
    ...emptyEditList(sourceHash, 10_000),
    ops: [
      { kind: 'keep', startMs: 600, endMs: 9400 },
      { kind: 'fade', startMs: 0, endMs: 500, direction: 'in' },
      { kind: 'fade', startMs: 8300, endMs: 8800, direction: 'out' },
    ],
  }
  const normalized = await normalizeList({ runner, input: 'take.wav', list }, { targetLufs: -16, ceilingDbtp: -1 })
  return { ...list, processing: normalized.processing }
}

describe('the aired audio is the rendition', () => {
  it('gives the library, the picker, the rundown, the push and the upload the rendered hash and length', async () => {
    const a = await takeInDb()
    const list = await trimmedAndNormalised(a.mediaHash)
    await saveEditList(db, a.id, list)
    await saveRule(db, {
      ...{ id: 'r1', sessionId: 'sang', content: { kind: 'announcement', id: a.id }, priority: null, order: 0 },
      when: { kind: 'rule', dtstart: '2026-11-01', rrule: 'FREQ=DAILY' },
    })

    // Not rendered yet: nothing airs raw; the picker already shows the edited length.
    expect(airAudioOf((await db.announcements.get(a.id))!)).toEqual({ state: 'not-rendered', expectedDurationMs: 8800 })
    expect((await loadLibrary(db)).get(`announcement:${a.id}`)).toMatchObject({ mediaHash: null, durationMs: 8800 })
    const before = (await planDayFromDb(db, DAY)).find((p) => p.template.id === 'sang')
    expect(before?.rundown.items).toEqual([])
    expect(before?.problems).toMatchObject([{ kind: 'missing-media', reason: 'not-rendered' }])
    await requestApproval(db, a.id)
    await expect(approveAnnouncement(db, a.id, 'Chị Lan')).rejects.toMatchObject({ code: 'not-rendered' })

    // Rendered (the app's procedure, native ffmpeg) and attached.
    await renderListWav({ runner, input: 'take.wav', list }, 'rendition.wav')
    const file = { hash: await sha256('rendition.wav'), durationMs: await wavMs('rendition.wav'), sizeBytes: 1 }
    await attachRendition(db, a.id, list, await renditionKey(list), file)
    expect(Math.abs(file.durationMs - 8800)).toBeLessThan(1)
    expect(Math.abs((await loudnessOf('rendition.wav')) - -16)).toBeLessThanOrEqual(0.5)

    expect((await loadLibrary(db)).get(`announcement:${a.id}`)).toMatchObject({
      mediaHash: file.hash,
      durationMs: file.durationMs,
    })
    const planned = (await planDayFromDb(db, DAY)).find((p) => p.template.id === 'sang')
    expect(planned?.problems).toEqual([])
    expect(planned?.rundown.items).toMatchObject([{ targetId: a.id, mediaHash: file.hash, durationMs: 8800 }])

    // The province is told the rendition's hash and length, and only the rendition is uploaded.
    const pushes = (await db.outbox.where('[entity+entityId]').equals(['announcement', a.id]).toArray()).map(
      (e) => e.payload as Record<string, unknown>,
    )
    expect(pushes.at(-1)).toEqual({ mediaHash: file.hash, durationMs: file.durationMs })
    expect((await pendingMedia(db)).map((m) => m.hash)).toEqual([file.hash])

    // What is approved is what airs.
    await expect(approveAnnouncement(db, a.id, 'Chị Lan')).resolves.toMatchObject({ approval: 'approved' })
  }, 60_000)

  it('keeps the rendition for a marker, drops it (and the approval) when the audio changes', async () => {
    const a = await takeInDb()
    const list = await trimmedAndNormalised(a.mediaHash)
    await saveEditList(db, a.id, list)
    const file = { hash: 'e'.repeat(64), durationMs: 8800, sizeBytes: 1 }
    await attachRendition(db, a.id, list, await renditionKey(list), file)
    await requestApproval(db, a.id)
    await approveAnnouncement(db, a.id, 'Chị Lan')

    const marked = { ...list, markers: [{ id: 'm1', atMs: 1000, label: 'Đoạn 2' }] }
    expect(await saveEditList(db, a.id, marked)).toMatchObject({ approval: 'approved', rendition: { hash: file.hash } })

    const louder = { ...marked, processing: { ...marked.processing, normalizeGainDb: 3 } }
    expect(await saveEditList(db, a.id, louder)).toMatchObject({ approval: 'draft', rendition: null })
    expect(airAudioOf((await db.announcements.get(a.id))!).state).toBe('not-rendered')

    // A rendition made for the old list is cached but not attached to the new one.
    await attachRendition(db, a.id, list, await renditionKey(list), file)
    expect((await db.announcements.get(a.id))?.rendition).toBeNull()

    // Back to a list that changes nothing: the source airs again, and the province is told so.
    const plain = emptyEditList(a.mediaHash, 10_000)
    await saveEditList(db, a.id, plain)
    expect(airAudioOf((await db.announcements.get(a.id))!)).toMatchObject({ state: 'ready', hash: a.mediaHash })
    const last = (await db.outbox.orderBy('createdAt').last())?.payload as Record<string, unknown>
    expect(last).toMatchObject({ mediaHash: a.mediaHash, durationMs: 10_000 })
  }, 60_000)
})
