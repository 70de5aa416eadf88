/** Runs the real ffprobe (installed on the build machines) to check that a WAV is readable. */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface ProbeResult {
  durationSeconds: number
  sampleRate: number
  channels: number
  codec: string
}

export async function ffprobe(path: string): Promise<ProbeResult> {
  const { stdout } = await run(
    '/usr/bin/ffprobe',
    ['-v', 'error', '-show_entries', 'format=duration:stream=codec_name,sample_rate,channels', '-of', 'json', path],
    { timeout: 15_000 },
  )
  const parsed = JSON.parse(stdout) as {
    format?: { duration?: string }
    streams?: Array<{ codec_name?: string; sample_rate?: string; channels?: number }>
  }
  const stream = parsed.streams?.[0]
  return {
    durationSeconds: Number(parsed.format?.duration),
    sampleRate: Number(stream?.sample_rate),
    channels: stream?.channels ?? 0,
    codec: stream?.codec_name ?? '',
  }
}
