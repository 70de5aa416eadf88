/**
 * One ffmpeg job at a time from the editor (measure, normalise, A/B, export): its label, progress
 * (0..1) and a cancel. A cancelled job is not an error; any other failure is shown translated.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { JobCancelledError, type JobOptions } from '../../audio/ffmpeg'

export interface AudioJobState {
  label: string | null
  progress: number
  problem: string | null
}

export function useAudioJob() {
  const [state, setState] = useState<AudioJobState>({ label: null, progress: 0, problem: null })
  const abort = useRef<AbortController | null>(null)
  useEffect(() => () => abort.current?.abort(), [])

  const run = useCallback(async <T>(label: string, job: (options: JobOptions) => Promise<T>): Promise<T | null> => {
    abort.current?.abort()
    const controller = new AbortController()
    abort.current = controller
    setState({ label, progress: 0, problem: null })
    const onProgress = (progress: number) => setState((s) => (s.label === label ? { ...s, progress } : s))
    try {
      const result = await job({ onProgress, signal: controller.signal })
      setState({ label: null, progress: 0, problem: null })
      return result
    } catch (error) {
      const problem = error instanceof JobCancelledError || controller.signal.aborted ? null : 'editor.errors.job'
      setState({ label: null, progress: 0, problem })
      return null
    } finally {
      if (abort.current === controller) abort.current = null
    }
  }, [])

  const cancel = useCallback(() => abort.current?.abort(), [])
  return { ...state, isBusy: state.label !== null, run, cancel }
}

export type AudioJob = ReturnType<typeof useAudioJob>
