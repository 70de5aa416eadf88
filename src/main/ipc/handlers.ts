/** The handler map: one entry per command of the contract (the type makes a missing one an error). */
import type { AppInfo } from '../../shared/ipc/app'
import type { HardwareService } from '../services/hardware/hardware-service'
import type { MediaStore } from '../services/media/media-store'
import type { RecordingService } from '../services/recorder/recording-service'
import type { SettingsStore } from '../services/settings-store'
import type { Handlers } from './dispatcher'

export interface HandlerDeps {
  info: AppInfo
  settings: SettingsStore
  recordings: RecordingService
  store: MediaStore
  hardware: HardwareService
}

export function createHandlers({ info, settings, recordings, store, hardware }: HandlerDeps): Handlers {
  return {
    'app:info': () => info,
    'settings:get': () => settings.get(),
    'settings:update': (patch) => settings.update(patch),
    'recording:start': (input) => recordings.start(input),
    'recording:append': (input) => recordings.append(input),
    'recording:stop': (input) => recordings.stop(input),
    'recording:listInterrupted': () => recordings.listInterrupted(),
    'recording:recover': ({ id }) => recordings.recover(id),
    'recording:discard': async ({ id }) => {
      await recordings.discard(id)
      return {}
    },
    'media:peaks': ({ hash }) => store.readPeaks(hash),
    'media:list': () => store.list(),
    'media:delete': async ({ hash }) => ({ deleted: await store.remove(hash) }),
    'hardware:list': () => ({ devices: hardware.list() }),
    'hardware:save': (draft) => hardware.save(draft),
    'hardware:remove': ({ id }) => hardware.remove(id),
    'hardware:test': ({ id }) => hardware.test(id),
    'hardware:ports': async () => ({ ports: await hardware.ports() }),
  }
}
