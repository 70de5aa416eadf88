/** Loudness of a file as native ffmpeg measures it (ebur128: integrated LUFS, true peak). */
import { spawnSync } from 'node:child_process'

export function loudnessOf(path: string): { lufs: number; truePeak: number } {
  const log = spawnSync(
    '/usr/bin/ffmpeg',
    ['-hide_banner', '-nostdin', '-i', path, '-af', 'ebur128=peak=true', '-f', 'null', '-'],
    { encoding: 'utf8' },
  ).stderr
  const summary = log.slice(log.lastIndexOf('Summary:'))
  return {
    lufs: Number(/I:\s+(-?[\d.]+) LUFS/.exec(summary)?.[1]),
    truePeak: Number(/Peak:\s+(-?[\d.]+) dBFS/.exec(summary)?.[1]),
  }
}

/** Integrated loudness (LUFS) of a file. */
export const lufsOf = (path: string): number => loudnessOf(path).lufs
