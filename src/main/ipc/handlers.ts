/** The handler map: one entry per command of the contract (the type makes a missing one an error). */
import type { AppInfo } from '../../shared/ipc/app'
import type { HardwareService } from '../services/hardware/hardware-service'
import type { ImportService } from '../services/media/import-service'
import type { MediaStore } from '../services/media/media-store'
import type { RecordingService } from '../services/recorder/recording-service'
import { exportReport } from '../services/reports/export'
import type { ReportExportService } from '../services/reports/export-uploads'
import type { SettingsStore } from '../services/settings-store'
import type { UploadService } from '../services/uploads/upload-service'
import type { ProvinceAccount } from '../services/province/province-account'
import { createProvinceHttp } from '../services/province/province-http'
import { provinceUploadTarget } from '../services/province/province-upload-target'
import type { OperationLog } from '../services/oplog/operation-log'
import { guardHardware } from '../services/roles/guarded-hardware'
import type { RolesService } from '../services/roles/roles-service'
import type { Handlers } from './dispatcher'
import { oplogHandlers } from './oplog-handlers'

export interface HandlerDeps {
  info: AppInfo
  settings: SettingsStore
  recordings: RecordingService
  store: MediaStore
  hardware: HardwareService
  uploads: UploadService
  imports: ImportService
  province: ProvinceAccount
  reportExports: ReportExportService
  roles: RolesService
  oplog: OperationLog
}

export function createHandlers({
  info,
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
}: HandlerDeps): Handlers {
  const provinceHttp = createProvinceHttp(province)
  // Device changes are decided and logged by main (local roles); tests and reads go straight through.
  const devices = guardHardware(hardware, roles, oplog)
  return {
    'app:info': () => info,
    'settings:get': () => settings.get(),
    'settings:update': (patch) => settings.update(patch),
    'recording:start': (input, { owner }) => recordings.start(input, owner),
    'recording:append': (input, { owner }) => recordings.append(input, owner),
    'recording:stop': (input, { owner }) => recordings.stop(input, owner),
    'recording:resume': (input, { owner }) => recordings.resume(input, owner),
    'recording:interrupt': async ({ id }) => {
      await recordings.interrupt(id)
      return {}
    },
    'recording:commit': async ({ id }) => {
      await recordings.commit(id)
      return {}
    },
    'recording:listInterrupted': () => recordings.listInterrupted(),
    'recording:recover': ({ id }) => recordings.recover(id),
    'recording:discard': async ({ id }) => {
      await recordings.discard(id)
      return {}
    },
    'media:peaks': ({ hash }) => store.readPeaks(hash),
    'media:list': () => store.list(),
    'media:delete': async ({ hash }) => ({ deleted: await store.remove(hash) }),
    'media:describe': ({ hash }) => store.describe(hash),
    'media:importBegin': (input) => imports.begin(input),
    'media:importChunk': (input) => imports.chunk(input),
    'media:importFinish': ({ importId }) => imports.finish(importId),
    'media:importAbort': ({ importId }) => imports.abort(importId),
    'hardware:list': () => ({ devices: hardware.list() }),
    'hardware:save': (draft) => devices.save(draft),
    'hardware:remove': ({ id }) => devices.remove(id),
    'hardware:test': ({ id }) => hardware.test(id),
    'hardware:ports': async () => ({ ports: await hardware.ports() }),
    'uploads:run': async ({ hash, target }) => uploads.run(hash, await provinceUploadTarget(target, province)),
    'uploads:list': () => ({ uploads: uploads.list() }),
    'uploads:cancel': ({ hash }) => ({ wasRunning: uploads.cancel(hash) }),
    'province:http': (request) => provinceHttp(request),
    'province:connection': () => province.connection(),
    'province:setServer': ({ serverUrl }) => province.setServer(serverUrl),
    'province:signOut': () => province.signOut(),
    'reports:export': (request) => exportReport(request),
    'reports:exportBegin': (input) => reportExports.begin(input),
    'reports:exportChunk': (input) => reportExports.chunk(input),
    'reports:exportFinish': (input) => reportExports.finish(input),
    'reports:exportAbort': ({ exportId }) => reportExports.abort(exportId),
    'hardware:act': (action) => hardware.act(action),
    'hardware:onair': (input) => hardware.onAir(input),
    'hardware:alerts': () => ({ alerts: hardware.alerts() }),
    ...oplogHandlers(roles, oplog),
  }
}
