/**
 * Before a session plays: catch-up after a restart (items already logged are left out, items too
 * late are logged 'skipped'), then everything opened ahead — audio decoded, relay sources
 * (line-in capture, stream) opened. What cannot play is logged now with an alert and left out of
 * the plan; the items after it keep their planned times, so its slot stays silent.
 */
import type { RundownItem, RundownSession } from '../../../shared/onair/rundown'
import type { LogFacts } from './log-rows'
import type { RelayFailure, RelaySource } from './relay-source'
import type { SessionHost } from './session-types'
import { decideCatchUp } from './timeline'

export type LogItem = (facts: Omit<LogFacts, 'sessionId'>) => Promise<void>

export interface Prepared {
  items: RundownItem[]
  /** where joined items start (catch-up) */
  offsets: Map<string, number>
}

export interface Loaded {
  playable: RundownItem[]
  buffers: Map<string, AudioBuffer>
  relays: Map<string, RelaySource>
}

export async function prepareItems(session: RundownSession, host: SessionHost, log: LogItem): Promise<Prepared> {
  const logged = await host.isLogged(session.items.map((i) => i.id))
  const items: RundownItem[] = []
  const offsets = new Map<string, number>()
  const nowMs = host.now()
  for (const item of session.items) {
    const decision = decideCatchUp(item, { nowMs, toleranceMs: host.catchUpToleranceMs, isLogged: logged.has(item.id) })
    if (decision.kind === 'done') continue
    if (decision.kind === 'missed') {
      host.alert({ kind: 'missed', title: item.title })
      await log({
        item,
        outcome: 'skipped',
        actualStartMs: null,
        actualEndMs: null,
        note: `missed: ${decision.lateMs} ms late`,
      })
      continue
    }
    if (decision.kind === 'join') offsets.set(item.id, decision.offsetMs)
    items.push(item)
  }
  return { items, offsets }
}

/** The as-played note of a relay that could not play (English, technical, like the other notes). */
export const relayNote = (reason: RelayFailure, detail: string): string =>
  `relay ${reason}: ${detail}; the slot was left silent`.slice(0, 500)

/**
 * Decodes audio and opens relay sources ahead. `onRelayProblem` hears of a relay that fails
 * after opening (stall, unplugged).
 */
export async function loadItems(
  items: readonly RundownItem[],
  host: SessionHost,
  log: LogItem,
  onRelayProblem: (item: RundownItem, reason: RelayFailure, detail: string) => void,
): Promise<Loaded> {
  const loaded: Loaded = { playable: [], buffers: new Map(), relays: new Map() }
  for (const item of items) {
    switch (item.kind) {
      case 'silence':
        loaded.playable.push(item)
        break
      case 'relay': {
        const opened = await host.openRelay(host.ctx, host.programme, item, (reason, detail) =>
          onRelayProblem(item, reason, detail),
        )
        if (opened.isOk) {
          loaded.relays.set(item.id, opened.source)
          loaded.playable.push(item)
          break
        }
        host.alert({ kind: 'relay-failed', title: item.title, reason: opened.reason })
        const note = relayNote(opened.reason, opened.detail)
        await log({ item, outcome: 'failed', actualStartMs: null, actualEndMs: null, note })
        break
      }
      case 'announcement':
      case 'bulletin':
      case 'program':
      case 'jingle': {
        const buffer = await host.loadAudio(host.ctx, item)
        if (buffer) {
          loaded.buffers.set(item.id, buffer)
          loaded.playable.push(item)
          break
        }
        host.alert({ kind: 'missing-media', title: item.title })
        const note = `missing media ${item.mediaHash ?? ''}`
        await log({ item, outcome: 'skipped', actualStartMs: null, actualEndMs: null, note })
        break
      }
    }
  }
  return loaded
}
