/** React state around one Recorder: start, pause, resume, stop, and the errors to show. */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Announcement } from '../../../shared/model/announcement'
import { errorCodeOf } from '../../bridge/bridge'
import { appDatabase } from '../../db/database'
import { addRecordedAnnouncement } from '../../db/queries/announcements'
import { startRecorder, type Recorder, type RecorderStatus } from './recorder'
import type { MicrophoneSource } from './useMicrophone'

export interface UseRecording {
  status: RecorderStatus | null
  /** i18n key of the last problem, if any. */
  problem: string | null
  busy: boolean
  start(source: MicrophoneSource, title: string, maxMinutes: number): Promise<void>
  pause(): void
  resume(): void
  stop(title: string): Promise<Announcement | null>
  clearProblem(): void
}

export function useRecording(onInterrupted: () => void): UseRecording {
  const recorder = useRef<Recorder | null>(null)
  const [status, setStatus] = useState<RecorderStatus | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  // Leaving the screen mid-recording keeps the file recoverable rather than losing it.
  useEffect(() => () => recorder.current?.abandon(), [])

  const start = useCallback(
    async (source: MicrophoneSource, title: string, maxMinutes: number) => {
      setProblem(null)
      setBusy(true)
      try {
        recorder.current = await startRecorder({
          source,
          title,
          maxMinutes,
          onStatus: setStatus,
          onEnd: (reason) => {
            if (reason === 'max-length') setProblem('record.maxLengthReached')
            else if (reason === 'mic-lost') setProblem('errors.mic-lost')
            else {
              setProblem(`errors.${reason}`)
              recorder.current = null
              setStatus(null)
              onInterrupted()
            }
          },
        })
      } catch (error) {
        setProblem(`errors.${errorCodeOf(error)}`)
        setStatus(null)
      } finally {
        setBusy(false)
      }
    },
    [onInterrupted],
  )

  const stop = useCallback(
    async (title: string) => {
      const r = recorder.current
      if (!r) return null
      setBusy(true)
      try {
        const media = await r.stop(title)
        const announcement = await addRecordedAnnouncement(appDatabase(), media)
        recorder.current = null
        setStatus(null)
        return announcement
      } catch (error) {
        setProblem(`errors.${errorCodeOf(error)}`)
        recorder.current = null
        setStatus(null)
        onInterrupted()
        return null
      } finally {
        setBusy(false)
      }
    },
    [onInterrupted],
  )

  return {
    status,
    problem,
    busy,
    start,
    stop,
    pause: () => recorder.current?.pause(),
    resume: () => recorder.current?.resume(),
    clearProblem: () => setProblem(null),
  }
}
