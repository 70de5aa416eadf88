/**
 * The officer's microphone over the programme: opened on demand (the microphone chosen in
 * settings), without the browser's voice processing (echo cancellation would fight the
 * programme), faded in on the master bus; the engine ducks the programme meanwhile.
 */
import { microphoneRamp, type DuckOptions } from './ducking'

export interface Microphone {
  close(): void
}

export async function openMicrophone(
  ctx: AudioContext,
  output: AudioNode,
  deviceId: string | null,
  duck: DuckOptions = {},
): Promise<Microphone> {
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: {
      ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
      echoCancellation: false,
      noiseSuppression: false,
      autoGainControl: false,
    },
  })
  const source = ctx.createMediaStreamSource(stream)
  const gain = ctx.createGain()
  const fadeIn = microphoneRamp(true, ctx.currentTime, duck)
  gain.gain.setValueAtTime(fadeIn.from, fadeIn.startTime)
  gain.gain.linearRampToValueAtTime(fadeIn.to, fadeIn.endTime)
  source.connect(gain).connect(output)
  return {
    close() {
      const fadeOut = microphoneRamp(false, ctx.currentTime, duck)
      gain.gain.cancelScheduledValues(fadeOut.startTime)
      gain.gain.setValueAtTime(fadeOut.from, fadeOut.startTime)
      gain.gain.linearRampToValueAtTime(fadeOut.to, fadeOut.endTime)
      setTimeout(
        () => {
          source.disconnect()
          gain.disconnect()
          for (const track of stream.getTracks()) track.stop()
        },
        (fadeOut.endTime - fadeOut.startTime) * 1000 + 50,
      )
    },
  }
}
