/** Shared pieces for the hardware service tests: a bus that keeps its events, device drafts, waits. */
import type { DeviceDraft, DeviceStatusEvent } from '../../../../../src/shared/ipc/hardware'
import type { EventBus } from '../../../../../src/main/ipc/dispatcher'

export interface RecordingBus extends Pick<EventBus, 'emit'> {
  statuses: DeviceStatusEvent[]
  /** Resolves with the first status of `id` in `state` seen from now on (or already last); bounded. */
  waitFor(id: string, state: DeviceStatusEvent['state'], timeoutMs?: number): Promise<DeviceStatusEvent>
}

export function recordingBus(): RecordingBus {
  const statuses: DeviceStatusEvent[] = []
  const waiters = new Set<(s: DeviceStatusEvent) => void>()
  return {
    statuses,
    emit(channel, payload) {
      if (channel !== 'hardware:status') return
      const status = payload as DeviceStatusEvent
      statuses.push(status)
      for (const w of [...waiters]) w(status)
    },
    waitFor(id, state, timeoutMs = 3000) {
      const last = statuses.filter((s) => s.id === id).at(-1)
      if (last?.state === state) return Promise.resolve(last)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`status ${state} of ${id} not seen within ${timeoutMs} ms`))
        }, timeoutMs)
        const check = (s: DeviceStatusEvent): void => {
          if (s.id !== id || s.state !== state) return
          clearTimeout(timer)
          waiters.delete(check)
          resolve(s)
        }
        waiters.add(check)
      })
    },
  }
}

export const lcusDraft = (path: string, extra: Partial<DeviceDraft> = {}): DeviceDraft =>
  ({
    name: 'Bo rơ-le tăng âm',
    role: 'amplifier-relay',
    family: 'relay-lcus',
    transport: { kind: 'serial', path, baudRate: 9600 },
    options: {},
    ...extra,
  }) as DeviceDraft

export const tcpDraft = (family: DeviceDraft['family'], port: number, options: object = {}): DeviceDraft =>
  ({
    name: `${family} over LAN`,
    role: family.startsWith('rds') ? 'rds' : family.startsWith('exciter') ? 'exciter' : 'zone-relay',
    family,
    transport: { kind: 'tcp', host: '127.0.0.1', port },
    options,
  }) as DeviceDraft
