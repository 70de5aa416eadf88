/**
 * The app's one playout engine, kept outside React so leaving the Phát sóng screen never stops
 * the broadcast. Created on first use (a click: browsers start audio only after a gesture) with
 * the output device and microphone chosen in settings; device steps go to the host over the
 * bridge (`hardware:act`), rows to the local as-played log.
 */
import type { DeviceAct } from '../../../shared/ipc/hardware'
import { createPlayoutEngine } from '../../audio/playout/engine'
import type { PlayoutEngine } from '../../audio/playout/engine-types'
import { createMediaLoader } from '../../audio/playout/media-loader'
import type { ActOutcome } from '../../audio/playout/roll-runner'
import { call, errorCodeOf } from '../../bridge/bridge'
import { appDatabase } from '../../db/database'
import { appendPlayLog, loggedItemIds } from '../../db/queries/play-log'

export interface EngineConfig {
  mediaBaseUrl: string
  sinkId: string | null
  microphoneId: string | null
}

let engine: PlayoutEngine | null = null
let starting: Promise<PlayoutEngine> | null = null

async function act(action: DeviceAct): Promise<ActOutcome> {
  try {
    return { isOk: true, value: await call('hardware:act', action) }
  } catch (error) {
    return { isOk: false, code: errorCodeOf(error) }
  }
}

/** The engine, started; later calls get the same one whatever config they pass. */
export function onAirEngine(config: EngineConfig): Promise<PlayoutEngine> {
  starting ??= (async () => {
    const created = createPlayoutEngine({
      sinkId: config.sinkId,
      microphoneId: config.microphoneId,
      loadAudio: createMediaLoader(config.mediaBaseUrl),
      act,
      writeLog: async (row) => {
        await appendPlayLog(appDatabase(), row)
      },
      isLogged: (ids) => loggedItemIds(appDatabase(), ids),
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

/** The engine if it has been started (the screen shows its state). */
export const runningEngine = (): PlayoutEngine | null => engine
