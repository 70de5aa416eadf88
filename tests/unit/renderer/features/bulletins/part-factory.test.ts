import { describe, expect, it } from 'vitest'
import {
  insertPart,
  partFromAnnouncement,
  partFromJingle,
} from '../../../../../src/renderer/features/bulletins/part-factory'
import { emptyEditList } from '../../../../../src/shared/editor/edit-list'
import type { Announcement } from '../../../../../src/shared/model/announcement'

const hash = 'e'.repeat(64)
const announcement = (more: Partial<Announcement> = {}): Announcement => ({
  id: '0190f3c2-0000-7000-8000-000000000001',
  title: 'Tiêm phòng',
  kind: 'notice',
  language: 'vi',
  priority: 'normal',
  approval: 'draft',
  source: 'speech',
  mediaHash: hash,
  durationMs: 10_000.4,
  category: '',
  author: null,
  validFrom: null,
  validTo: null,
  approvedBy: null,
  approvedAt: null,
  createdAt: '2026-11-23T00:00:00.000Z',
  updatedAt: '2026-11-23T00:00:00.000Z',
  ...more,
})

describe('part-factory', () => {
  it('snapshots the aired audio of an announcement: its rendition and that length in whole ms', () => {
    const rendered = 'f'.repeat(64)
    const editList = { ...emptyEditList(hash, 10_000), ops: [{ kind: 'delete' as const, startMs: 0, endMs: 4000 }] }
    const a = announcement({ editList, rendition: { key: 'a'.repeat(64), hash: rendered, durationMs: 6000.2 } })
    expect(partFromAnnouncement(a, { hash: rendered, durationMs: 6000.2 })).toMatchObject({
      kind: 'announcement',
      source: { type: 'announcement', id: a.id },
      mediaHash: rendered,
      durationMs: 6000,
    })
  })

  it('puts an intro first, an outro last, and announcements before a trailing outro', () => {
    const intro = partFromJingle('default-intro', 'intro', 'Mở đầu', { hash, durationMs: 3000 })
    const outro = partFromJingle('default-outro', 'outro', 'Kết thúc', { hash, durationMs: 2500 })
    const air = { hash, durationMs: 10_000 }
    const a = partFromAnnouncement(announcement(), air)
    const b = partFromAnnouncement(announcement({ title: 'Họp' }), air)
    let parts = insertPart([], a)
    parts = insertPart(parts, outro)
    parts = insertPart(parts, b)
    parts = insertPart(parts, intro)
    expect(parts.map((p) => p.title)).toEqual(['Mở đầu', 'Tiêm phòng', 'Họp', 'Kết thúc'])
  })
})
