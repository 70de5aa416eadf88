/**
 * The TTS screen's state: one engine for the screen's lifetime (its worker stops when the screen
 * closes), a preview as a playable blob URL, and "create the announcement", each with progress
 * (0..1) and a cancel. A new request cancels the one running. The preview's chunks become Blob
 * parts as they arrive (the browser may keep a large Blob on disk), so a long text's preview does
 * not hold its audio in the page's memory.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Announcement } from '../../../shared/model/announcement'
import { storeWavHeader } from '../../../shared/tts/store-wav'
import { errorCodeOf } from '../../bridge/bridge'
import { TtsError, type SynthesizeOptions, type TtsEngine } from '../../audio/tts/engine'
import { createEspeakEngine } from '../../audio/tts/espeak-engine'
import { storeSpeech } from './store-speech'

export type TtsBusy = 'preview' | 'create' | null

interface RunControl {
  signal: AbortSignal
  onProgress: (fraction: number) => void
}

const problemKey = (error: unknown): string =>
  error instanceof TtsError ? `tts.errors.${error.code}` : `errors.${errorCodeOf(error)}`

/** Speaks the text into a WAV Blob, chunk by chunk. */
async function previewBlob(engine: TtsEngine, text: string, options: SynthesizeOptions, control: RunControl) {
  const parts: Blob[] = []
  const samples = await engine.synthesize(
    text,
    options,
    (pcm) => {
      parts.push(new Blob([pcm as Uint8Array<ArrayBuffer>]))
      return Promise.resolve()
    },
    control,
  )
  return new Blob([storeWavHeader(samples), ...parts], { type: 'audio/wav' })
}

export function useTts() {
  const engine = useRef<TtsEngine | null>(null)
  const running = useRef<AbortController | null>(null)
  const [busy, setBusy] = useState<TtsBusy>(null)
  const [progress, setProgress] = useState(0)
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

  const run = useCallback(
    async <T>(kind: TtsBusy, work: (engine: TtsEngine, control: RunControl) => Promise<T>): Promise<T | null> => {
      running.current?.abort()
      const controller = new AbortController()
      running.current = controller
      setBusy(kind)
      setProgress(0)
      setProblem(null)
      const onProgress = (f: number) => running.current === controller && setProgress(f)
      try {
        if (!engine.current) throw new TtsError('engine-failed', 'tts: no engine')
        return await work(engine.current, { signal: controller.signal, onProgress })
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
    },
    [],
  )

  const preview = useCallback(
    (text: string, options: SynthesizeOptions) =>
      run('preview', async (tts, control) => {
        setPreviewUrl(URL.createObjectURL(await previewBlob(tts, text, options, control)))
      }),
    [run],
  )

  const create = useCallback(
    (text: string, title: string, options: SynthesizeOptions): Promise<Announcement | null> =>
      run('create', (tts, control) => storeSpeech(tts, text, options, title, control)),
    [run],
  )

  const cancel = useCallback(() => running.current?.abort(), [])

  return { busy, progress, previewUrl, problem, preview, create, cancel }
}
