/**
 * Builds the main-side services both hosts share and wires them to the dispatcher and the
 * event bus. Entry files (Electron, browser host) call this; nothing here knows which host runs.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { AppInfo } from '../shared/ipc/app'
import { createDispatcher, createEventBus, type Dispatch, type EventBus } from './ipc/dispatcher'
import { createHandlers } from './ipc/handlers'
import { createHardwareService, type HardwareService } from './services/hardware/hardware-service'
import type { StationTiming } from './services/hardware/station-ops'
import type { Logger } from './services/logger'
import { createImportService } from './services/media/import-service'
import { createMediaStore, type MediaStore } from './services/media/media-store'
import { createRecordingService } from './services/recorder/recording-service'
import { createReportExportService } from './services/reports/export-uploads'
import { createProvinceAccount, ownerOnlyFileSealer, type SecretSealer } from './services/province/province-account'
import { openOperationLog } from './services/oplog/operation-log'
import { openLocalUsers } from './services/roles/local-users'
import { createRolesService } from './services/roles/roles-service'
import { createSettingsStore, type SettingsStore } from './services/settings-store'
import { openUploadJournal } from './services/uploads/upload-journal'
import { createUploadService } from './services/uploads/upload-service'

export interface AppServicesOptions {
  dataDir: string
  info: Omit<AppInfo, 'dataDir'>
  log: Logger
  /** How the province tokens are sealed (Electron: the OS keychain); default: an owner-only file. */
  sealer?: SecretSealer
  /** The hardware watchdog's periods (tests shorten them); defaults in station-ops.ts. */
  hardwareTiming?: StationTiming
}

export interface AppServices {
  dispatch: Dispatch
  bus: EventBus
  store: MediaStore
  settings: SettingsStore
  hardware: HardwareService
  /**
   * A page connection or window is gone (closed, crashed, reloaded): what it was recording ends
   * and is offered back as interrupted.
   */
  ownerGone(owner: string): Promise<void>
  stop(): Promise<void>
}

export async function createAppServices({
  dataDir,
  info,
  log,
  sealer,
  hardwareTiming,
}: AppServicesOptions): Promise<AppServices> {
  await mkdir(dataDir, { recursive: true })
  const bus = createEventBus(log)
  const settings = await createSettingsStore(dataDir, log)
  const store = await createMediaStore(join(dataDir, 'media'))
  const recordings = await createRecordingService({
    dir: join(dataDir, 'recordings'),
    store,
    log,
    minDurationMs: () => settings.get().minRecordingSeconds * 1000,
    onChange: (id) => bus.emit('recording:changed', { id }),
  })
  const imports = await createImportService({ dir: join(dataDir, 'imports'), store, log })
  imports.start()
  const reportExports = createReportExportService({ log })
  reportExports.start()
  const unsubscribeSettings = settings.onChange((prefs) => bus.emit('settings:changed', prefs))
  // Starts the device drivers in the background: a missing or silent device never delays start-up.
  const hardware = createHardwareService({ dataDir, log, bus, ...(hardwareTiming ? { timing: hardwareTiming } : {}) })
  await hardware.start()
  const uploads = createUploadService({
    journal: await openUploadJournal(join(dataDir, 'uploads.json'), log),
    pathOf: (hash) => store.fileOf(hash).path,
    onProgress: (progress) => bus.emit('uploads:progress', progress),
    log,
  })
  const province = createProvinceAccount(dataDir, sealer ?? ownerOnlyFileSealer, log)
  const oplog = await openOperationLog({ dir: join(dataDir, 'oplog'), log })
  const roles = createRolesService({ users: await openLocalUsers(dataDir, log), oplog })
  const dispatch = createDispatcher(
    createHandlers({
      info: { ...info, dataDir },
      settings,
      recordings,
      store,
      hardware,
      uploads,
      imports,
      province,
      reportExports,
      roles,
      oplog,
    }),
    log,
  )
  return {
    dispatch,
    bus,
    store,
    settings,
    hardware,
    ownerGone: (owner) => recordings.releaseOwner(owner),
    async stop() {
      unsubscribeSettings()
      await recordings.stopAll()
      await imports.stop()
      reportExports.stop()
      await uploads.stop()
      await hardware.stop()
    },
  }
}
