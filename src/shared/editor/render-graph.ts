/**
 * The render graph: an edit list's segments plus its processing, as ffmpeg arguments. The same
 * arguments run in ffmpeg.wasm (the app) and in native ffmpeg (tests, benchmarks), so what the
 * tests measure is what the officer exports.
 *
 * Filter graph for two segments and a silence (`-filter_complex`):
 *   [0:a]aformat=sample_fmts=flt:channel_layouts=mono,aresample=44100,asplit=2[s0][s1];
 *   [s0]atrim=start_sample=0:end_sample=44100,asetpts=PTS-STARTPTS,aeval=exprs='…':c=same[g0];
 *   anullsrc=r=44100:cl=mono,atrim=end_sample=22050,aformat=sample_fmts=flt[g1];
 *   [s1]atrim=start_sample=88200:end_sample=220500,asetpts=PTS-STARTPTS,volume=0.5[g2];
 *   [g0][g1][g2]concat=n=3:v=0:a=1,highpass=f=80,afftdn=…,volume=3.2dB,alimiter=…[out]
 * Positions are whole samples at 44.1 kHz (`atrim` by sample, silence trimmed by sample), so the
 * rendered length equals `editedDuration()` to within half a sample per segment. Gain ramps are
 * evaluated per sample by `aeval` (t = seconds from the segment's start); constant gains use
 * `volume`. References: https://ffmpeg.org/ffmpeg-filters.html (atrim, aeval, concat, alimiter).
 */
import { z } from 'zod'
import type { GainRamp, Processing, Segment } from './edit-list'

export const RENDER_SAMPLE_RATE = 44_100

export const outputFormatSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('mp3'), bitrateKbps: z.number().int().min(64).max(128) }),
  z.object({ kind: z.literal('wav') }),
])
export type OutputFormat = z.infer<typeof outputFormatSchema>

/** ID3v2 tags of an exported MP3 (ignored for WAV). */
export const exportTagsSchema = z.object({
  title: z.string().max(300).optional(),
  /** The station (written as artist and publisher). */
  station: z.string().max(300).optional(),
  /** `YYYY-MM-DD`. */
  date: z.string().max(40).optional(),
  /** ISO 639-2/B code for the ID3 TLAN frame, e.g. `vie`, `khm`. */
  language: z.string().max(20).optional(),
})
export type ExportTags = z.infer<typeof exportTagsSchema>

/** Denoise: a high-pass for hum and rumble, then the FFT denoiser tracking a steady noise floor. */
export const DENOISE_FILTER = 'highpass=f=80,afftdn=nr=12:nf=-40:tn=1'
/** Peaks are limited this far below the ceiling: the limiter sees samples, not true peaks. */
export const LIMITER_MARGIN_DB = 0.5
/** The ceiling used when the edit list does not carry its own. */
export const DEFAULT_CEILING_DBTP = -1

export const msToSamples = (ms: number): number => Math.round((ms * RENDER_SAMPLE_RATE) / 1000)

/** Plain decimal (ffmpeg expressions accept it everywhere; no exponent, no trailing zeros). */
export function num(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`render-graph: not a finite number: ${value}`)
  const fixed = value.toFixed(6).replace(/\.?0+$/, '')
  return fixed === '-0' ? '0' : fixed
}

const isConstantOver = (r: GainRamp, durationMs: number): boolean =>
  r.from === r.to && r.startMs <= 0 && r.endMs >= durationMs

/** One ramp as a factor of t (seconds): 1 outside it, linear from→to inside. */
function rampTerm(r: GainRamp): string {
  const a = r.startMs / 1000
  const b = r.endMs / 1000
  const slope = (r.to - r.from) / (b - a)
  const inside = `(${num(r.from)}+${num(slope)}*(t-${num(a)}))`
  return `if(lt(t,${num(a)}),1,if(lt(t,${num(b)}),${inside},1))`
}

/** The gain filters of one source segment ('' when it plays at unity). */
export function gainFilters(ramps: readonly GainRamp[], durationMs: number): string {
  let constant = 1
  const varying: GainRamp[] = []
  for (const r of ramps) {
    if (r.endMs <= r.startMs) continue
    if (isConstantOver(r, durationMs)) constant *= r.from
    else varying.push(r)
  }
  if (varying.length === 0) return constant === 1 ? '' : `,volume=${num(constant)}`
  const factors = [...(constant === 1 ? [] : [num(constant)]), ...varying.map(rampTerm)]
  return `,aeval=exprs='val(0)*${factors.join('*')}':c=same`
}

/** The timeline part of the graph: ends in `[tl]`. Throws when there is nothing to render. */
export function timelineGraph(segments: readonly Segment[]): string {
  if (segments.length === 0) throw new Error('render-graph: the edit list leaves nothing to render')
  const sources = segments.filter((s) => s.kind === 'source')
  const parts: string[] = []
  const split = sources.map((_, i) => `[s${i}]`).join('')
  if (sources.length > 0) {
    parts.push(
      `[0:a]aformat=sample_fmts=flt:channel_layouts=mono,aresample=${RENDER_SAMPLE_RATE}` +
        (sources.length > 1 ? `,asplit=${sources.length}${split}` : '[s0]'),
    )
  }
  let sourceIndex = 0
  segments.forEach((s, i) => {
    switch (s.kind) {
      case 'source': {
        const from = msToSamples(s.fromMs)
        const to = msToSamples(s.toMs)
        const gain = gainFilters(s.ramps, s.toMs - s.fromMs)
        parts.push(`[s${sourceIndex}]atrim=start_sample=${from}:end_sample=${to},asetpts=PTS-STARTPTS${gain}[g${i}]`)
        sourceIndex += 1
        return
      }
      case 'silence':
        parts.push(
          `anullsrc=r=${RENDER_SAMPLE_RATE}:cl=mono,atrim=end_sample=${msToSamples(s.durationMs)},` +
            `aformat=sample_fmts=flt[g${i}]`,
        )
        return
    }
  })
  const inputs = segments.map((_, i) => `[g${i}]`).join('')
  parts.push(segments.length > 1 ? `${inputs}concat=n=${segments.length}:v=0:a=1[tl]` : `${inputs}anull[tl]`)
  return parts.join(';')
}

export interface ProcessingChainOptions {
  /** Apply the normalisation gain and the limiter (false when measuring the take as edited). */
  isNormalized: boolean
}

/** The processing filters after the timeline, comma-joined; '' when there are none. */
export function processingChain(processing: Processing, { isNormalized }: ProcessingChainOptions): string {
  const filters: string[] = []
  if (processing.isDenoised) filters.push(DENOISE_FILTER)
  if (isNormalized && processing.normalizeGainDb !== 0) {
    filters.push(loudnessFilters(processing.normalizeGainDb, processing.ceilingDbtp ?? DEFAULT_CEILING_DBTP))
  }
  return filters.join(',')
}

/**
 * A loudness gain followed by the peak limiter: `volume`, then `alimiter` with no automatic
 * make-up gain (level=false) and its look-ahead delay compensated (latency=true, so the length
 * does not change), its ceiling `LIMITER_MARGIN_DB` under the true-peak ceiling.
 */
export function loudnessFilters(gainDb: number, ceilingDbtp: number): string {
  const limit = Math.min(1, Math.max(0.0625, 10 ** ((ceilingDbtp - LIMITER_MARGIN_DB) / 20)))
  return `volume=${num(gainDb)}dB,alimiter=limit=${num(limit)}:attack=5:release=50:level=false:latency=true`
}

export interface RenderOptions {
  input: string
  output: string
  segments: readonly Segment[]
  processing: Processing
  format: OutputFormat
  tags?: ExportTags
}

const graphWith = (segments: readonly Segment[], chain: string, tail: string): string => {
  const filters = [chain, tail].filter((f) => f !== '').join(',')
  return `${timelineGraph(segments)};[tl]${filters === '' ? 'anull' : filters}[out]`
}

function tagArgs(tags: ExportTags | undefined): string[] {
  if (!tags) return []
  const pairs: Array<[string, string | undefined]> = [
    ['title', tags.title],
    ['artist', tags.station],
    ['publisher', tags.station],
    ['date', tags.date],
    ['language', tags.language],
  ]
  return pairs.flatMap(([key, value]) => (value ? ['-metadata', `${key}=${value}`] : []))
}

export function encoderArgs(format: OutputFormat, tags: ExportTags | undefined): string[] {
  const common = ['-ar', String(RENDER_SAMPLE_RATE), '-ac', '1', '-map_metadata', '-1']
  switch (format.kind) {
    case 'mp3':
      return [
        ...common,
        ...['-c:a', 'libmp3lame', '-b:a', `${format.bitrateKbps}k`, '-id3v2_version', '3', '-write_id3v1', '0'],
        ...tagArgs(tags),
        ...['-f', 'mp3'],
      ]
    case 'wav':
      // -bitexact: the plain 44-byte header, no LIST chunk (the media store and peaks expect it).
      return [...common, '-c:a', 'pcm_s16le', '-bitexact', '-f', 'wav']
  }
}

const head = (input: string): string[] => ['-hide_banner', '-nostdin', '-y', '-i', input]

/** Arguments that render the edit list to `output` in the given format. */
export function renderArgs(o: RenderOptions): string[] {
  const graph = graphWith(o.segments, processingChain(o.processing, { isNormalized: true }), '')
  return [...head(o.input), '-filter_complex', graph, '-map', '[out]', ...encoderArgs(o.format, o.tags), o.output]
}

export interface EncodeOptions {
  /** A rendered WAV (a rendition or a bulletin's master). */
  input: string
  output: string
  format: OutputFormat
  tags?: ExportTags
  /** A loudness correction for this format (gain, then the limiter at the ceiling); absent = encode as it is. */
  gainDb?: number
  ceilingDbtp?: number
}

/**
 * Arguments that encode a rendered WAV to an export format, with the format's own loudness
 * correction when one is needed (MP3 encoding takes a little loudness off peaky speech).
 */
export function encodeArgs(o: EncodeOptions): string[] {
  const ceiling = o.ceilingDbtp ?? DEFAULT_CEILING_DBTP
  const filters = o.gainDb === undefined ? [] : ['-af', loudnessFilters(o.gainDb, ceiling)]
  return [...head(o.input), '-map', '0:a:0', ...filters, ...encoderArgs(o.format, o.tags), o.output]
}

/** Silence at the ends shorter than this is not reported. */
export const SILENCE_MIN_SECONDS = 0.3
export const SILENCE_THRESHOLD_DB = -50
/** The measurement filters: silences at the ends, then EBU R128 loudness and true peak. */
export const ANALYSIS_FILTERS =
  `silencedetect=n=${SILENCE_THRESHOLD_DB}dB:d=${num(SILENCE_MIN_SECONDS)},` + 'ebur128=peak=true:framelog=verbose'

export interface MeasureOptions {
  input: string
  segments: readonly Segment[]
  processing: Processing
  /** Measure with the normalisation applied (the export) or without it (to compute it). */
  isNormalized: boolean
}

/**
 * Arguments that measure the rendered take: EBU R128 integrated loudness and true peak
 * (`ebur128`, summary in the log) and silences (`silencedetect`), writing nothing.
 */
export function measureArgs(o: MeasureOptions): string[] {
  const graph = graphWith(o.segments, processingChain(o.processing, { isNormalized: o.isNormalized }), ANALYSIS_FILTERS)
  return [...head(o.input), '-filter_complex', graph, '-map', '[out]', '-f', 'null', '-']
}

/**
 * Arguments that measure a rendered file as it is (an exported MP3): the normalisation's second
 * pass measures the encoded result, because MP3 encoding itself takes a few tenths of a LU off.
 */
export function fileMeasureArgs(input: string): string[] {
  return [...head(input), '-af', ANALYSIS_FILTERS, '-f', 'null', '-']
}
