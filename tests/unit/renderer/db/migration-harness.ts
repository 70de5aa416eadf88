/**
 * Harness for schema migrations: open a database at version N, seed it, close it, open it at the
 * latest version (running every upgrade in between) and hand it back for assertions. Each new
 * schema version adds a case to migrations.test.ts using `migrateFrom`.
 */
import { Dexie } from 'dexie'
import { createDatabase, type DaixaDb } from '../../../../src/renderer/db/database'

let counter = 0

export const uniqueDbName = (label: string): string => `daixa-test-${label}-${process.pid}-${++counter}`

export async function migrateFrom(
  fromVersion: number,
  seed: (db: DaixaDb) => Promise<void>,
  toVersion?: number,
): Promise<DaixaDb> {
  const name = uniqueDbName(`v${fromVersion}`)
  const old = createDatabase(name, fromVersion)
  await old.open()
  await seed(old)
  old.close()
  const current = createDatabase(name, toVersion)
  await current.open()
  return current
}

export async function dropDatabase(db: DaixaDb): Promise<void> {
  db.close()
  await Dexie.delete(db.name)
}
