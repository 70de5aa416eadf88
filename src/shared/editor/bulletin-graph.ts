/**
 * The render graph of a bulletin: ffmpeg arguments that join its parts into one file. The same
 * arguments run in ffmpeg.wasm (the app) and native ffmpeg (tests), so the tests measure what the
 * officer exports. One input per part (`-i in0.wav -i in1.wav …`); each is brought to mono float
 * at 44.1 kHz and cut or padded to exactly its stored duration, so the result's length is the
 * model's `bulletinDuration()` to the sample. Joints:
 *   - gap:       a silence of exactly N samples between the two, then `concat`;
 *   - crossfade: everything so far is concatenated, then `acrossfade=ns=N` with the next part
 *                (output = both lengths − N).
 * Example, intro + 500 ms gap + announcement, crossfade 1 s into the outro:
 *   [0:a]aformat=sample_fmts=flt:channel_layouts=mono,aresample=44100,apad=whole_len=220500,atrim=end_sample=220500[p0];
 *   [1:a]…[p1]; [2:a]…[p2]; anullsrc=r=44100:cl=mono,atrim=end_sample=22050,aformat=sample_fmts=flt[z1];
 *   [p0][z1][p1]concat=n=3:v=0:a=1[c2];[c2][p2]acrossfade=ns=44100:c1=tri:c2=tri[x2];[x2]anull[out]
 * The bulletin as a whole is brought to the station's loudness: `[x2]volume=…dB,alimiter=…[out]`
 * (the gain found by bulletin-render.ts, verified on the rendered file).
 * References: https://ffmpeg.org/ffmpeg-filters.html (apad, atrim, anullsrc, concat, acrossfade).
 */
import { jointBefore, type BulletinPart } from './bulletin'
import { z } from 'zod'
import { ANALYSIS_FILTERS, DEFAULT_CEILING_DBTP, encoderArgs, loudnessFilters } from './render-graph'

export const BULLETIN_SAMPLE_RATE = 44_100

export const bulletinFormatSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('mp3'), bitrateKbps: z.number().int().min(64).max(128) }),
  z.object({ kind: z.literal('wav') }),
])
export type BulletinFormat = z.infer<typeof bulletinFormatSchema>

export const samplesOf = (ms: number): number => Math.round((ms * BULLETIN_SAMPLE_RATE) / 1000)

const partFilter = (index: number, durationMs: number): string => {
  const n = samplesOf(durationMs)
  return (
    `[${index}:a]aformat=sample_fmts=flt:channel_layouts=mono,aresample=${BULLETIN_SAMPLE_RATE},` +
    `apad=whole_len=${n},atrim=end_sample=${n},asetpts=PTS-STARTPTS[p${index}]`
  )
}

const silence = (label: string, ms: number): string =>
  `anullsrc=r=${BULLETIN_SAMPLE_RATE}:cl=mono,atrim=end_sample=${samplesOf(ms)},aformat=sample_fmts=flt[${label}]`

/**
 * The filter graph (for `-filter_complex`), ending in `[out]`; `tail` filters (a loudness gain
 * and the limiter, or the measurement) run on the joined bulletin. Throws when there are no parts.
 */
export function bulletinGraph(parts: readonly Pick<BulletinPart, 'durationMs' | 'joint'>[], tail = ''): string {
  if (parts.length === 0) throw new Error('bulletin-graph: a bulletin needs at least one part')
  const filters = parts.map((p, i) => partFilter(i, p.durationMs))
  let pieces: string[] = ['p0']
  /** Joins the pending pieces into one stream; returns its label. */
  const collapse = (label: string): string => {
    if (pieces.length === 1) return pieces[0] as string
    filters.push(`${pieces.map((p) => `[${p}]`).join('')}concat=n=${pieces.length}:v=0:a=1[${label}]`)
    return label
  }
  for (let i = 1; i < parts.length; i += 1) {
    const joint = jointBefore(parts as BulletinPart[], i)
    switch (joint.kind) {
      case 'gap':
        if (joint.ms > 0) {
          filters.push(silence(`z${i}`, joint.ms))
          pieces.push(`z${i}`)
        }
        pieces.push(`p${i}`)
        break
      case 'crossfade': {
        const before = collapse(`c${i}`)
        filters.push(`[${before}][p${i}]acrossfade=ns=${samplesOf(joint.ms)}:c1=tri:c2=tri[x${i}]`)
        pieces = [`x${i}`]
        break
      }
    }
  }
  const last = collapse('all')
  filters.push(`[${last}]${tail === '' ? 'anull' : tail}[out]`)
  return filters.join(';')
}

export interface BulletinRenderOptions {
  /** One input file per part, in order. */
  inputs: readonly string[]
  parts: readonly Pick<BulletinPart, 'durationMs' | 'joint'>[]
  output: string
  format: BulletinFormat
  title?: string
  /** Loudness gain of the whole bulletin (dB) with the limiter at `ceilingDbtp`; absent = none. */
  gainDb?: number
  ceilingDbtp?: number
}

const inputArgs = (o: Pick<BulletinRenderOptions, 'inputs' | 'parts'>): string[] => {
  if (o.inputs.length !== o.parts.length) throw new Error('bulletin-graph: one input per part is needed')
  return ['-hide_banner', '-nostdin', '-y', ...o.inputs.flatMap((path) => ['-i', path])]
}

/** The ffmpeg arguments that render the bulletin to `output`. */
export function bulletinRenderArgs(o: BulletinRenderOptions): string[] {
  const tail = o.gainDb === undefined ? '' : loudnessFilters(o.gainDb, o.ceilingDbtp ?? DEFAULT_CEILING_DBTP)
  const tags = o.title ? { title: o.title } : undefined
  return [
    ...inputArgs(o),
    ...['-filter_complex', bulletinGraph(o.parts, tail), '-map', '[out]'],
    ...encoderArgs(o.format, tags),
    o.output,
  ]
}

/** Arguments that measure the joined bulletin as it is (ebur128 + silences), writing nothing. */
export function bulletinMeasureArgs(o: Pick<BulletinRenderOptions, 'inputs' | 'parts'>): string[] {
  const graph = bulletinGraph(o.parts, ANALYSIS_FILTERS)
  return [...inputArgs(o), '-filter_complex', graph, '-map', '[out]', '-f', 'null', '-']
}
