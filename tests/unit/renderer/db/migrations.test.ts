import { afterEach, describe, expect, it } from 'vitest'
import { createDatabase, type DaixaDb } from '../../../../src/renderer/db/database'
import { latestVersion, schemaHistory } from '../../../../src/renderer/db/schema'
import { dropDatabase, migrateFrom, uniqueDbName } from './migration-harness'

const expectedTables = [
  'station',
  'announcements',
  'mediaAssets',
  'programs',
  'emergencies',
  'schedules',
  'clusters',
  'clusterEvents',
  'sessions',
  'scheduleRules',
  'bulletins',
  'playLog',
  'outbox',
  'syncState',
  'rejections',
  'settings',
  'hardware',
  'renditions',
]

const opened: DaixaDb[] = []
afterEach(async () => {
  for (const db of opened.splice(0)) await dropDatabase(db)
})

describe('db/schema', () => {
  it('declares versions in increasing order with no gaps', () => {
    schemaHistory.forEach((step, i) => expect(step.version).toBe(i + 1))
  })

  it('opens a fresh database at the latest version with every table of the design', async () => {
    const db = createDatabase(uniqueDbName('fresh'))
    opened.push(db)
    await db.open()
    expect(db.verno).toBe(latestVersion())
    expect(db.tables.map((t) => t.name).sort()).toEqual([...expectedTables].sort())
  })

  it('keys synced tables by string ids, never auto-increment', () => {
    for (const step of schemaHistory) {
      for (const spec of Object.values(step.stores)) expect(spec ?? '').not.toMatch(/^\+\+/)
    }
  })

  it('keeps every v1 row when reopened at the latest version', async () => {
    const db = await migrateFrom(1, async (v1) => {
      await v1.station.put({
        id: 'station',
        communeName: 'Xã A',
        provinceName: 'Tỉnh B',
        licence: null,
        frequencyMHz: 54.5,
      })
      await v1.table('devices').add({
        id: '01a20000-0000-7000-8000-000000000001',
        code: 'CL-01',
        name: 'Cụm loa ấp 1',
        hamlet: 'Ấp 1',
        technology: 'wired',
        status: 'working',
        serverVersion: 3,
      })
      await v1.settings.put({ key: 'ui.lastScreen', value: 'library' })
    })
    opened.push(db)
    expect(db.verno).toBe(latestVersion())
    expect((await db.station.get('station'))?.communeName).toBe('Xã A')
    expect(await db.clusters.where('code').equals('CL-01').count()).toBe(1)
    expect((await db.settings.get('ui.lastScreen'))?.value).toBe('library')
  })

  it('rejects a second cluster with the same code when the unique index holds', async () => {
    const db = createDatabase(uniqueDbName('unique'))
    opened.push(db)
    const cluster = {
      name: 'x',
      hamlet: 'h',
      technology: 'fm' as const,
      status: 'working' as const,
      address: '',
      latitude: null,
      longitude: null,
      yearInstalled: null,
      origin: 'commune' as const,
      serverVersion: null,
    }
    await db.clusters.add({ id: 'a', code: 'CL-9', ...cluster })
    await expect(db.clusters.add({ id: 'b', code: 'CL-9', ...cluster })).rejects.toThrow()
  })

  it('moves v1 clusters and their events to the v2 tables and fills the new fields', async () => {
    const db = await migrateFrom(1, async (v1) => {
      await v1.table('devices').add({
        id: 'cl-1',
        code: 'CL-01',
        name: 'Cụm loa ấp 1',
        hamlet: 'Ấp 1',
        technology: 'fm',
        status: 'faulty',
        serverVersion: 2,
      })
      await v1
        .table('deviceEvents')
        .add({ id: 'ev-1', deviceId: 'cl-1', at: '2025-01-02T03:04:05.000Z', kind: 'note', note: 'rỉ sét' })
      await v1.playLog.add({
        id: 'pl-1',
        itemId: 'a-1',
        plannedStart: '2025-01-02T00:00:00.000Z',
        actualStart: '2025-01-02T00:00:01.000Z',
        actualEnd: '2025-01-02T00:05:00.000Z',
        outcome: 'played',
      } as never)
      await v1.announcements.add({
        id: 'an-1',
        title: 'Tiêm chủng',
        kind: 'notice',
        language: 'vi',
        priority: 'normal',
        approval: 'draft',
        source: 'recording',
        mediaHash: 'a'.repeat(64),
        durationMs: 1000,
        createdAt: '2025-01-01T00:00:00.000Z',
        updatedAt: '2025-01-01T00:00:00.000Z',
      } as never)
    })
    opened.push(db)
    expect(await db.clusters.get('cl-1')).toMatchObject({
      code: 'CL-01',
      status: 'faulty',
      origin: 'province',
      latitude: null,
    })
    expect(await db.clusterEvents.where('clusterId').equals('cl-1').toArray()).toEqual([
      { id: 'ev-1', clusterId: 'cl-1', at: '2025-01-02T03:04:05.000Z', kind: 'note', status: null, note: 'rỉ sét' },
    ])
    expect(await db.playLog.get('pl-1')).toMatchObject({
      source: 'own',
      contentKind: 'notice',
      language: 'vi',
      category: '',
      priority: 'normal',
    })
    expect(await db.announcements.get('an-1')).toMatchObject({ category: '', author: null, approvedBy: null })
    expect(db.tables.map((t) => t.name)).not.toContain('devices')
  })

  it('adds the renditions cache in v4 and keeps announcements as they were (not rendered: no field)', async () => {
    const row = {
      id: 'an-4',
      title: 'Thông báo họp',
      kind: 'notice',
      language: 'vi',
      priority: 'normal',
      approval: 'approved',
      source: 'recording',
      mediaHash: 'b'.repeat(64),
      durationMs: 10_000,
      category: '',
      author: null,
      validFrom: null,
      validTo: null,
      approvedBy: 'Chị Lan',
      approvedAt: '2025-01-01T00:00:00.000Z',
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    }
    const db = await migrateFrom(3, async (v3) => {
      await v3.announcements.add(row as never)
    })
    opened.push(db)
    expect(db.verno).toBe(latestVersion())
    expect(await db.announcements.get('an-4')).toEqual(row)
    expect(await db.renditions.count()).toBe(0)
    await db.renditions.put({
      key: 'c'.repeat(64),
      sourceHash: row.mediaHash,
      hash: 'd'.repeat(64),
      durationMs: 8800,
      sizeBytes: 776_204,
      createdAt: '2025-01-02T00:00:00.000Z',
      usedAt: '2025-01-02T00:00:00.000Z',
    })
    expect(await db.renditions.where('sourceHash').equals(row.mediaHash).count()).toBe(1)
  })

  it('adds the emergencies table in v5 and keeps the renditions cache', async () => {
    const cached = {
      key: 'e'.repeat(64),
      sourceHash: 'f'.repeat(64),
      hash: 'a'.repeat(64),
      durationMs: 1000,
      sizeBytes: 88_244,
      createdAt: '2025-01-02T00:00:00.000Z',
      usedAt: '2025-01-02T00:00:00.000Z',
    }
    const db = await migrateFrom(4, async (v4) => {
      await v4.renditions.put(cached)
    })
    opened.push(db)
    expect(db.verno).toBe(latestVersion())
    expect(await db.renditions.get(cached.key)).toEqual(cached)
    expect(await db.emergencies.count()).toBe(0)
    await db.emergencies.put({
      id: 'cap:kttv,1',
      origin: 'cap',
      title: 'Bão số 3',
      text: 'Bão mạnh',
      mediaHash: null,
      durationMs: null,
      language: 'vi',
      senderName: 'Đài KTTV',
      issuedAtMs: 1,
      onsetMs: 1,
      expiresMs: 2,
      repeatEveryMs: 60_000,
      window: null,
      zones: { clusterIds: [], dtmfCodes: [], relayChannels: [] },
      replaces: [],
      isActual: true,
      receivedAtMs: 5,
      ackedAtMs: null,
      stoppedAtMs: null,
      stoppedBy: null,
      airedAtMs: [],
      spoken: null,
    })
    expect(await db.emergencies.where('receivedAtMs').above(4).count()).toBe(1)
  })
})
