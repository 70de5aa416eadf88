/**
 * One ordered, timestamped list of what simulated devices did. Several simulators can share a
 * recorder so a test can assert a whole on-air sequence across devices
 * (relay on → RF on → DTMF zone on → RDS text → off).
 */
export type SimDetail = Readonly<Record<string, string | number | boolean | readonly boolean[] | readonly number[]>>

export interface SimAction {
  /** position in the recorder, strictly increasing */
  seq: number
  /** ms since epoch from the recorder's clock */
  at: number
  device: string
  action: string
  detail: SimDetail
}

export interface SimRecorder {
  record(device: string, action: string, detail?: SimDetail): SimAction
  actions(filter?: { device?: string; action?: string }): SimAction[]
  clear(): void
}

export function createSimRecorder(options: { now?: () => number } = {}): SimRecorder {
  const now = options.now ?? Date.now
  let list: SimAction[] = []
  let seq = 0
  return {
    record(device, action, detail = {}) {
      seq += 1
      const entry: SimAction = { seq, at: now(), device, action, detail }
      list.push(entry)
      return entry
    },
    actions(filter = {}) {
      return list.filter(
        (a) => (!filter.device || a.device === filter.device) && (!filter.action || a.action === filter.action),
      )
    },
    clear() {
      list = []
    },
  }
}
