/**
 * Relay items (tiếp sóng): the station's FM receiver on the line-in, or a stream URL when online,
 * played into the programme bus through a gate on the AudioContext clock (relay-gate.ts).
 *
 * - Line-in: `getUserMedia` on the input chosen in settings (null: the system default) with the
 *   browser's voice processing off — echo cancellation, noise suppression and AGC are for speech
 *   and would pump and colour programme audio — into a MediaStreamAudioSourceNode.
 * - Stream: an HTMLAudioElement (`crossOrigin = 'anonymous'`: without CORS a cross-origin element
 *   feeds Web Audio with zeros, so a station that does not send `Access-Control-Allow-Origin`
 *   fails visibly instead of relaying silence) through createMediaElementSource. The element
 *   starts playing STREAM_LEAD_S before the item (on the context clock), into the closed gate,
 *   so its buffer is filled when the gate opens.
 *   References: https://webaudio.github.io/web-audio-api/#MediaElementAudioSourceNode (CORS),
 *   https://w3c.github.io/mediacapture-main/#dom-mediatracksupportedconstraints-echocancellation
 *
 * A source is opened ahead of its item (with the decode-ahead) and closed after it. A failure to
 * open answers a reason; a failure later (stream stalled or ended, capture device unplugged) is
 * reported once through `onProblem` — the gate stays as planned, so the slot is silent.
 */
import type { RundownItem } from '../../../shared/onair/rundown'
import { unprocessedAudio } from '../capture/capture'
import { atContextTime, type Cancel } from './ctx-timer'
import { applyGate, closeEvents, gateEvents } from './relay-gate'

export type RelayFailure =
  'permission' | 'device-missing' | 'capture-ended' | 'stream-failed' | 'stream-stalled' | 'other'

export interface RelaySource {
  /** opens the gate for the item heard from `startT` to `endT` (context seconds); a stream starts playing */
  arm(startT: number, endT: number): void
  /** closes the gate now (the item was interrupted before or while on air); the source stays open */
  mute(): void
  /** releases the capture / stream after a short fade */
  close(): void
}

export type RelayOpenResult =
  { isOk: true; source: RelaySource } | { isOk: false; reason: RelayFailure; detail: string }

export type RelayOpener = (
  ctx: AudioContext,
  output: AudioNode,
  item: Pick<RundownItem, 'relayUrl'>,
  onProblem: (reason: RelayFailure, detail: string) => void,
) => Promise<RelayOpenResult>

export interface RelayOpenerOptions {
  /** the line-in device chosen in settings, read at each opening; null: the system default input */
  lineInId: () => string | null
  /** how long a stream may take to become playable, and to stay buffering before it counts as stalled */
  streamTimeoutMs?: number
}

const STREAM_TIMEOUT_MS = 10_000
const RELEASE_AFTER_MS = 100
/** a stream starts playing this long before its item (into the closed gate) */
const STREAM_LEAD_S = 2

/** Wraps an open source node into a gated RelaySource; `release` frees the capture or the element. */
function gated(
  ctx: AudioContext,
  node: AudioNode,
  output: AudioNode,
  release: () => void,
  onArm = (_startT: number, _gate: AudioNode): void => undefined,
): RelaySource {
  const gate = ctx.createGain()
  gate.gain.value = 0
  node.connect(gate).connect(output)
  let isClosed = false
  const mute = (): void => {
    const now = ctx.currentTime
    applyGate(gate.gain, now, closeEvents(now, gate.gain.value))
  }
  return {
    arm(startT, endT) {
      const now = ctx.currentTime
      applyGate(gate.gain, now, gateEvents(now, startT, endT))
      onArm(startT, gate)
    },
    mute,
    close() {
      if (isClosed) return
      isClosed = true
      mute()
      setTimeout(() => {
        node.disconnect()
        gate.disconnect()
        release()
      }, RELEASE_AFTER_MS)
    },
  }
}

function captureFailure(error: unknown): { reason: RelayFailure; detail: string } {
  const name = error instanceof DOMException ? error.name : ''
  const detail = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : 'unknown'
  if (name === 'NotAllowedError' || name === 'SecurityError') return { reason: 'permission', detail }
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'NotReadableError')
    return { reason: 'device-missing', detail }
  return { reason: 'other', detail }
}

export async function openLineIn(
  ctx: AudioContext,
  output: AudioNode,
  deviceId: string | null,
  onProblem: (reason: RelayFailure, detail: string) => void,
): Promise<RelayOpenResult> {
  let stream: MediaStream
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: unprocessedAudio(deviceId) })
  } catch (error) {
    return { isOk: false, ...captureFailure(error) }
  }
  const tracks = stream.getAudioTracks()
  for (const track of tracks)
    track.addEventListener('ended', () => onProblem('capture-ended', track.label), { once: true })
  const node = ctx.createMediaStreamSource(stream)
  return { isOk: true, source: gated(ctx, node, output, () => tracks.forEach((t) => t.stop())) }
}

/** Resolves when the element can play, or with the reason it cannot within `timeoutMs`. */
function whenPlayable(audio: HTMLAudioElement, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    const done = (problem: string | null): void => {
      clearTimeout(timer)
      audio.removeEventListener('canplay', onReady)
      audio.removeEventListener('error', onError)
      resolve(problem)
    }
    const onReady = (): void => done(null)
    const onError = (): void => done(`media error ${audio.error?.code ?? '?'} ${audio.error?.message ?? ''}`.trim())
    const timer = setTimeout(() => done(`not playable after ${timeoutMs} ms`), timeoutMs)
    audio.addEventListener('canplay', onReady)
    audio.addEventListener('error', onError)
  })
}

/** Reports a stream that errors, ends, or keeps buffering longer than `stallMs` once it plays. */
function watchStream(
  audio: HTMLAudioElement,
  stallMs: number,
  report: (reason: RelayFailure, detail: string) => void,
): () => void {
  let stall: ReturnType<typeof setTimeout> | null = null
  const clear = (): void => {
    if (stall) clearTimeout(stall)
    stall = null
  }
  const onWaiting = (): void => {
    clear()
    stall = setTimeout(() => report('stream-stalled', `buffering for more than ${stallMs} ms`), stallMs)
  }
  const onError = (): void => report('stream-failed', `media error ${audio.error?.code ?? '?'}`)
  const onEnded = (): void => report('stream-stalled', 'the stream ended')
  audio.addEventListener('waiting', onWaiting)
  audio.addEventListener('playing', clear)
  audio.addEventListener('error', onError)
  audio.addEventListener('ended', onEnded)
  return () => {
    clear()
    audio.removeEventListener('waiting', onWaiting)
    audio.removeEventListener('playing', clear)
    audio.removeEventListener('error', onError)
    audio.removeEventListener('ended', onEnded)
  }
}

export async function openStream(
  ctx: AudioContext,
  output: AudioNode,
  url: string,
  onProblem: (reason: RelayFailure, detail: string) => void,
  timeoutMs = STREAM_TIMEOUT_MS,
): Promise<RelayOpenResult> {
  const audio = new Audio()
  audio.crossOrigin = 'anonymous'
  audio.preload = 'auto'
  audio.src = url
  const problem = await whenPlayable(audio, timeoutMs)
  if (problem !== null) {
    audio.removeAttribute('src')
    audio.load()
    return { isOk: false, reason: 'stream-failed', detail: problem }
  }
  let isReported = false
  const report = (reason: RelayFailure, detail: string): void => {
    if (isReported) return
    isReported = true
    onProblem(reason, detail)
  }
  const unwatch = watchStream(audio, timeoutMs, report)
  const node = ctx.createMediaElementSource(audio)
  const release = (): void => {
    unwatch()
    audio.pause()
    audio.removeAttribute('src')
    audio.load()
  }
  const play = (): void =>
    void audio
      .play()
      .catch((error: unknown) => report('stream-failed', error instanceof Error ? error.message : 'play refused'))
  let cancelPlay: Cancel | null = null
  const playBefore = (startT: number, gate: AudioNode): void => {
    cancelPlay?.()
    cancelPlay = atContextTime(ctx, gate, startT - STREAM_LEAD_S, play)
  }
  const releaseAll = (): void => {
    cancelPlay?.()
    release()
  }
  return { isOk: true, source: gated(ctx, node, output, releaseAll, playBefore) }
}

/** The engine's opener: line-in when the item has no URL, else the stream. */
export function createRelayOpener(o: RelayOpenerOptions): RelayOpener {
  return (ctx, output, item, onProblem) =>
    item.relayUrl === null
      ? openLineIn(ctx, output, o.lineInId(), onProblem)
      : openStream(ctx, output, item.relayUrl, onProblem, o.streamTimeoutMs)
}
