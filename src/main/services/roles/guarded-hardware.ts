/**
 * Device changes (`hardware:save`, `hardware:remove`) under local roles: main decides and logs
 * them itself, with the device as it was and as it is now (digests), because main holds both.
 * A refused change is logged as refused and answers `forbidden`.
 */
import type { DeviceConfig, DeviceDraft } from '../../../shared/ipc/hardware'
import type { LogObject } from '../../../shared/ipc/roles'
import { ServiceError } from '../../../shared/result'
import type { HardwareService } from '../hardware/hardware-service'
import type { OperationLog } from '../oplog/operation-log'
import { logUser, type RolesService } from './roles-service'

export interface GuardedHardware {
  save(draft: DeviceDraft): Promise<DeviceConfig>
  remove(id: string): Promise<{ removed: boolean }>
}

export function guardHardware(
  hardware: Pick<HardwareService, 'list' | 'save' | 'remove'>,
  roles: Pick<RolesService, 'requireMainSide' | 'state'>,
  oplog: Pick<OperationLog, 'append'>,
): GuardedHardware {
  const configOf = (id: string | undefined): DeviceConfig | null =>
    id === undefined ? null : (hardware.list().find((e) => e.config.id === id)?.config ?? null)

  async function permitted(action: 'device-save' | 'device-remove', object: LogObject) {
    try {
      return roles.requireMainSide('device-change')
    } catch (error) {
      if (error instanceof ServiceError && error.code === 'forbidden')
        await oplog.append({ user: logUser(roles.state().current), action, outcome: 'refused', object })
      throw error
    }
  }

  return {
    async save(draft) {
      const before = configOf(draft.id)
      const user = await permitted('device-save', { kind: 'device', id: draft.id ?? null, label: draft.name })
      const saved = await hardware.save(draft)
      const object = { kind: 'device', id: saved.id, label: saved.name }
      await oplog.append({ user: logUser(user), action: 'device-save', outcome: 'done', object, before, after: saved })
      return saved
    },
    async remove(id) {
      const before = configOf(id)
      const object = { kind: 'device', id, label: before?.name ?? '' }
      const user = await permitted('device-remove', object)
      const result = await hardware.remove(id)
      if (result.removed)
        await oplog.append({
          user: logUser(user),
          action: 'device-remove',
          outcome: 'done',
          object,
          before,
          after: null,
        })
      return result
    },
  }
}
