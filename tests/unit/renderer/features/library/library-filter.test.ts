import { describe, expect, it } from 'vitest'
import {
  categoriesOf,
  emptyFilter,
  filterAnnouncements,
  foldForSearch,
  isFilterActive,
} from '../../../../../src/renderer/features/library/library-filter'
import type { Announcement } from '../../../../../src/shared/model/announcement'

const base: Announcement = {
  id: '00000000-0000-4000-8000-000000000001',
  title: 'Thông báo tiêm chủng',
  kind: 'notice',
  language: 'vi',
  priority: 'normal',
  approval: 'draft',
  source: 'recording',
  mediaHash: 'a'.repeat(64),
  durationMs: 5000,
  category: 'Y tế',
  author: 'Trạm y tế xã',
  validFrom: null,
  validTo: null,
  approvedBy: null,
  approvedAt: null,
  createdAt: '2026-11-23T00:00:00.000Z',
  updatedAt: '2026-11-23T00:00:00.000Z',
}
const a = (id: number, more: Partial<Announcement>): Announcement => ({
  ...base,
  id: `00000000-0000-4000-8000-00000000000${id}`,
  ...more,
})
const list = [
  a(1, {}),
  a(2, { title: 'Lịch cắt điện', author: 'Điện lực huyện', category: 'Điện', kind: 'news', approval: 'approved' }),
  a(3, {
    title: 'Bão số 5',
    language: 'km',
    priority: 'emergency',
    category: 'Thiên tai',
    approval: 'awaiting-approval',
  }),
  a(4, { title: 'Hết hạn', validTo: '2026-11-20T00:00:00.000Z', author: null }),
  a(5, { title: 'Sắp tới', validFrom: '2026-12-01T00:00:00.000Z', kind: 'feature' }),
]
const now = new Date('2026-11-23T08:00:00Z')
const ids = (f: Partial<typeof emptyFilter>) =>
  filterAnnouncements(list, { ...emptyFilter, ...f }, now).map((x) => Number(x.id.slice(-1)))

describe('features/library/library-filter', () => {
  it('returns everything when no filter is set', () => {
    expect(ids({})).toEqual([1, 2, 3, 4, 5])
    expect(isFilterActive(emptyFilter)).toBe(false)
  })

  it('finds by title or author ignoring case and diacritics', () => {
    expect(ids({ text: 'tiem CHUNG' })).toEqual([1])
    expect(ids({ text: 'dien luc' })).toEqual([2])
    expect(ids({ text: '  bão  số ' })).toEqual([3])
    expect(foldForSearch('Đường  Ấp')).toBe('duong ap')
  })

  it('filters by kind, category, language, priority and approval state', () => {
    expect(ids({ kind: 'news' })).toEqual([2])
    expect(ids({ category: 'Thiên tai' })).toEqual([3])
    expect(ids({ language: 'km' })).toEqual([3])
    expect(ids({ priority: 'emergency' })).toEqual([3])
    expect(ids({ approval: 'approved' })).toEqual([2])
    expect(ids({ approval: 'draft', kind: 'notice' })).toEqual([1, 4])
    expect(isFilterActive({ ...emptyFilter, kind: 'news' })).toBe(true)
  })

  it('keeps only what is valid now when asked, open ends counting as valid', () => {
    expect(ids({ isValidNow: true })).toEqual([1, 2, 3])
  })

  it('lists the categories in use, once each, sorted', () => {
    expect(categoriesOf(list)).toEqual(['Điện', 'Thiên tai', 'Y tế'])
  })
})
