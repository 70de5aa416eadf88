/**
 * A station with a few weeks of work behind it, for specs that look at screens rather than make
 * things: library items copied from one real take (same audio, other titles and kinds) and an
 * as-played log. Written straight into the renderer's IndexedDB (`daixa`), as the app's own
 * queries would leave them; the page is reloaded afterwards so live queries read them.
 */
import type { Page } from '@playwright/test'

export interface SeedAnnouncement {
  title: string
  kind: 'news' | 'article' | 'notice' | 'feature'
  approval: 'draft' | 'awaiting-approval' | 'approved'
  category: string
  daysAgo: number
}

/** Long titles as officers write them, with the commune's real places. */
export const LIBRARY_ITEMS: readonly SeedAnnouncement[] = [
  {
    title: 'Kế hoạch ra quân dọn vệ sinh môi trường, khơi thông cống rãnh ấp 3 trước mùa mưa bão',
    kind: 'notice',
    approval: 'approved',
    category: 'Môi trường',
    daysAgo: 1,
  },
  {
    title: 'Tuyên truyền phòng chống cháy nổ mùa khô và sử dụng điện an toàn trong khu dân cư',
    kind: 'article',
    approval: 'approved',
    category: 'Phòng cháy chữa cháy',
    daysAgo: 3,
  },
  {
    title: 'Thông báo thu thuế sử dụng đất phi nông nghiệp năm 2026',
    kind: 'notice',
    approval: 'awaiting-approval',
    category: 'Thuế',
    daysAgo: 6,
  },
  {
    title: 'Chuyên mục Gương người tốt việc tốt: bà Nguyễn Thị Lệ, ấp Phú Lợi, xã Tân Hòa',
    kind: 'feature',
    approval: 'draft',
    category: 'Văn hóa - xã hội',
    daysAgo: 9,
  },
  {
    title: 'Hội Nông dân xã tập huấn kỹ thuật trồng lúa chất lượng cao vụ Đông Xuân 2026–2027',
    kind: 'news',
    approval: 'approved',
    category: 'Nông nghiệp',
    daysAgo: 12,
  },
]

interface PlayLogSeed {
  title: string
  source: 'own' | 'relay-national-radio' | 'relay-provincial'
  contentKind: 'news' | 'article' | 'notice' | 'feature' | 'program'
  outcome: 'played' | 'skipped' | 'failed'
  /** Local wall-clock start today (station time) and length. */
  start: string
  minutes: number
}

const PLAY_LOG: readonly PlayLogSeed[] = [
  {
    title: 'Tiếp sóng chương trình thời sự Đài Tiếng nói Việt Nam',
    source: 'relay-national-radio',
    contentKind: 'program',
    outcome: 'played',
    start: '05:30',
    minutes: 30,
  },
  {
    title: LIBRARY_ITEMS[0]?.title ?? '',
    source: 'own',
    contentKind: 'notice',
    outcome: 'played',
    start: '06:00',
    minutes: 3,
  },
  {
    title: 'Bản tin thời sự tỉnh',
    source: 'relay-provincial',
    contentKind: 'program',
    outcome: 'played',
    start: '06:05',
    minutes: 15,
  },
  {
    title: LIBRARY_ITEMS[1]?.title ?? '',
    source: 'own',
    contentKind: 'article',
    outcome: 'skipped',
    start: '06:20',
    minutes: 5,
  },
]

/** Copies of the announcement titled `from` (its audio and length), one per item. */
export async function seedLibrary(page: Page, from: string, items: readonly SeedAnnouncement[]): Promise<void> {
  await page.evaluate(
    ({ from, items }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('daixa')
        open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'))
        open.onsuccess = () => {
          const db = open.result
          const tx = db.transaction('announcements', 'readwrite')
          const store = tx.objectStore('announcements')
          const all = store.getAll()
          all.onsuccess = () => {
            const base = (all.result as Array<Record<string, unknown>>).find((a) => a['title'] === from)
            if (!base) return reject(new Error(`seedLibrary: no announcement titled ${from}`))
            for (const item of items) {
              const at = new Date(Date.now() - item.daysAgo * 86_400_000).toISOString()
              const approved = item.approval === 'approved'
              store.put({
                ...base,
                ...item,
                id: crypto.randomUUID(),
                createdAt: at,
                updatedAt: at,
                approvedBy: approved ? 'Phó Chủ tịch UBND xã Trần Văn Bình' : null,
                approvedAt: approved ? at : null,
                author: 'Đài truyền thanh xã',
                editList: null,
                serverVersion: null,
              })
            }
          }
          tx.oncomplete = () => {
            db.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error ?? new Error('seedLibrary: write failed'))
        }
      }),
    { from, items },
  )
}

/** Today's as-played log in the station's zone (UTC+7). */
export async function seedPlayLog(page: Page): Promise<void> {
  const day = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10)
  const rows = PLAY_LOG.map((e) => {
    const start = Date.parse(`${day}T${e.start}:00+07:00`)
    const end = start + e.minutes * 60_000
    const played = e.outcome === 'played'
    return {
      id: crypto.randomUUID(),
      itemId: crypto.randomUUID(),
      scheduleId: null,
      title: e.title,
      plannedStart: new Date(start).toISOString(),
      plannedEnd: new Date(end).toISOString(),
      actualStart: played ? new Date(start).toISOString() : null,
      actualEnd: played ? new Date(end).toISOString() : null,
      outcome: e.outcome,
      source: e.source,
      contentKind: e.contentKind,
      language: 'vi',
      category: '',
      priority: 'normal',
      note: '',
      deviceActions: [],
    }
  })
  await page.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('daixa')
        open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'))
        open.onsuccess = () => {
          const tx = open.result.transaction('playLog', 'readwrite')
          for (const row of rows) tx.objectStore('playLog').put(row)
          tx.oncomplete = () => {
            open.result.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error ?? new Error('seedPlayLog: write failed'))
        }
      }),
    rows,
  )
}
