/**
 * The main side's hardware alerts: each gets a sequence number and a time, goes to the bus
 * (`hardware:alert`, the Phát sóng screen shows it at once) and is kept among the last 50 for a
 * screen opened later (`hardware:alerts`).
 */
import type { HardwareAlert } from '../../../shared/ipc/hardware-onair'
import type { EventBus } from '../../ipc/dispatcher'
import type { GuardAlert } from './station-guard'

export interface AlertLog {
  raise(alert: GuardAlert): HardwareAlert
  recent(): HardwareAlert[]
}

const KEPT = 50

export function createAlertLog(bus: Pick<EventBus, 'emit'>, now: () => number = Date.now): AlertLog {
  const kept: HardwareAlert[] = []
  let seq = 0
  return {
    raise(alert) {
      seq += 1
      const full: HardwareAlert = { ...alert, seq, at: new Date(now()).toISOString() }
      kept.unshift(full)
      kept.length = Math.min(kept.length, KEPT)
      bus.emit('hardware:alert', full)
      return full
    },
    recent: () => [...kept],
  }
}
