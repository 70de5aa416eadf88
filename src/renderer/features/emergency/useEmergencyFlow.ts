/**
 * Starts the emergency flow for the whole window (mounted by the app shell, like automatic
 * playout): the app's one engine, the station's devices and session zones for the pre-roll, the
 * media store or the offline voice for the audio, the countdown from Cài đặt.
 */
import { useEffect } from 'react'
import { call } from '../../bridge/bridge'
import { appDatabase } from '../../db/database'
import { listSessions } from '../../db/queries/schedule'
import { usePreferences } from '../../app/PreferencesContext'
import { useAppInfo } from '../library/useAppInfo'
import { onAirEngine } from '../onair/onair-engine'
import { airingAudio } from './emergency-audio'
import { startEmergencyFlow, type EmergencyFlow, type FlowDeps } from './emergency-flow'
import { emergencyRoll } from './emergency-roll'
import { readCountdownSec } from './emergency-settings'

let flow: EmergencyFlow | null = null

/** The running flow (the banner's "Dừng" reaches the airing through it). */
export const runningEmergencyFlow = (): EmergencyFlow | null => flow

export function useEmergencyFlow(onError: FlowDeps['onError'], onAlert: FlowDeps['onAlert']): void {
  const info = useAppInfo()
  const { prefs } = usePreferences()
  const mediaBaseUrl = info?.mediaBaseUrl
  const sinkId = prefs?.outputDeviceId ?? null
  const microphoneId = prefs?.microphoneId ?? null
  const lineInId = prefs?.lineInDeviceId ?? null
  const isReady = mediaBaseUrl !== undefined && prefs !== undefined && prefs !== null

  useEffect(() => {
    if (!isReady || mediaBaseUrl === undefined) return undefined
    const db = appDatabase()
    const started = startEmergencyFlow({
      db,
      engine: () => onAirEngine({ mediaBaseUrl, sinkId, microphoneId, lineInId }),
      roll: async (zones) => {
        const devices = (await call('hardware:list', {})).devices.map((d) => d.config)
        return emergencyRoll(devices, await listSessions(db), zones)
      },
      audio: airingAudio,
      countdownMs: async () => (await readCountdownSec()) * 1000,
      onError,
      onAlert,
    })
    flow = started
    return () => {
      started.dispose()
      if (flow === started) flow = null
    }
    // the line-in is read when a relay opens (onair-engine.ts), not a reason to restart the flow
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [isReady, mediaBaseUrl, sinkId, microphoneId, onError, onAlert])
}
