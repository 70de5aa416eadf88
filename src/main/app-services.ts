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
import type { Logger } from './services/logger'
import { createMediaStore, type MediaStore } from './services/media/media-store'
import { createRecordingService } from './services/recorder/recording-service'
import { createSettingsStore, type SettingsStore } from './services/settings-store'

export interface AppServicesOptions {
  dataDir: string
  info: Omit<AppInfo, 'dataDir'>
  log: Logger
}

export interface AppServices {
  dispatch: Dispatch
  bus: EventBus
  store: MediaStore
  settings: SettingsStore
  hardware: HardwareService
  stop(): Promise<void>
}

export async function createAppServices({ dataDir, info, log }: AppServicesOptions): Promise<AppServices> {
  await mkdir(dataDir, { recursive: true })
  const bus = createEventBus(log)
  const settings = await createSettingsStore(dataDir, log)
  const store = await createMediaStore(join(dataDir, 'media'))
  const recordings = await createRecordingService({ dir: join(dataDir, 'recordings'), store, log })
  const unsubscribeSettings = settings.onChange((prefs) => bus.emit('settings:changed', prefs))
  // Starts the device drivers in the background: a missing or silent device never delays start-up.
  const hardware = createHardwareService({ dataDir, log, bus })
  await hardware.start()
  const dispatch = createDispatcher(
    createHandlers({ info: { ...info, dataDir }, settings, recordings, store, hardware }),
    log,
  )
  return {
    dispatch,
    bus,
    store,
    settings,
    hardware,
    async stop() {
      unsubscribeSettings()
      await recordings.stopAll()
      await hardware.stop()
    },
  }
}
