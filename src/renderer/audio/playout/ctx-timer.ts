/**
 * Wake-ups on the AudioContext clock. Timers of a hidden window are throttled (to once a second,
 * or once a minute after a while in Chrome), but the `ended` event of a source node is driven by
 * the audio thread: a silent ConstantSourceNode started and stopped at `time` fires `ended`
 * within one render quantum of it, window hidden or not. A plain timer set 1 s later is the
 * fallback for a context that is suspended (nothing would play then anyway).
 * Reference: https://webaudio.github.io/web-audio-api/#dom-audioscheduledsourcenode-onended
 */

export type Cancel = () => void

export function atContextTime(ctx: BaseAudioContext, sink: AudioNode, time: number, fire: () => void): Cancel {
  let isDone = false
  const once = (): void => {
    if (isDone) return
    isDone = true
    clearTimeout(fallback)
    source.disconnect()
    fire()
  }
  const source = ctx.createConstantSource()
  source.offset.value = 0
  source.connect(sink)
  source.onended = once
  const at = Math.max(time, ctx.currentTime)
  source.start(at)
  source.stop(at)
  const fallback = setTimeout(once, (at - ctx.currentTime) * 1000 + 1000)
  return () => {
    if (isDone) return
    isDone = true
    clearTimeout(fallback)
    source.onended = null
    source.disconnect()
  }
}

/** Resolves at context time `time` (see above). */
export function untilContextTime(ctx: BaseAudioContext, sink: AudioNode, time: number): Promise<void> {
  return new Promise((resolve) => {
    atContextTime(ctx, sink, time, resolve)
  })
}
