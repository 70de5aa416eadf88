import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { stationDateTag, stationTagArgs, withStation } from '../../../../../src/renderer/audio/ffmpeg/station-tags'
import { emptyEditList, toTimeline } from '../../../../../src/shared/editor/edit-list'
import { renderArgs } from '../../../../../src/shared/editor/render-graph'
import { tempDirs } from '../../../helpers/temp-dir'

const dirs = tempDirs('daixa-station-tags-')
afterAll(() => dirs.cleanup())

const probeTags = (path: string): Record<string, string> =>
  (
    JSON.parse(
      execFileSync('/usr/bin/ffprobe', ['-v', 'error', '-show_entries', 'format_tags', '-of', 'json', path], {
        encoding: 'utf8',
      }),
    ) as { format: { tags: Record<string, string> } }
  ).format.tags

describe('renderer/audio/ffmpeg/station-tags', () => {
  it('adds the station only when the caller gave tags without one', () => {
    expect(withStation({ title: 'A' }, 'Đài xã Tân Hòa')).toEqual({ title: 'A', station: 'Đài xã Tân Hòa' })
    expect(withStation({ title: 'A', station: 'Khác' }, 'Đài xã Tân Hòa')).toEqual({ title: 'A', station: 'Khác' })
    expect(withStation({ title: 'A' }, '')).toEqual({ title: 'A' })
    expect(withStation(undefined, 'Đài xã Tân Hòa')).toBeUndefined()
    expect(stationTagArgs('')).toEqual([])
  })

  it("dates an export by the station's calendar day (Asia/Ho_Chi_Minh), not the UTC day", () => {
    // 06:30 on 8 December 2026 in Vietnam is still 7 December in UTC.
    expect(stationDateTag(Date.parse('2026-12-07T23:30:00Z'))).toBe('2026-12-08')
    expect(stationDateTag(Date.parse('2026-12-08T16:59:59Z'))).toBe('2026-12-08')
    expect(stationDateTag(Date.parse('2026-12-08T17:00:00Z'))).toBe('2026-12-09')
  })

  it('writes TPE1 and TPUB that ffprobe reads back when native ffmpeg runs the export arguments', async () => {
    const dir = await dirs.make()
    const source = join(dir, 'source.wav')
    execFileSync('/usr/bin/ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'sine=d=1', '-ac', '1', source])
    const output = join(dir, 'out.mp3')
    const date = stationDateTag(Date.parse('2026-12-07T23:30:00Z'))
    const tags = withStation({ title: 'Thông báo', date }, 'Đài truyền thanh xã Tân Hòa')
    const args = renderArgs({
      input: source,
      output,
      segments: toTimeline(emptyEditList('a'.repeat(64), 1000)),
      processing: { normalizeGainDb: 0, isDenoised: false },
      format: { kind: 'mp3', bitrateKbps: 64 },
      ...(tags ? { tags } : {}),
    })
    execFileSync('/usr/bin/ffmpeg', ['-v', 'error', ...args])
    expect(probeTags(output)).toMatchObject({
      title: 'Thông báo',
      artist: 'Đài truyền thanh xã Tân Hòa',
      publisher: 'Đài truyền thanh xã Tân Hòa',
      date: '2026-12-08',
    })
  })
})
