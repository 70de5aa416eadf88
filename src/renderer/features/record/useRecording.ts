/** React state around one Recorder: start, pause, resume, stop, and the problems to show. */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Announcement } from '../../../shared/model/announcement'
import type { ErrorCode } from '../../../shared/result'
import { call, errorCodeOf, hostConnection } from '../../bridge/bridge'
import { appDatabase } from '../../db/database'
import { addRecordedAnnouncement } from '../../db/queries/announcements'
import { startRecorder, type Recorder, type RecorderEnd, type RecorderStatus } from './recorder'
import type { RecorderHost } from './recorder-host'
import type { MicrophoneSource } from './useMicrophone'

/** What to tell the officer: an i18n key and the figures it names (in seconds). */
export interface RecordProblem {
  key: string
  seconds?: number
  min?: number
}

export interface UseRecording {
  status: RecorderStatus | null
  problem: RecordProblem | null
  busy: boolean
  /** The recording this page is making (kept out of the recovery list). */
  liveId: string | null
  start(source: MicrophoneSource, title: string, maxMinutes: number): Promise<void>
  pause(): void
  resume(): void
  stop(title: string): Promise<Announcement | null>
  clearProblem(): void
}

const host: RecorderHost = { call, connection: hostConnection }

const secondsOf = (samples: number, status: RecorderStatus | null): number =>
  status && status.sampleRate > 0 ? samples / status.sampleRate : 0

/** The message for a recording that stopped taking audio by itself. */
function endProblem(reason: RecorderEnd, saved: number): RecordProblem {
  switch (reason) {
    case 'max-length':
      return { key: 'record.maxLengthReached' }
    case 'mic-lost':
      return { key: 'errors.mic-lost' }
    case 'buffer-full':
      return { key: 'record.bufferFull' }
    case 'disk-full':
      return { key: 'record.diskFull', seconds: saved }
    default:
      return { key: `errors.${reason}` }
  }
}

/** The message for a stop that did not store the take. */
function stopProblem(code: ErrorCode, status: RecorderStatus | null, minSeconds: number): RecordProblem {
  const saved = secondsOf(status?.savedSampleCount ?? 0, status)
  if (code === 'too-short') return { key: 'record.tooShort', seconds: saved, min: minSeconds }
  if (code === 'disconnected') return { key: 'record.stopUnreachable', seconds: saved }
  return endProblem(code, saved)
}

export function useRecording(onInterrupted: () => void, minSeconds: number): UseRecording {
  const recorder = useRef<Recorder | null>(null)
  const latest = useRef<RecorderStatus | null>(null)
  const [status, setStatus] = useState<RecorderStatus | null>(null)
  const [problem, setProblem] = useState<RecordProblem | null>(null)
  const [busy, setBusy] = useState(false)
  const [liveId, setLiveId] = useState<string | null>(null)
  const show = useCallback((next: RecorderStatus | null) => {
    latest.current = next
    setStatus(next)
  }, [])

  // Leaving the screen mid-recording sends what was captured and offers it back as interrupted.
  useEffect(() => () => recorder.current?.abandon(), [])

  const finish = useCallback(() => {
    recorder.current = null
    setLiveId(null)
    onInterrupted()
  }, [onInterrupted])

  const start = useCallback(
    async (source: MicrophoneSource, title: string, maxMinutes: number) => {
      setProblem(null)
      setBusy(true)
      try {
        const r = await startRecorder({
          ...{ source, title, maxMinutes, host, onStatus: show },
          onEnd: (reason) => {
            setProblem(endProblem(reason, secondsOf(latest.current?.savedSampleCount ?? 0, latest.current)))
            // A failure ends the take: it stays on the clock (what was saved) and in the recovery list.
            if (reason !== 'max-length' && reason !== 'mic-lost' && reason !== 'buffer-full') finish()
          },
        })
        recorder.current = r
        setLiveId(r.id)
      } catch (error) {
        setProblem({ key: `errors.${errorCodeOf(error)}` })
        show(null)
      } finally {
        setBusy(false)
      }
    },
    [finish, show],
  )

  const stop = useCallback(
    async (title: string) => {
      const r = recorder.current
      if (!r) return null
      setBusy(true)
      try {
        const media = await r.stop(title)
        const announcement = await addRecordedAnnouncement(appDatabase(), media)
        // The library row exists: the journal can go (if this fails, the recovery list settles it).
        void call('recording:commit', { id: r.id }).catch(() => undefined)
        recorder.current = null
        setLiveId(null)
        show(null)
        return announcement
      } catch (error) {
        const code = errorCodeOf(error)
        setProblem(stopProblem(code, latest.current, minSeconds))
        if (code === 'too-short') show(null)
        finish()
        return null
      } finally {
        setBusy(false)
      }
    },
    [finish, minSeconds, show],
  )

  return {
    status,
    problem,
    busy,
    liveId,
    start,
    stop,
    pause: () => recorder.current?.pause(),
    resume: () => recorder.current?.resume(),
    clearProblem: () => setProblem(null),
  }
}
