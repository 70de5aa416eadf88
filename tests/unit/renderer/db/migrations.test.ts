import { afterEach, describe, expect, it } from 'vitest'
import { createDatabase, type DaixaDb } from '../../../../src/renderer/db/database'
import { latestVersion, schemaHistory } from '../../../../src/renderer/db/schema'
import { dropDatabase, migrateFrom, uniqueDbName } from './migration-harness'

const expectedTables = [
  'station',
  'announcements',
  'mediaAssets',
  'programs',
  'schedules',
  'devices',
  'deviceEvents',
  'playLog',
  'outbox',
  'syncState',
  'rejections',
  'settings',
  'hardware',
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
      await v1.devices.add({
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
    expect(await db.devices.where('code').equals('CL-01').count()).toBe(1)
    expect((await db.settings.get('ui.lastScreen'))?.value).toBe('library')
  })

  it('rejects a second cluster with the same code when the unique index holds', async () => {
    const db = createDatabase(uniqueDbName('unique'))
    opened.push(db)
    const cluster = { name: 'x', hamlet: 'h', technology: 'fm' as const, status: 'working' as const, serverVersion: 1 }
    await db.devices.add({ id: 'a', code: 'CL-9', ...cluster })
    await expect(db.devices.add({ id: 'b', code: 'CL-9', ...cluster })).rejects.toThrow()
  })
})
