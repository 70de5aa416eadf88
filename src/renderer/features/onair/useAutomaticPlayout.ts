/**
 * Keeps automatic playout running for the whole window (mounted by the app shell, not by a
 * screen): while the officer's "Tự động phát theo lịch" setting is on, the engine plays every
 * session of the local schedule when it is due. The setting survives a restart, so a station
 * laptop that reboots at night is on air again at 05:30.
 */
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useRef } from 'react'
import { appDatabase } from '../../db/database'
import { usePreferences } from '../../app/PreferencesContext'
import { useAppInfo } from '../library/useAppInfo'
import { startAutoSchedule } from './auto-schedule'
import { onAirEngine, setLineInDevice } from './onair-engine'

export const AUTO_SETTING_KEY = 'onair.auto'

export const readAutoSetting = async (): Promise<boolean> =>
  (await appDatabase().settings.get(AUTO_SETTING_KEY))?.value === true

export async function writeAutoSetting(isOn: boolean): Promise<void> {
  await appDatabase().settings.put({ key: AUTO_SETTING_KEY, value: isOn })
}

export function useAutoSetting(): boolean | undefined {
  return useLiveQuery(readAutoSetting, [])
}

export function useAutomaticPlayout(onError: (error: unknown) => void): void {
  const isOn = useAutoSetting()
  const info = useAppInfo()
  const { prefs } = usePreferences()
  const mediaBaseUrl = info?.mediaBaseUrl
  const sinkId = prefs?.outputDeviceId ?? null
  const microphoneId = prefs?.microphoneId ?? null
  const lineInId = prefs?.lineInDeviceId ?? null
  const lineInRef = useRef(lineInId)
  // a changed line-in applies to the next relay, without restarting the schedule
  useEffect(() => {
    lineInRef.current = lineInId
    setLineInDevice(lineInId)
  }, [lineInId])
  const isReady = mediaBaseUrl !== undefined && prefs !== undefined && prefs !== null

  useEffect(() => {
    if (!isOn || !isReady || mediaBaseUrl === undefined) return undefined
    let stop: (() => void) | null = null
    let isCancelled = false
    void (async () => {
      const engine = await onAirEngine({ mediaBaseUrl, sinkId, microphoneId, lineInId: lineInRef.current })
      const stopSchedule = await startAutoSchedule({ db: appDatabase(), engine, onError })
      if (isCancelled) stopSchedule()
      else stop = stopSchedule
    })().catch(onError)
    return () => {
      isCancelled = true
      stop?.()
    }
  }, [isOn, isReady, mediaBaseUrl, sinkId, microphoneId, onError])
}
