/**
 * The Phát sóng screen's data and actions: the engine's state (what is on air, what is next),
 * its alerts, today's as-played log (live from Dexie), and the actions: a trial of a scheduled
 * session, stopping the session on air, "Phát ngay", talk-over.
 */
import { useLiveQuery } from 'dexie-react-hooks'
import { useCallback, useEffect, useState } from 'react'
import type { LocalDate } from '../../../shared/onair/station-time'
import type { EngineAlert, EngineSnapshot, PlayoutEngine } from '../../audio/playout/engine-types'
import { call } from '../../bridge/bridge'
import { appDatabase } from '../../db/database'
import { listAnnouncements } from '../../db/queries/announcements'
import { listPlayLogBetween, localDayRange } from '../../db/queries/play-log'
import { planDayFromDb } from '../../db/queries/schedule'
import { usePreferences } from '../../app/PreferencesContext'
import { useAppInfo } from '../library/useAppInfo'
import { installPlay } from './onair-automation'
import { onAirEngine, runningEngine } from './onair-engine'
import { announcementItem, stationRoll, trialOf, type RollCodes } from './trial-session'

export interface TimedAlert {
  id: number
  at: number
  alert: EngineAlert
}

const MAX_ALERTS = 20
let alertSeq = 0

export function useOnAir() {
  const info = useAppInfo()
  const { prefs } = usePreferences()
  const [engine, setEngine] = useState<PlayoutEngine | null>(runningEngine)
  const [snapshot, setSnapshot] = useState<EngineSnapshot | null>(() => runningEngine()?.snapshot() ?? null)
  const [alerts, setAlerts] = useState<TimedAlert[]>([])
  const announcements = useLiveQuery(() => listAnnouncements(appDatabase()), [])
  const day = localDayRange(new Date())
  const log = useLiveQuery(() => listPlayLogBetween(appDatabase(), day.fromIso, day.toIso), [day.fromIso])

  const pushAlert = useCallback(
    (alert: EngineAlert) =>
      setAlerts((prev) => [{ id: (alertSeq += 1), at: Date.now(), alert }, ...prev].slice(0, MAX_ALERTS)),
    [],
  )

  useEffect(() => {
    if (!engine) return undefined
    const offState = engine.on('state', setSnapshot)
    const offAlert = engine.on('alert', pushAlert)
    return () => {
      offState()
      offAlert()
    }
  }, [engine, pushAlert])

  const ensureEngine = useCallback(async () => {
    if (!info || !prefs) throw new Error('onair: settings not loaded yet')
    const started = await onAirEngine({
      mediaBaseUrl: info.mediaBaseUrl,
      sinkId: prefs.outputDeviceId,
      microphoneId: prefs.microphoneId,
      lineInId: prefs.lineInDeviceId ?? null,
    })
    setEngine(started)
    setSnapshot(started.snapshot())
    return started
  }, [info, prefs])

  useEffect(() => installPlay(ensureEngine, () => pushAlert({ kind: 'engine-failed' })), [ensureEngine, pushAlert])

  const devices = async () => (await call('hardware:list', {})).devices.map((d) => d.config)

  /** Plays the session's rundown of that day now, as a trial; false when it has nothing to play. */
  const startTrial = useCallback(
    async (date: LocalDate, sessionId: string, label: (sessionLabel: string) => string): Promise<boolean> => {
      const planned = (await planDayFromDb(appDatabase(), date)).find((p) => p.template.id === sessionId)
      if (!planned || planned.rundown.items.length === 0) return false
      const started = await ensureEngine()
      const session = trialOf(planned.rundown, Date.now(), label(planned.template.label))
      started.play(session, { isTrial: true }).catch(() => pushAlert({ kind: 'engine-failed' }))
      return true
    },
    [ensureEngine, pushAlert],
  )

  /** "Dừng": the session on air ends now, with its post-roll (the hardware ends off). */
  const stopOnAir = useCallback(async () => {
    await runningEngine()?.stopSession()
  }, [])

  const playNow = useCallback(
    async (announcementId: string, codes: RollCodes) => {
      const chosen = (announcements ?? []).find((a) => a.id === announcementId)
      if (!chosen) return
      const started = await ensureEngine()
      const item = announcementItem(chosen, `emergency-${Date.now()}:${chosen.id}`, Date.now())
      started
        .playNow({ item, ...stationRoll(await devices(), codes) })
        .catch(() => pushAlert({ kind: 'engine-failed' }))
    },
    [announcements, ensureEngine, pushAlert],
  )

  const setTalkOver = useCallback(
    async (isOn: boolean) => {
      const started = await ensureEngine()
      await started.setTalkOver(isOn)
    },
    [ensureEngine],
  )

  const isReady = info !== null && prefs !== null
  return {
    isReady,
    snapshot,
    alerts,
    announcements: announcements ?? [],
    log: log ?? null,
    startTrial,
    stopOnAir,
    playNow,
    setTalkOver,
  }
}
