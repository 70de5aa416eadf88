/**
 * The main side of the bridge, in-process: the real province account and upload service over a
 * temporary data folder, answering the same channels the renderer calls. No window, no WebSocket.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Channel, CommandInput, CommandOutput, EventPayload } from '../../../../../src/shared/ipc/contract'
import { createLogger } from '../../../../../src/main/services/logger'
import { createProvinceAccount, ownerOnlyFileSealer } from '../../../../../src/main/services/province/province-account'
import { createProvinceHttp } from '../../../../../src/main/services/province/province-http'
import { provinceUploadTarget } from '../../../../../src/main/services/province/province-upload-target'
import { openUploadJournal } from '../../../../../src/main/services/uploads/upload-journal'
import { createUploadService } from '../../../../../src/main/services/uploads/upload-service'
import { ServiceError } from '../../../../../src/shared/result'
import { openOperationLog, type OperationLog } from '../../../../../src/main/services/oplog/operation-log'
import type { BridgeCall, BridgeOn } from '../../../../../src/renderer/sync/app/bridge-port'

type ProgressListener = (p: EventPayload<'uploads:progress'>) => void

export interface MainBridge {
  call: BridgeCall
  on: BridgeOn
  dataDir: string
  /** The station's operation log (main's real one). */
  oplog: OperationLog
  /** Puts bytes in the media store under their hash. */
  addMedia(hash: string, bytes: Uint8Array): Promise<void>
  close(): Promise<void>
}

export async function startMainBridge(): Promise<MainBridge> {
  const dataDir = await mkdtemp(join(tmpdir(), 'daixa-main-bridge-'))
  const log = createLogger(() => undefined)
  const listeners = new Set<ProgressListener>()
  const pathOf = (hash: string): string => join(dataDir, `${hash}.wav`)
  const province = createProvinceAccount(dataDir, ownerOnlyFileSealer, log)
  const uploads = createUploadService({
    journal: await openUploadJournal(join(dataDir, 'uploads.json'), log),
    pathOf,
    onProgress: (p) => listeners.forEach((l) => l(p)),
    log,
    chunkBytes: 64 * 1024,
  })
  const http = createProvinceHttp(province)
  const oplog = await openOperationLog({ dir: join(dataDir, 'oplog'), log })
  const handlers: Partial<Record<Channel, (input: never) => Promise<unknown>>> = {
    'province:http': (i: CommandInput<'province:http'>) => http(i),
    'province:connection': () => province.connection(),
    'province:setServer': (i: CommandInput<'province:setServer'>) => province.setServer(i.serverUrl),
    'province:signOut': () => province.signOut(),
    'oplog:unsent': async (i: CommandInput<'oplog:unsent'>) => ({ entries: await oplog.unsent(i.limit) }),
    'oplog:markSent': async (i: CommandInput<'oplog:markSent'>) => {
      await oplog.markSent(i.upToSeq)
      return {}
    },
    'uploads:run': async (i: CommandInput<'uploads:run'>) =>
      uploads.run(i.hash, await provinceUploadTarget(i.target, province)),
  }
  const call = async <C extends Channel>(channel: C, input: CommandInput<C>): Promise<CommandOutput<C>> => {
    const handler = handlers[channel] as ((i: CommandInput<C>) => Promise<CommandOutput<C>>) | undefined
    if (!handler) throw new ServiceError('unknown-command', channel)
    return handler(input)
  }
  const on = ((channel: string, listener: ProgressListener) => {
    if (channel !== 'uploads:progress') return () => undefined
    listeners.add(listener)
    return () => listeners.delete(listener)
  }) as BridgeOn
  return {
    call,
    on,
    dataDir,
    oplog,
    addMedia: (hash, bytes) => writeFile(pathOf(hash), bytes),
    close: async () => {
      await uploads.stop()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
