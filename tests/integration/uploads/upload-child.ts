/**
 * The upload service alone in a process, for the kill test: `node upload-child.js '<json>'` uploads
 * one file and prints `confirmed <bytes>` whenever the province confirms more. The test kills it
 * with SIGKILL mid-upload, as a power cut or a crash would.
 */
import { openUploadJournal } from '../../../src/main/services/uploads/upload-journal'
import { createUploadService } from '../../../src/main/services/uploads/upload-service'
import type { UploadTarget } from '../../../src/shared/ipc/uploads'

interface ChildArgs {
  journalPath: string
  filePath: string
  hash: string
  target: UploadTarget
}

const args = JSON.parse(process.argv[2] ?? '{}') as ChildArgs
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined }
let lastConfirmed = -1
const service = createUploadService({
  journal: await openUploadJournal(args.journalPath, quiet),
  pathOf: () => args.filePath,
  onProgress: ({ confirmedBytes }) => {
    if (confirmedBytes === lastConfirmed) return
    lastConfirmed = confirmedBytes
    process.stdout.write(`confirmed ${confirmedBytes}\n`)
  },
  log: quiet,
  chunkBytes: 256 * 1024,
})
await service.run(args.hash, args.target)
process.stdout.write('done\n')
