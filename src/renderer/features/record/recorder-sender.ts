/**
 * Sends a recording's pending audio to the host, one numbered append at a time, and keeps going
 * across a lost host: when the connection drops (or the host restarted, or ended the recording
 * because this page's old connection closed) it waits for the host, asks where the file ends
 * (`recording:resume`), drops what the host already has and sends the rest. Nothing the host has
 * not acknowledged leaves the pending audio, so a short outage loses nothing.
 *
 * Waits for the host are unbounded while recording (the recorder bounds the audio held) and end
 * at a deadline when stopping, so a stop never hangs.
 */
import type { FinishedMedia } from '../../../shared/ipc/recording'
import type { ErrorCode } from '../../../shared/result'
import { BridgeError, errorCodeOf } from '../../bridge/bridge-error'
import type { PendingAudio } from './pending-audio'
import { waitForHost, withDeadline, type RecorderHost } from './recorder-host'

/** At most 2 s at 48 kHz per append (the contract allows 384,000 bytes). */
const MAX_APPEND_BYTES = 192_000
/** An append unanswered this long means the host is not answering (shown to the officer). */
const SILENT_HOST_MS = 1500
const RETRY_MS = 250

export interface SenderOptions {
  id: string
  host: RecorderHost
  audio: PendingAudio
  /** Something the status shows changed (samples saved, host lost or back). */
  onProgress: () => void
  /** Sending failed for good (a full disk, the take gone); the recording ends. */
  onFailure: (code: ErrorCode) => void
}

export interface Sender {
  /** Starts sending what is pending, unless it is already being sent. */
  kick(): void
  /** Sends everything pending; rejects with the failure, or 'disconnected' at `deadline` (epoch ms). */
  flush(deadline: number): Promise<void>
  /** Stores the take once everything is sent, across a reconnection; rejects at `deadline`. */
  stop(title: string, deadline: number): Promise<FinishedMedia>
  /** The host cannot be reached, or has not answered for a while. */
  isHostLost(): boolean
  /** Samples the host has confirmed. */
  readonly savedSampleCount: number
  dispose(): void
}

const isRetryable = (code: ErrorCode): boolean => code === 'disconnected' || code === 'not-found'
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

export function createSender({ id, host, audio, onProgress, onFailure }: SenderOptions): Sender {
  let seq = 0
  let saved = 0
  let needsResume = false
  let inFlightSince: number | null = null
  let failure: ErrorCode | null = null
  let storedAlready: FinishedMedia | null = null
  let deadline = Number.POSITIVE_INFINITY
  const until = (): number => deadline
  let pumping: Promise<void> | null = null

  const unsubscribe = host.connection.subscribe((isConnected) => {
    // The host ends a recording whose connection closed: it must be resumed before the next append.
    if (!isConnected) needsResume = true
    else if (audio.bytes > 0) kick()
    onProgress()
  })

  /** The host's file ends at `sampleCount`: forget what it already has (an answer lost on the way). */
  const align = (sampleCount: number): void => {
    const extra = sampleCount - saved
    if (extra > 0) audio.drop(extra * 2)
    else if (extra < 0) console.warn(`recorder: ${id} lost ${-extra} confirmed samples on the host`)
    saved = sampleCount
  }

  const resume = async (): Promise<void> => {
    await waitForHost(host.connection, until)
    try {
      const answer = await withDeadline(host.call('recording:resume', { id, nextSeq: seq }), until)
      if (answer.stored) storedAlready = answer.stored
      else align(answer.sampleCount)
      needsResume = false
      onProgress()
    } catch (error) {
      if (errorCodeOf(error) !== 'disconnected' || Date.now() >= deadline) throw error
      await sleep(RETRY_MS)
    }
  }

  const sendNext = async (): Promise<void> => {
    await waitForHost(host.connection, until)
    const pcm = audio.peek(MAX_APPEND_BYTES)
    inFlightSince = Date.now()
    try {
      const { sampleCount } = await withDeadline(host.call('recording:append', { id, seq, pcm }), until)
      audio.drop(pcm.byteLength)
      seq++
      saved = sampleCount
    } catch (error) {
      if (!isRetryable(errorCodeOf(error)) || Date.now() >= deadline) throw error
      needsResume = true
    } finally {
      inFlightSince = null
      onProgress()
    }
  }

  const drain = async (): Promise<void> => {
    while (audio.bytes > 0 && failure === null) {
      if (storedAlready) throw new BridgeError('conflict', `recorder: ${id} was stored while still recording`)
      if (needsResume) await resume()
      else await sendNext()
    }
  }

  const fail = (error: unknown): void => {
    failure = errorCodeOf(error)
    onFailure(failure)
  }

  function kick(): void {
    if (failure !== null) return
    pumping ??= drain()
      .catch(fail)
      .finally(() => {
        pumping = null
      })
  }

  const flush = async (at: number): Promise<void> => {
    deadline = at
    kick()
    while (pumping) await pumping
    if (failure !== null) throw new BridgeError(failure, `recorder: ${id} could not be sent`)
  }

  return {
    kick,
    flush,
    async stop(title, at) {
      await flush(at)
      while (Date.now() < deadline) {
        if (storedAlready) return storedAlready
        if (needsResume) {
          await resume()
          continue
        }
        try {
          return await withDeadline(host.call('recording:stop', { id, title }), until)
        } catch (error) {
          if (!isRetryable(errorCodeOf(error))) throw error
          needsResume = true
        }
      }
      throw new BridgeError('disconnected', `recorder: ${id} could not be stored before the deadline`)
    },
    isHostLost: () =>
      needsResume ||
      !host.connection.isConnected() ||
      (inFlightSince !== null && Date.now() - inFlightSince > SILENT_HOST_MS),
    get savedSampleCount() {
      return saved
    },
    dispose: unsubscribe,
  }
}
