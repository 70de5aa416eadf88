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
 * References: https://ffmpeg.org/ffmpeg-filters.html (apad, atrim, anullsrc, concat, acrossfade).
 */
import { jointBefore, type BulletinPart } from './bulletin'
import { z } from 'zod'

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

/** The filter graph (for `-filter_complex`), ending in `[out]`. Throws when there are no parts. */
export function bulletinGraph(parts: readonly Pick<BulletinPart, 'durationMs' | 'joint'>[]): string {
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
  filters.push(`[${last}]anull[out]`)
  return filters.join(';')
}

function encoderArgs(format: BulletinFormat): string[] {
  const common = ['-ar', String(BULLETIN_SAMPLE_RATE), '-ac', '1', '-map_metadata', '-1']
  switch (format.kind) {
    case 'mp3':
      return [...common, '-c:a', 'libmp3lame', '-b:a', `${format.bitrateKbps}k`, '-id3v2_version', '3', '-f', 'mp3']
    case 'wav':
      return [...common, '-c:a', 'pcm_s16le', '-bitexact', '-f', 'wav']
  }
}

export interface BulletinRenderOptions {
  /** One input file per part, in order. */
  inputs: readonly string[]
  parts: readonly Pick<BulletinPart, 'durationMs' | 'joint'>[]
  output: string
  format: BulletinFormat
  title?: string
}

/** The ffmpeg arguments that render the bulletin to `output`. */
export function bulletinRenderArgs(o: BulletinRenderOptions): string[] {
  if (o.inputs.length !== o.parts.length) throw new Error('bulletin-graph: one input per part is needed')
  const inputs = o.inputs.flatMap((path) => ['-i', path])
  const title = o.title && o.format.kind === 'mp3' ? ['-metadata', `title=${o.title}`] : []
  return [
    ...['-hide_banner', '-nostdin', '-y', ...inputs],
    ...['-filter_complex', bulletinGraph(o.parts), '-map', '[out]'],
    ...encoderArgs(o.format),
    ...title,
    o.output,
  ]
}
