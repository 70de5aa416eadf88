/**
 * The TTS screen's state: one engine for the screen's lifetime (its worker stops when the screen
 * closes), a preview as a playable blob URL, and "create the announcement". Synthesis is
 * cancellable; a new request cancels the one running.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Announcement } from '../../../shared/model/announcement'
import { errorCodeOf } from '../../bridge/bridge'
import { TtsError, type SynthesizeOptions, type TtsEngine } from '../../audio/tts/engine'
import { createEspeakEngine } from '../../audio/tts/espeak-engine'
import { storeSpeech } from './store-speech'

export type TtsBusy = 'preview' | 'create' | null

function speak(engine: TtsEngine | null, text: string, options: SynthesizeOptions, signal: AbortSignal) {
  if (!engine) return Promise.reject(new TtsError('engine-failed', 'tts: no engine'))
  return engine.synthesize(text, options, signal)
}

const problemKey = (error: unknown): string =>
  error instanceof TtsError ? `tts.errors.${error.code}` : `errors.${errorCodeOf(error)}`

export function useTts() {
  const engine = useRef<TtsEngine | null>(null)
  const running = useRef<AbortController | null>(null)
  const [busy, setBusy] = useState<TtsBusy>(null)
  const [previewUrl, setPreviewUrl] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    engine.current = createEspeakEngine()
    return () => {
      running.current?.abort()
      engine.current?.dispose()
      engine.current = null
    }
  }, [])
  useEffect(() => () => void (previewUrl && URL.revokeObjectURL(previewUrl)), [previewUrl])

  const run = useCallback(async <T>(kind: TtsBusy, work: (signal: AbortSignal) => Promise<T>): Promise<T | null> => {
    running.current?.abort()
    const controller = new AbortController()
    running.current = controller
    setBusy(kind)
    setProblem(null)
    try {
      return await work(controller.signal)
    } catch (error) {
      if (!controller.signal.aborted) {
        console.error('tts:', error instanceof Error ? error.message : error)
        setProblem(problemKey(error))
      }
      return null
    } finally {
      if (running.current === controller) {
        running.current = null
        setBusy(null)
      }
    }
  }, [])

  const preview = useCallback(
    (text: string, options: SynthesizeOptions) =>
      run('preview', async (signal) => {
        const wav = await speak(engine.current, text, options, signal)
        setPreviewUrl(URL.createObjectURL(new Blob([wav as Uint8Array<ArrayBuffer>], { type: 'audio/wav' })))
      }),
    [run],
  )

  const create = useCallback(
    (text: string, title: string, options: SynthesizeOptions): Promise<Announcement | null> =>
      run('create', async (signal) => storeSpeech(await speak(engine.current, text, options, signal), title, signal)),
    [run],
  )

  const cancel = useCallback(() => running.current?.abort(), [])

  return { busy, previewUrl, problem, preview, create, cancel }
}
