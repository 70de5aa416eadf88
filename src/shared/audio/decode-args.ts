/**
 * Import decoding: any file ffmpeg reads → the media store's format, mono 44.1 kHz 16-bit PCM
 * WAV with the plain 44-byte header (`-bitexact` leaves out the LIST chunk). The same arguments
 * run in ffmpeg.wasm (the app) and native ffmpeg (the corpus tests). The first audio stream is
 * taken; video (a cover picture) is dropped; channels are downmixed by ffmpeg's default matrix.
 *
 * Also reads ffmpeg's log: the input's duration (`Duration: 00:01:02.34`), progress
 * (`time=00:00:12.34`) and, when decoding fails, why, as a reason the officer can act on.
 */
import { z } from 'zod'

export const IMPORT_RATE = 44_100

export function decodeArgs(input: string, output: string): string[] {
  return [
    ...['-hide_banner', '-nostdin', '-y', '-i', input],
    ...['-map', '0:a:0', '-vn', '-sn', '-dn', '-map_metadata', '-1'],
    ...['-ac', '1', '-ar', String(IMPORT_RATE), '-c:a', 'pcm_s16le', '-bitexact', '-f', 'wav', output],
  ]
}

const clock = /(\d+):(\d{2}):(\d{2}(?:\.\d+)?)/
const toSeconds = (m: RegExpExecArray | null): number | null =>
  m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : null

/** The first `Duration:` of the log in seconds (null when unknown, e.g. `N/A`). */
export const parseLogDuration = (log: string): number | null =>
  toSeconds(new RegExp(`Duration: ${clock.source}`).exec(log))

/** The `time=` of one progress line in seconds. */
export const parseLogTime = (line: string): number | null => toSeconds(new RegExp(`time=${clock.source}`).exec(line))

/** The officer's file as it came (the stored WAV is always mono 44.1 kHz). */
export const inputAudioSchema = z.object({
  /** ffmpeg's codec name: `mp3`, `flac`, `aac`, `pcm_s24le`, … */
  codec: z.string().min(1).max(40),
  sampleRate: z.number().int().positive(),
  channels: z.number().int().positive().max(64),
})
export type InputAudio = z.infer<typeof inputAudioSchema>

/** Channel counts of ffmpeg's layout names (ffmpeg-utils(1), "Channel Layout"). */
const LAYOUT_CHANNELS: Readonly<Record<string, number>> = {
  mono: 1,
  stereo: 2,
  '2.1': 3,
  '3.0': 3,
  '3.0(back)': 3,
  quad: 4,
  'quad(side)': 4,
  '4.0': 4,
  '4.1': 5,
  '5.0': 5,
  '5.0(side)': 5,
  '5.1': 6,
  '5.1(side)': 6,
  '6.1': 7,
  '7.1': 8,
  '7.1(wide)': 8,
}

/**
 * The first audio stream's codec, rate and channels from the header ffmpeg prints for its input:
 *   Stream #0:0[0x1](und): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, stereo, fltp, 96 kb/s
 * null when there is none or it does not say.
 */
export function parseInputAudio(log: string): InputAudio | null {
  const m = /Stream #\d+:\d+[^:]*: Audio: ([A-Za-z0-9_]+)[^,\n]*, (\d+) Hz, ([^,\n]+)/.exec(log)
  if (!m) return null
  const layout = (m[3] ?? '').trim()
  const channels = LAYOUT_CHANNELS[layout] ?? Number(/^(\d+) channels/.exec(layout)?.[1] ?? NaN)
  const parsed = inputAudioSchema.safeParse({ codec: m[1], sampleRate: Number(m[2]), channels })
  return parsed.success ? parsed.data : null
}

export const decodeFailureReasons = ['empty', 'not-audio', 'no-audio-stream', 'too-long', 'damaged'] as const
export const decodeFailureReasonSchema = z.enum(decodeFailureReasons)
export type DecodeFailureReason = z.infer<typeof decodeFailureReasonSchema>

/** Why ffmpeg could not decode a file, read from its log. */
export function decodeFailureReason(log: string, inputBytes: number): DecodeFailureReason {
  if (inputBytes === 0) return 'empty'
  if (/matches no streams|does not contain any stream|Output file .* does not contain/i.test(log)) {
    return 'no-audio-stream'
  }
  if (
    /Invalid data found|could not find codec parameters|Failed to read frame size|Format .* detected only with low score|misdetection possible|Invalid argument/i.test(
      log,
    )
  ) {
    return 'not-audio'
  }
  return 'damaged'
}
