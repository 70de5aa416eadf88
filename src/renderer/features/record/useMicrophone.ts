/**
 * Keeps the chosen microphone open while the Record screen is shown, so the officer sees the
 * level before pressing record and recording starts on the very next block (no device start-up
 * delay that would clip the first words). Recorders subscribe to its blocks.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { CaptureError, startCapture, type Capture, type CaptureBlock } from '../../audio/capture/capture'

export interface BlockListener {
  onBlock(block: CaptureBlock): void
  onEnded(): void
}

export interface MicrophoneSource {
  readonly sampleRate: number
  subscribe(listener: BlockListener): () => void
}

export interface MicrophoneLevel {
  peak: number
  isClipping: boolean
}

const CLIP_LEVEL = 0.999

export function useMicrophone(deviceId: string | null) {
  const listeners = useRef(new Set<BlockListener>())
  const [capture, setCapture] = useState<Capture | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [level, setLevel] = useState<MicrophoneLevel>({ peak: 0, isClipping: false })

  useEffect(() => {
    let cancelled = false
    let opened: Capture | null = null
    let lastClipFrame = Number.NEGATIVE_INFINITY
    startCapture({
      deviceId,
      onBlock: (block) => {
        for (const l of listeners.current) l.onBlock(block)
        if (block.peak >= CLIP_LEVEL) lastClipFrame = block.totalFrames
        const rate = opened?.sampleRate ?? 48_000
        setLevel({ peak: block.peak, isClipping: block.totalFrames - lastClipFrame < 2 * rate })
      },
      onEnded: () => {
        for (const l of listeners.current) l.onEnded()
        setProblem('errors.mic-lost')
        setCapture(null)
      },
    }).then(
      (c) => {
        if (cancelled) return void c.stop()
        opened = c
        setProblem(null)
        setCapture(c)
      },
      (error: unknown) => {
        if (!cancelled) setProblem(error instanceof CaptureError ? `errors.${error.code}` : 'errors.mic-failed')
      },
    )
    return () => {
      cancelled = true
      setCapture(null)
      void opened?.stop()
    }
  }, [deviceId])

  const subscribe = useCallback((listener: BlockListener) => {
    listeners.current.add(listener)
    return () => void listeners.current.delete(listener)
  }, [])

  const source: MicrophoneSource | null = capture ? { sampleRate: capture.sampleRate, subscribe } : null
  return { source, level, problem, label: capture?.deviceLabel ?? '' }
}
