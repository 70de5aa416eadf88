import { describe, expect, it } from 'vitest'
import { createStatusStore, type SyncStatus } from '../../../../src/renderer/sync/status'

describe('sync status store', () => {
  it('notifies a change and stays quiet for a patch that changes nothing', () => {
    const store = createStatusStore()
    const seen: SyncStatus[] = []
    store.subscribe((status) => seen.push(status))

    store.update({ phase: 'pull', serverClockOffsetMs: 120 })
    store.update({ phase: 'pull' })
    store.update({ serverClockOffsetMs: 120, phase: 'pull' })
    store.update({ phase: 'idle' })

    expect(seen.map((s) => s.phase)).toEqual(['pull', 'idle'])
    expect(store.get()).toMatchObject({ phase: 'idle', serverClockOffsetMs: 120 })
  })
})
