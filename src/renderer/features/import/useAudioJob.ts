/**
 * One audio job at a time for a screen: run it with progress and a cancel, and know whether it is
 * running. Used by the export buttons and the loudness actions (the editor builds on it).
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { JobOptions } from '../../audio/ffmpeg'

export function useAudioJob() {
  const [progress, setProgress] = useState<number | null>(null)
  const controller = useRef<AbortController | null>(null)
  useEffect(() => () => controller.current?.abort(), [])

  const run = useCallback(async <T>(job: (options: Required<JobOptions>) => Promise<T>): Promise<T> => {
    controller.current?.abort()
    const abort = new AbortController()
    controller.current = abort
    setProgress(0)
    try {
      return await job({ signal: abort.signal, onProgress: setProgress })
    } finally {
      if (controller.current === abort) {
        controller.current = null
        setProgress(null)
      }
    }
  }, [])

  const cancel = useCallback(() => controller.current?.abort(), [])
  return { progress, isRunning: progress !== null, run, cancel }
}
