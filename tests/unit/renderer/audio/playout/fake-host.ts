/** A session run's host on the fake audio clock: decoded buffers of the planned lengths, rows and alerts kept. */
import type { RelayOpener } from '../../../../../src/renderer/audio/playout/relay-source'
import { DEFAULT_DTMF_TIMING, type ActOutcome } from '../../../../../src/renderer/audio/playout/roll-runner'
import type { PlayoutAlert, SessionHost } from '../../../../../src/renderer/audio/playout/session-run'
import type { NewPlayLogRow } from '../../../../../src/renderer/db/queries/play-log'
import type { DeviceAction } from '../../../../../src/shared/onair/rundown'
import { fakeBuffer, type FakeAudioContext } from './fake-audio'

export interface FakeHost {
  host: SessionHost
  rows: NewPlayLogRow[]
  alerts: PlayoutAlert[]
}

export function fakeSessionHost(
  ctx: FakeAudioContext,
  options: { act: (action: DeviceAction) => Promise<ActOutcome>; openRelay?: RelayOpener },
): FakeHost {
  const rows: NewPlayLogRow[] = []
  const alerts: PlayoutAlert[] = []
  const master = ctx.createGain() as unknown as AudioNode
  const now = (): number => ctx.now()
  const host: SessionHost = {
    ctx: ctx as unknown as AudioContext,
    programme: ctx.createGain() as unknown as AudioNode,
    master,
    loadAudio: (_c, i) => Promise.resolve(fakeBuffer(i.durationMs)),
    openRelay: options.openRelay ?? (() => Promise.reject(new Error('no relays here'))),
    roll: { ctx: ctx as unknown as AudioContext, output: master, act: options.act, dtmf: DEFAULT_DTMF_TIMING, now },
    writeLog: (row) => {
      rows.push(row)
      return Promise.resolve()
    },
    isLogged: () => Promise.resolve(new Set<string>()),
    now,
    catchUpToleranceMs: 10_000,
    alert: (a) => void alerts.push(a),
    onProgress: () => undefined,
  }
  return { host, rows, alerts }
}
