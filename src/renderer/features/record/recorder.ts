/**
 * One recording from start to stop, independent of React. Blocks from the capture are kept in
 * the pending audio until the host has them; the sender (recorder-sender.ts) numbers and sends
 * them, and continues the take when the host comes back after a loss, so the file on disk is
 * exactly the audio captured. While the host cannot be reached the status says so at once
 * (`hostLostAt`) and the audio waits in memory, up to `maxUnsavedSeconds`. A failure that cannot
 * be retried (a full disk) ends the recording, which stays on disk and is offered back.
 */
import { newId } from '../../../shared/ids'
import type { FinishedMedia } from '../../../shared/ipc/recording'
import type { ErrorCode } from '../../../shared/result'
import type { CaptureBlock } from '../../audio/capture/capture'
import { createPendingAudio } from './pending-audio'
import type { RecorderHost } from './recorder-host'
import { createSender } from './recorder-sender'
import type { MicrophoneSource } from './useMicrophone'

export type RecorderPhase = 'recording' | 'paused' | 'stopping' | 'stopped' | 'failed'

export interface RecorderStatus {
  phase: RecorderPhase
  sampleRate: number
  /** Samples accepted for the file (sent or waiting to be sent). */
  sampleCount: number
  /** Samples the host has confirmed written. */
  savedSampleCount: number
  /** Frames delivered by the microphone since this recording started, paused or not. */
  framesSeen: number
  /** While the host cannot be reached: the confirmed samples when it was lost; null otherwise. */
  hostLostAt: number | null
}

export type RecorderEnd = 'max-length' | 'mic-lost' | 'buffer-full' | ErrorCode

export interface RecorderOptions {
  source: MicrophoneSource
  title: string
  maxMinutes: number
  host: RecorderHost
  /** Most audio held in memory while the host cannot be reached (default 10 minutes). */
  maxUnsavedSeconds?: number
  /** How long a stop waits for a lost host to come back (default 2 minutes). */
  stopWaitMs?: number
  onStatus: (status: RecorderStatus) => void
  /** The recording stopped taking audio by itself: a limit, the microphone, or a failure code. */
  onEnd: (reason: RecorderEnd) => void
}

export interface Recorder {
  readonly id: string
  pause(): void
  resume(): void
  stop(title: string): Promise<FinishedMedia>
  /** Stops taking blocks without storing; what was captured is sent and offered back as interrupted. */
  abandon(): void
}

const WATCH_MS = 250

export async function startRecorder(options: RecorderOptions): Promise<Recorder> {
  const { host } = options
  const id = newId()
  const audio = createPendingAudio()
  const rate = options.source.sampleRate
  const maxUnsavedBytes = (options.maxUnsavedSeconds ?? 600) * rate * 2
  const stopWaitMs = options.stopWaitMs ?? 120_000
  let isStarted = false
  const status: RecorderStatus = {
    phase: 'recording',
    ...{ sampleRate: rate, sampleCount: 0, savedSampleCount: 0, framesSeen: 0, hostLostAt: null },
  }

  const emit = (): void => {
    status.savedSampleCount = sender.savedSampleCount
    const isLost = isStarted && sender.isHostLost()
    if (!isLost) status.hostLostAt = null
    else status.hostLostAt ??= status.savedSampleCount
    options.onStatus({ ...status })
  }
  const sender = createSender({
    id,
    host,
    audio,
    onProgress: () => emit(),
    onFailure: (code) => {
      status.phase = 'failed'
      end()
      emit()
      options.onEnd(code)
    },
  })
  // The status is refreshed even when no block arrives (stopping), so a silent host shows at once.
  const watch = setInterval(emit, WATCH_MS)
  let unsubscribe: (() => void) | null = null
  const end = (): void => {
    unsubscribe?.()
    clearInterval(watch)
  }

  const maxSamples = options.maxMinutes * 60 * rate
  const pauseFor = (reason: RecorderEnd): void => {
    status.phase = 'paused'
    options.onEnd(reason)
  }
  const onBlock = (block: CaptureBlock): void => {
    status.framesSeen += block.frames
    if (status.phase === 'recording') {
      audio.push(new Uint8Array(block.pcm))
      status.sampleCount += block.frames
      if (isStarted) sender.kick()
      if (status.sampleCount >= maxSamples) pauseFor('max-length')
      else if (audio.bytes >= maxUnsavedBytes) pauseFor('buffer-full')
    }
    emit()
  }

  unsubscribe = options.source.subscribe({
    onBlock,
    onEnded: () => {
      if (status.phase !== 'recording' && status.phase !== 'paused') return
      status.phase = 'paused'
      emit()
      options.onEnd('mic-lost')
    },
  })
  try {
    // Blocks captured before the host has opened the file wait in the pending audio.
    await host.call('recording:start', { id, title: options.title, sampleRate: rate })
  } catch (error) {
    end()
    sender.dispose()
    throw error
  }
  isStarted = true
  sender.kick()
  emit()

  return {
    id,
    pause() {
      if (status.phase === 'recording') status.phase = 'paused'
      emit()
    },
    resume() {
      const hasRoom = status.sampleCount < maxSamples && audio.bytes < maxUnsavedBytes
      if (status.phase === 'paused' && hasRoom) status.phase = 'recording'
      emit()
    },
    async stop(title) {
      status.phase = 'stopping'
      unsubscribe?.()
      emit()
      try {
        const media = await sender.stop(title, Date.now() + stopWaitMs)
        status.phase = 'stopped'
        return media
      } catch (error) {
        status.phase = 'failed'
        throw error
      } finally {
        end()
        sender.dispose()
        emit()
      }
    },
    abandon() {
      if (status.phase !== 'recording' && status.phase !== 'paused') return
      status.phase = 'stopped'
      end()
      void sender
        .flush(Date.now() + stopWaitMs)
        .then(() => host.call('recording:interrupt', { id }))
        .catch(() => undefined)
        .finally(() => sender.dispose())
    },
  }
}
