/**
 * A bulletin's master: its parts joined (bulletin-graph.ts) and the whole brought to the
 * station's loudness like any take. The parts come from anywhere (a clipped file at −0.3 LUFS, a
 * speech take, a notice at −19.5 LUFS were seen in one bulletin, exported at −5.7 LUFS / +0.9 dBTP
 * before this): the joined audio is measured, the gain to the target applied with the limiter, and
 * the written WAV measured and corrected until within ±0.3 LU (loudness-loop.ts). Exports are
 * encoded from this master (render-jobs.ts `encodeExport`), each format with its own correction.
 */
import type { FfRunner } from '../audio/ff-runner'
import { bulletinDuration, type BulletinPart } from './bulletin'
import { bulletinMeasureArgs, bulletinRenderArgs } from './bulletin-graph'
import { gainToTarget, parseMeasurement, SILENT_LUFS, type LoudnessTarget } from './loudness'
import { renderToTarget, type LoudnessLoopResult, type LoudnessSetting } from './loudness-loop'

export interface BulletinJob {
  runner: FfRunner
  /** The runner's names of the parts' WAVs, in order. */
  inputs: readonly string[]
  parts: readonly BulletinPart[]
  /** The runner's name of the master WAV to write. */
  output: string
  target: LoudnessTarget
  onProgress?: (fraction: number) => void
}

/** Writes the bulletin's master WAV at the target loudness; answers the verified result. */
export async function renderBulletinMaster(job: BulletinJob): Promise<LoudnessLoopResult> {
  const { runner, parts, target } = job
  const inputs = job.inputs.map((name) => runner.path(name))
  const durationMs = bulletinDuration(parts)
  const first = (f: number) => job.onProgress?.(f / 3)
  const measured = await runner.exec(bulletinMeasureArgs({ inputs, parts }), { durationMs, onProgress: first })
  if (measured.code !== 0) throw new Error(`ffmpeg: measuring the bulletin failed (${measured.code})`)
  const joined = parseMeasurement(measured.log, durationMs)
  const output = runner.path(job.output)
  const argsFor = (setting: LoudnessSetting) =>
    bulletinRenderArgs({ inputs, parts, output, format: { kind: 'wav' }, ...setting })
  if (joined.integratedLufs <= SILENT_LUFS) {
    const { code } = await runner.exec(argsFor({ gainDb: 0, ceilingDbtp: target.ceilingDbtp }), { durationMs })
    if (code !== 0) throw new Error(`ffmpeg: rendering the bulletin failed (${code})`)
    return { gainDb: 0, ceilingDbtp: target.ceilingDbtp, measurement: joined, passes: 1 }
  }
  return renderToTarget({
    runner,
    output: job.output,
    durationMs,
    target,
    startGainDb: gainToTarget(joined, target),
    argsFor,
    onProgress: (f) => job.onProgress?.((1 + 2 * f) / 3),
  })
}
