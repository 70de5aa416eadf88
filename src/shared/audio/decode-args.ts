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
