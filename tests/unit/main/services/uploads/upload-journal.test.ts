import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openUploadJournal } from '../../../../../src/main/services/uploads/upload-journal'
import { collectingLogger } from '../../../helpers/collecting-logger'
import { tempDirs } from '../../../helpers/temp-dir'

const dirs = tempDirs('daixa-uploads-')
const HASH = 'b'.repeat(64)

describe('main/services/uploads/upload-journal', () => {
  it('keeps the upload URL and confirmed offset across a reopen', async () => {
    const path = join(await dirs.make(), 'uploads.json')
    const journal = await openUploadJournal(path, collectingLogger())
    await journal.update(HASH, { uploadUrl: 'http://127.0.0.1:9/files/abc', size: 100, state: 'running' })
    await journal.update(HASH, { confirmedBytes: 40 })
    const again = await openUploadJournal(path, collectingLogger())
    expect(again.get(HASH)).toMatchObject({ uploadUrl: 'http://127.0.0.1:9/files/abc', confirmedBytes: 40, size: 100 })
  })

  it('sets a damaged journal aside and starts empty when the file is not valid', async () => {
    const dir = await dirs.make()
    const path = join(dir, 'uploads.json')
    await writeFile(path, '{"version":1,"uploads":{"x":')
    const log = collectingLogger()
    const journal = await openUploadJournal(path, log)
    expect(journal.list()).toEqual([])
    expect((await readdir(dir)).some((n) => n.startsWith('uploads.json.damaged-'))).toBe(true)
    await journal.update(HASH, { size: 5 })
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ version: 1, uploads: { [HASH]: { size: 5 } } })
  })

  it('refuses an entry that breaks the schema instead of writing it', async () => {
    const journal = await openUploadJournal(join(await dirs.make(), 'uploads.json'), collectingLogger())
    await expect(journal.update(HASH, { confirmedBytes: -1 })).rejects.toThrow()
    expect(journal.get(HASH)).toBeUndefined()
  })
})
