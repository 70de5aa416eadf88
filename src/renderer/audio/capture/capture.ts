/**
 * Microphone capture: getUserMedia → AudioWorklet (pcm-capture) → blocks of 16-bit PCM.
 * Browser processing (echo cancellation, noise suppression, gain control) is turned off: the
 * station wants the voice as the microphone gives it, and levelling is done on purpose later.
 */
import { CodedError } from '../../../shared/result'
import type { CaptureBlock } from './pcm-capture.worklet'
import workletUrl from './pcm-capture.worklet.ts?worker&url'

export type { CaptureBlock }

export type CaptureErrorCode = 'no-microphone' | 'mic-permission' | 'mic-busy' | 'mic-failed'

export class CaptureError extends CodedError<CaptureErrorCode> {
  override readonly name = 'CaptureError'
}

export interface CaptureOptions {
  deviceId: string | null
  onBlock: (block: CaptureBlock) => void
  /** The track ended on its own (microphone unplugged). */
  onEnded?: () => void
}

export interface Capture {
  readonly sampleRate: number
  readonly deviceLabel: string
  stop(): Promise<void>
}

function toCaptureError(error: unknown): CaptureError {
  const name = error instanceof DOMException ? error.name : ''
  const message = error instanceof Error ? error.message : String(error)
  if (name === 'NotAllowedError' || name === 'SecurityError') return new CaptureError('mic-permission', message)
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return new CaptureError('no-microphone', message)
  if (name === 'NotReadableError' || name === 'AbortError') return new CaptureError('mic-busy', message)
  return new CaptureError('mic-failed', message)
}

/**
 * Capture constraints for programme-grade audio from one input (null: the system default): the
 * browser's voice processing (echo cancellation, noise suppression, AGC) off, as it pumps and
 * colours what it hears.
 */
export function unprocessedAudio(deviceId: string | null | undefined): MediaTrackConstraints {
  return {
    ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
    echoCancellation: false,
    noiseSuppression: false,
    autoGainControl: false,
  }
}

export async function startCapture({ deviceId, onBlock, onEnded }: CaptureOptions): Promise<Capture> {
  let stream: MediaStream
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: unprocessedAudio(deviceId) })
  } catch (error) {
    throw toCaptureError(error)
  }
  const context = new AudioContext({ latencyHint: 'interactive' })
  try {
    await context.resume()
    await context.audioWorklet.addModule(workletUrl)
  } catch (error) {
    for (const t of stream.getTracks()) t.stop()
    await context.close()
    throw new CaptureError('mic-failed', error instanceof Error ? error.message : String(error))
  }
  const source = context.createMediaStreamSource(stream)
  const node = new AudioWorkletNode(context, 'pcm-capture', {
    numberOfInputs: 1,
    numberOfOutputs: 1,
    processorOptions: { blockMs: 100 },
  })
  // The worklet is only pulled when connected to the destination; a zero gain keeps it silent.
  const mute = context.createGain()
  mute.gain.value = 0
  source.connect(node).connect(mute).connect(context.destination)
  node.port.onmessage = (event: MessageEvent<CaptureBlock>) => onBlock(event.data)
  const track = stream.getAudioTracks()[0]
  if (track && onEnded) track.addEventListener('ended', onEnded)

  return {
    sampleRate: context.sampleRate,
    deviceLabel: track?.label ?? '',
    async stop() {
      node.port.onmessage = null
      source.disconnect()
      node.disconnect()
      for (const t of stream.getTracks()) t.stop()
      await context.close()
    },
  }
}

export async function listMicrophones(): Promise<MediaDeviceInfo[]> {
  const devices = await navigator.mediaDevices.enumerateDevices()
  return devices.filter((d) => d.kind === 'audioinput')
}
