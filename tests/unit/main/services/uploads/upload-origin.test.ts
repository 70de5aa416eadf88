import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openUploadJournal } from '../../../../../src/main/services/uploads/upload-journal'
import { createUploadService } from '../../../../../src/main/services/uploads/upload-service'
import { collectingLogger } from '../../../helpers/collecting-logger'
import { tempDirs } from '../../../helpers/temp-dir'

const dirs = tempDirs('daixa-upload-origin-')
const HASH = 'c'.repeat(64)
const servers: Server[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections()
    await new Promise<void>((resolve) => s.close(() => resolve()))
  }
})

/** A tus server that names its uploads on `location`; counts every request by method. */
async function tusServer(location: (port: number) => string) {
  const seen: string[] = []
  const server = createServer((req, res) => {
    seen.push(req.method ?? '')
    let received = 0
    req.on('data', (chunk: Buffer) => (received += chunk.length))
    req.on('end', () => {
      const port = (server.address() as AddressInfo).port
      if (req.method === 'POST') res.writeHead(201, { Location: location(port), 'Tus-Resumable': '1.0.0' }).end()
      else res.writeHead(204, { 'Upload-Offset': String(received), 'Tus-Resumable': '1.0.0' }).end()
    })
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen }
}

async function service() {
  const dir = await dirs.make()
  await writeFile(join(dir, `${HASH}.wav`), Buffer.alloc(4096, 1))
  const journal = await openUploadJournal(join(dir, 'uploads.json'), collectingLogger())
  const uploads = createUploadService({
    journal,
    pathOf: (hash) => join(dir, `${hash}.wav`),
    onProgress: () => undefined,
    log: collectingLogger(),
  })
  return { uploads, journal }
}

describe('main/services/uploads/upload-service origins', () => {
  it('stops, sending no byte, when the server names an upload URL on another origin', async () => {
    const tus = await tusServer((port) => `http://localhost:${port}/files/elsewhere`)
    const { uploads, journal } = await service()
    const run = uploads.run(HASH, { endpoint: `${tus.url}/files`, headers: {}, metadata: {} })
    await expect(run).rejects.toMatchObject({ code: 'forbidden' })
    expect(tus.seen).toEqual(['POST'])
    expect(journal.get(HASH)?.uploadUrl ?? null).toBeNull()
    await uploads.stop()
  })

  it('does not resume a stored upload URL of another origin: it creates a new upload at the endpoint', async () => {
    const tus = await tusServer((port) => `http://127.0.0.1:${port}/files/new`)
    const { uploads, journal } = await service()
    await journal.update(HASH, { uploadUrl: 'http://127.0.0.2:9/files/old', size: 4096, state: 'running' })
    await uploads.run(HASH, { endpoint: `${tus.url}/files`, headers: {}, metadata: {} })
    expect(tus.seen).toEqual(['POST', 'PATCH'])
    expect(journal.get(HASH)).toMatchObject({ uploadUrl: `${tus.url}/files/new`, state: 'complete' })
    await uploads.stop()
  })
})
