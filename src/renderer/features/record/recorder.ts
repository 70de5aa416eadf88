/**
 * One recording from start to stop, independent of React. Blocks from the capture go into a
 * queue that is sent to the host one append at a time, numbered, so the file on disk is exactly
 * the blocks the host acknowledged. A lost connection is retried with the same number (the host
 * ignores a replay); any other failure ends the recording, which stays on disk and is offered
 * back as interrupted.
 */
import { newId } from '../../../shared/ids'
import type { FinishedMedia } from '../../../shared/ipc/recording'
import type { ErrorCode } from '../../../shared/result'
import type { CaptureBlock } from '../../audio/capture/capture'
import { BridgeError, call, errorCodeOf } from '../../bridge/bridge'
import { takeUpTo } from './block-queue'
import type { MicrophoneSource } from './useMicrophone'

export type RecorderPhase = 'recording' | 'paused' | 'stopping' | 'stopped' | 'failed'

export interface RecorderStatus {
  phase: RecorderPhase
  sampleRate: number
  /** Samples accepted for the file (sent or queued). */
  sampleCount: number
  /** Samples the host has confirmed written. */
  savedSampleCount: number
  /** Frames delivered by the microphone since this recording started, paused or not. */
  framesSeen: number
}

export interface RecorderOptions {
  source: MicrophoneSource
  title: string
  maxMinutes: number
  onStatus: (status: RecorderStatus) => void
  /** The recording ended by itself: 'max-length', or a failure code. */
  onEnd: (reason: 'max-length' | ErrorCode | 'mic-lost') => void
}

export interface Recorder {
  readonly id: string
  pause(): void
  resume(): void
  stop(title: string): Promise<FinishedMedia>
  /** Stops taking blocks without finishing; the file remains recoverable. */
  abandon(): void
}

const MAX_APPEND_BYTES = 192_000
const RETRY_MS = 500
const MAX_RETRIES = 40

export async function startRecorder(options: RecorderOptions): Promise<Recorder> {
  const id = newId()
  const queue: Array<Uint8Array<ArrayBuffer>> = []
  let seq = 0
  let pumping: Promise<void> | null = null
  // Blocks captured before the host has opened the file wait in the queue.
  let isStarted = false
  let failed: ErrorCode | null = null
  let unsubscribe: (() => void) | null = null
  const status: RecorderStatus = {
    phase: 'recording',
    sampleRate: options.source.sampleRate,
    sampleCount: 0,
    savedSampleCount: 0,
    framesSeen: 0,
  }
  const emit = (): void => options.onStatus({ ...status })

  const sendOne = async (pcm: Uint8Array<ArrayBuffer>): Promise<void> => {
    for (let attempt = 0; ; attempt++) {
      try {
        const { sampleCount } = await call('recording:append', { id, seq, pcm })
        status.savedSampleCount = sampleCount
        seq++
        return
      } catch (error) {
        const code = errorCodeOf(error)
        if (code !== 'disconnected' || attempt >= MAX_RETRIES) throw error
        await new Promise((r) => setTimeout(r, RETRY_MS))
      }
    }
  }

  const drain = async (): Promise<void> => {
    try {
      while (queue.length > 0 && failed === null) {
        await sendOne(takeUpTo(queue, MAX_APPEND_BYTES))
      }
    } catch (error) {
      failed = errorCodeOf(error)
      status.phase = 'failed'
      emit()
      unsubscribe?.()
      options.onEnd(failed)
    }
  }

  // One drain at a time; `finally` runs after the assignment even when the queue is empty.
  const pump = (): Promise<void> => {
    pumping ??= drain().finally(() => {
      pumping = null
    })
    return pumping
  }

  const maxSamples = (sampleRate: number): number => options.maxMinutes * 60 * sampleRate

  const onBlock = (block: CaptureBlock): void => {
    status.framesSeen += block.frames
    if (status.phase === 'recording') {
      queue.push(new Uint8Array(block.pcm))
      status.sampleCount += block.frames
      if (isStarted) void pump()
      if (status.sampleCount >= maxSamples(status.sampleRate)) {
        status.phase = 'paused'
        options.onEnd('max-length')
      }
    }
    emit()
  }

  unsubscribe = options.source.subscribe({
    onBlock,
    onEnded: () => {
      if (status.phase === 'recording' || status.phase === 'paused') {
        status.phase = 'paused'
        emit()
        options.onEnd('mic-lost')
      }
    },
  })
  try {
    await call('recording:start', { id, title: options.title, sampleRate: status.sampleRate })
  } catch (error) {
    unsubscribe()
    throw error
  }
  isStarted = true
  void pump()
  emit()

  return {
    id,
    pause() {
      if (status.phase === 'recording') status.phase = 'paused'
      emit()
    },
    resume() {
      if (status.phase === 'paused' && status.sampleCount < maxSamples(status.sampleRate)) status.phase = 'recording'
      emit()
    },
    async stop(title) {
      status.phase = 'stopping'
      emit()
      unsubscribe?.()
      await pump()
      if (failed !== null) throw new BridgeError(failed, 'recorder: the recording failed before it was stopped')
      const media = await call('recording:stop', { id, title })
      status.phase = 'stopped'
      emit()
      return media
    },
    abandon() {
      status.phase = 'stopped'
      unsubscribe?.()
    },
  }
}
