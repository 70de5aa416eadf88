/** The province's answer to our own change (push), applied by `applyPushAnswer`. */
import { afterEach, describe, expect, it } from 'vitest'
import { createDatabase, type DaixaDb } from '../../../../src/renderer/db/database'
import { registerCluster } from '../../../../src/renderer/db/queries/clusters'
import { applyPushAnswer, syncTables } from '../../../../src/renderer/db/queries/sync-apply'
import type { Cluster } from '../../../../src/shared/province/entities'
import { dropDatabase, uniqueDbName } from '../db/migration-harness'

const at = '2026-11-23T01:00:00.000Z'

let db: DaixaDb
afterEach(async () => dropDatabase(db))

async function withRegisteredCluster(): Promise<string> {
  db = createDatabase(uniqueDbName('push-answer'))
  await db.open()
  const row = await registerCluster(db, {
    code: 'MOI-01',
    name: 'Cụm loa ấp Mới',
    hamlet: 'Ấp Mới',
    technology: 'fm',
    address: 'Sân nhà văn hóa',
  })
  await db.outbox.clear()
  return row.id
}

const registered = (id: string, status: Cluster['status']): Cluster => ({
  entity: 'cluster',
  id,
  version: 1,
  updatedAt: at,
  code: 'MOI-01',
  name: 'Cụm loa ấp Mới',
  hamlet: 'Ấp Mới',
  technology: 'fm',
  status,
  latitude: null,
  longitude: null,
})

// An async scope, as the push step's: Dexie keeps the transaction open across the awaits inside.
const inTx = (fn: () => Promise<void>) =>
  db.transaction('rw', syncTables(db), async () => {
    await fn()
  })

describe('db/queries/sync-apply applyPushAnswer', () => {
  it('keeps the status the officer reported since when a cluster registration is applied', async () => {
    const id = await withRegisteredCluster()
    await db.clusters.update(id, { status: 'faulty' })
    await inTx(() => applyPushAnswer(db, 'cluster', id, registered(id, 'working'), { status: 'applied', version: 1 }))
    expect(await db.clusters.get(id)).toMatchObject({
      origin: 'province',
      serverVersion: 1,
      status: 'faulty',
      address: 'Sân nhà văn hóa',
    })
  })

  it('keeps the officer’s row when a cluster registration is refused (the province holds no such cluster)', async () => {
    const id = await withRegisteredCluster()
    await inTx(() => applyPushAnswer(db, 'cluster', id, null, { status: 'rejected' }))
    expect(await db.clusters.get(id)).toMatchObject({ origin: 'commune', serverVersion: null, code: 'MOI-01' })
  })
})
