/**
 * The station's name ("Tên đài" in Settings) in the ID3 tags of every exported MP3: ffmpeg's MP3
 * muxer writes `artist` as TPE1 and `publisher` as TPUB (ffmpeg-formats(1), "mp3": ID3v2 tags
 * from the metadata keys). A caller's own `station` wins; no name, no tag. Pure (the name itself
 * comes from the settings through `stationName()` in ./index.ts).
 */
import type { ExportTags } from '../../../shared/editor/render-graph'
import { localDateAt } from '../../../shared/onair/station-time'

/**
 * The ID3 date (TDRC/TYER, ffmpeg's `date` key) of a file made at `nowMs`: the station's calendar
 * day "YYYY-MM-DD" (Asia/Ho_Chi_Minh), not the UTC day — an export at 06:30 in the morning is
 * dated that day, not the evening before.
 */
export const stationDateTag = (nowMs: number): string => localDateAt(nowMs)

export function withStation(tags: ExportTags | undefined, station: string): ExportTags | undefined {
  if (!tags || tags.station || station === '') return tags
  return { ...tags, station }
}

/** The metadata options for a command whose output already has its title (bulletins). */
export function stationTagArgs(station: string): string[] {
  return station === '' ? [] : ['-metadata', `artist=${station}`, '-metadata', `publisher=${station}`]
}
