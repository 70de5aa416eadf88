/**
 * The app's one playout engine, kept outside React so leaving the Phát sóng screen never stops
 * the broadcast. Created on first use (a click: browsers start audio only after a gesture) with
 * the output device and microphone chosen in settings (the line-in for relay items is read when
 * a relay opens, so a change in settings applies to the next relay); device steps go to the host over the
 * bridge (`hardware:act`), rows to the local as-played log.
 */
import type { DeviceAct } from '../../../shared/ipc/hardware'
import { createPlayoutEngine } from '../../audio/playout/engine'
import type { PlayoutEngine } from '../../audio/playout/engine-types'
import { createMediaLoader } from '../../audio/playout/media-loader'
import type { ActOutcome, StationLink } from '../../audio/playout/roll-runner'
import { call, errorCodeOf } from '../../bridge/bridge'
import { appDatabase } from '../../db/database'
import { appendPlayLog, loggedItemIds } from '../../db/queries/play-log'
import { attachLevelMeter } from './onair-automation'

export interface EngineConfig {
  mediaBaseUrl: string
  sinkId: string | null
  microphoneId: string | null
  /** the line-in for relay items (settings' lineInDeviceId); null: the system default input */
  lineInId: string | null
}

let engine: PlayoutEngine | null = null
let starting: Promise<PlayoutEngine> | null = null
let lineInId: string | null = null

async function act(action: DeviceAct): Promise<ActOutcome> {
  try {
    return { isOk: true, value: await call('hardware:act', action) }
  } catch (error) {
    return { isOk: false, code: errorCodeOf(error) }
  }
}

/** Sessions on air for the host: it keeps relays and RF off outside them (`hardware:onair`). */
const station: StationLink = {
  begin: async (sessionId, untilMs) => void (await call('hardware:onair', { phase: 'begin', sessionId, untilMs })),
  end: async (sessionId, safe) => void (await call('hardware:onair', { phase: 'end', sessionId, safe: [...safe] })),
}

/** The engine, started; later calls get the same one whatever config they pass (but the line-in). */
export function onAirEngine(config: EngineConfig): Promise<PlayoutEngine> {
  lineInId = config.lineInId
  starting ??= (async () => {
    const created = createPlayoutEngine({
      sinkId: config.sinkId,
      microphoneId: config.microphoneId,
      lineInId: () => lineInId,
      loadAudio: createMediaLoader(config.mediaBaseUrl),
      act,
      station,
      writeLog: async (row) => {
        await appendPlayLog(appDatabase(), row)
      },
      isLogged: (ids) => loggedItemIds(appDatabase(), ids),
      onContext: attachLevelMeter,
    })
    await created.start()
    engine = created
    return created
  })().catch((error: unknown) => {
    starting = null
    throw error
  })
  return starting
}

/** The line-in for the next relay (a change in settings). */
export function setLineInDevice(deviceId: string | null): void {
  lineInId = deviceId
}

/** The engine if it has been started (the screen shows its state). */
export const runningEngine = (): PlayoutEngine | null => engine
