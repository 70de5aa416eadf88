/**
 * "Một tuần của cán bộ": the officer's whole chain in one page, against the browser host and the
 * reference province server, in Vietnamese and in English. It exists to catch breaks at the joins
 * between screens (issue 11):
 *
 *   record (fake microphone) → edit (keep a stretch, fade in, normalise) → a TTS notice → a bulletin
 *   of it → sign in and sync (the province's placements land in the station's sessions) → place
 *   the take and the bulletin in today's Buổi trưa (sent to the province, nothing rejected) →
 *   "Phát thử buổi này" → Buổi trưa moved to the next minute and played by automatic playout,
 *   captured on the engine's output → the as-played log → sync → the year report.
 *
 * Checks: the take airs for its edited length (±50 ms, measured on the captured output, and so
 * does the log), the aired programme is at the station's −16 LUFS (±1 LU, native ffmpeg ebur128 on
 * the captured audio), the report and the province count exactly the two aired items, and the
 * trial (the same two items) is in neither. Time is scaled down the only way the schedule allows:
 * a session booked one minute long at the next whole minute; nothing else waits.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_ACCOUNT, DEMO_COMMUNE } from '../../province-server/demo-seed'
import { expect, test } from '../fixtures'
import { AppShell } from '../pages/AppShell'
import { BulletinScreen } from '../pages/BulletinScreen'
import { EditorScreen } from '../pages/EditorScreen'
import { LibraryScreen } from '../pages/LibraryScreen'
import { OnAirScreen, type PlayLogRecord } from '../pages/OnAirScreen'
import { RecordScreen } from '../pages/RecordScreen'
import { ReportsScreen } from '../pages/ReportsScreen'
import { ScheduleScreen, stationDate } from '../pages/ScheduleScreen'
import { SettingsScreen } from '../pages/SettingsScreen'
import { SyncScreen } from '../pages/SyncScreen'
import { TtsScreen } from '../pages/TtsScreen'
import { frameAt, toneSpan, writeCaptureWav } from '../support/aired-audio'
import { loudnessOf } from '../support/loudness'
import { armTap, captureOf, clearTap, installTap, readTap } from '../support/output-tap'
import { FAKE_MIC_HZ } from '../support/paths'
import { useProvinceServer } from '../support/province'
import { en, vi } from '../support/strings'

test.use({ bypassCSP: true })

const TARGET_LUFS = -16
const STATION_OFFSET_MS = 7 * 3_600_000

/** The station's wall-clock "HH:MM" of an instant. */
const stationTime = (ms: number): string => new Date(ms + STATION_OFFSET_MS).toISOString().slice(11, 16)

/** An announcement's rendition as stored (what airs), once the editor has written it. */
async function renditionOf(page: OnAirScreen['page'], title: string): Promise<{ hash: string; durationMs: number }> {
  const rendition = await page.evaluate(async (wanted) => {
    for (let i = 0; i < 200; i += 1) {
      type Row = { title: string; rendition?: { hash: string; durationMs: number } | null; editList?: unknown }
      const row = await new Promise<Row | undefined>((resolve) => {
        const open = indexedDB.open('daixa')
        open.onsuccess = () => {
          const all = open.result.transaction('announcements').objectStore('announcements').getAll()
          all.onsuccess = () => {
            open.result.close()
            resolve((all.result as Row[]).find((a) => a.title === wanted))
          }
        }
      })
      if (row?.rendition) return row.rendition
      await new Promise((r) => setTimeout(r, 300))
    }
    return null
  }, title)
  if (!rendition) throw new Error(`no rendition for ${title}`)
  return rendition
}

/** Rows of a store in the page's IndexedDB (e.g. `rejections`). */
function storeRows(page: OnAirScreen['page'], store: string): Promise<unknown[]> {
  return page.evaluate(async (name) => {
    const open = indexedDB.open('daixa')
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(new Error(String(open.error)))
    })
    const all = db.transaction(name).objectStore(name).getAll()
    const rows = await new Promise<unknown[]>((resolve) => (all.onsuccess = () => resolve(all.result)))
    db.close()
    return rows
  }, store)
}

/** One figure of the report's CSV (`section,item,measure,unit,label,value,display`). */
function csvValue(csv: string, section: string, item: string, measure: string): string | undefined {
  const line = csv.split('\r\n').find((l) => l.startsWith(`${section},${item},${measure},`))
  return line?.split(',')[5]
}

const durationMs = (row: PlayLogRecord): number => Date.parse(row.actualEnd ?? '') - Date.parse(row.actualStart ?? '')

for (const lang of ['vi', 'en'] as const) {
  test.describe(`một tuần của cán bộ (${lang})`, () => {
    const province = useProvinceServer()
    const s = lang === 'vi' ? vi : en
    const TAKE = lang === 'vi' ? 'Thông báo lịch tiêm chủng' : 'Vaccination notice'
    const NOTICE_TITLE = lang === 'vi' ? 'Thông báo họp tổ dân phố' : 'Residents meeting notice'
    const BULLETIN = lang === 'vi' ? 'Bản tin trưa' : 'Midday bulletin'
    const NOTICE = 'Tổ dân phố họp lúc 19h tại nhà văn hóa.'
    const SESSION = 'Buổi trưa'

    let work = ''
    test.beforeEach(() => {
      work = mkdtempSync(join(tmpdir(), 'daixa-week-'))
    })
    test.afterEach(() => rmSync(work, { recursive: true, force: true }))

    test('record, edit, TTS, bulletin, sync, schedule, trial, automatic playout, log and report agree', async ({
      station,
    }) => {
      test.setTimeout(480_000)
      const page = station.page
      await page.addInitScript(installTap)
      await page.reload()
      const shell = new AppShell(page, s)
      // The day must not change while the test runs (the session is booked on today's date).
      const untilMidnight = 86_400_000 - ((Date.now() + STATION_OFFSET_MS) % 86_400_000)
      if (untilMidnight < 5 * 60_000) await page.waitForTimeout(untilMidnight + 1_000)
      if (lang === 'en') {
        await new AppShell(page, vi).open('settings')
        await new SettingsScreen(page, vi).language('English').click()
        await page.getByRole('heading', { name: en('settings.title') }).waitFor()
      }

      // 1. record a take from the fake microphone (440 Hz)
      await shell.open('record')
      const record = new RecordScreen(page, s)
      await record.start(TAKE)
      await expect(record.elapsed()).toHaveText('00:04', { timeout: 15_000 })
      await record.stop()
      const library = new LibraryScreen(page, s)
      await expect(library.row(TAKE)).toBeVisible({ timeout: 30_000 })

      // 2. edit: keep 0,5–3,5 s, fade the first half second in, normalise to the station's loudness
      await library.edit(TAKE)
      const editor = new EditorScreen(page, s)
      await editor.waitOpen()
      await editor.select(0.5, 3.5)
      await editor.button('editor.keep').click()
      await editor.select(0, 0.5)
      await editor.button('editor.fadeIn').click()
      await editor.button('editor.loudness.normalize').click()
      await expect(page.getByLabel(s('editor.loudness.integrated'), { exact: true })).toBeVisible({ timeout: 60_000 })
      await expect(editor.operations()).toHaveCount(2)
      await expect(editor.editedDuration()).toHaveText(lang === 'vi' ? '00:03,0' : '00:03.0')
      await expect(editor.saved()).toBeVisible()
      await editor.back()
      const rendition = await renditionOf(page, TAKE)
      expect(Math.abs(rendition.durationMs - 3000)).toBeLessThanOrEqual(50)

      // 3. a TTS notice, 4. a bulletin of it, rendered
      const tts = new TtsScreen(page, s)
      await tts.open()
      await tts.create(NOTICE, NOTICE_TITLE)
      await expect(library.row(NOTICE_TITLE)).toBeVisible({ timeout: 90_000 })
      const bulletins = new BulletinScreen(page, s)
      await bulletins.open()
      await bulletins.newBulletin()
      await bulletins.rename(BULLETIN)
      await bulletins.addAnnouncement(NOTICE_TITLE)
      const download = page.waitForEvent('download', { timeout: 90_000 })
      await bulletins.exportButton().click()
      expect((await download).suggestedFilename()).toBe(`${BULLETIN}.mp3`)

      // 5. sign in and sync: the province's placements land in the station's sessions
      const sync = new SyncScreen(page, s)
      await shell.open('settings')
      await sync.setServer(province.url())
      await sync.signIn(DEMO_ACCOUNT.username, DEMO_ACCOUNT.password)
      await expect(sync.signedInAs(DEMO_COMMUNE.name, DEMO_ACCOUNT.username)).toBeVisible()
      await sync.syncNowButton().click()
      await expect(sync.pending(0)).toBeVisible({ timeout: 60_000 })
      const schedule = new ScheduleScreen(page, s)
      await schedule.open()
      const badge = s('schedule.province.badge')
      await expect(schedule.session('Buổi sáng').getByText(badge, { exact: true })).toHaveCount(5, { timeout: 15_000 })
      await expect(schedule.session('Buổi chiều').getByText(badge, { exact: true })).toHaveCount(3)
      await expect(page.getByText(s('schedule.dayWarnings'))).toHaveCount(0)

      // 6. schedule the take and the bulletin in today's Buổi trưa; sent, nothing rejected
      await schedule.addItem(SESSION, TAKE)
      await schedule.addItem(SESSION, BULLETIN)
      await sync.syncNowButton().click()
      await expect(sync.pending(0)).toBeVisible({ timeout: 60_000 })
      expect(await storeRows(page, 'rejections')).toEqual([])
      const provinceState = JSON.parse(await province.stateText()) as {
        state: { records: Record<string, { entity: string; data: { sessionId?: string } | null }> }
      }
      const sent = Object.values(provinceState.state.records).filter(
        (r) => r.entity === 'schedule' && r.data?.sessionId === 'trua',
      )
      expect(sent).toHaveLength(1)

      // 7. a trial of the session plays exactly its two items, logged as a trial
      const onAir = new OnAirScreen(page, s)
      await onAir.open()
      await armTap(page)
      await onAir.chooseTrial(stationDate(0), SESSION)
      await expect(onAir.trialItems()).toHaveCount(2)
      await onAir.trialButton().click()
      await expect(onAir.logRows()).toHaveCount(2, { timeout: 90_000 })
      await expect(onAir.stopButton()).toHaveCount(0, { timeout: 30_000 })
      await page.screenshot({ path: join(test.info().outputDir, `officer-week-${lang}-trial.png`) })

      // 8. automatic playout on, then the session moved to the next whole minute, one minute long
      // (the schedule re-plans at once on a change: only the save has to fit before the start)
      await clearTap(page)
      await onAir.setAuto(true)
      await schedule.open()
      const startMs = Math.ceil((Date.now() + 20_000) / 60_000) * 60_000
      await schedule.setSessionTime(SESSION, stationTime(startMs), 1)
      await onAir.open()
      await expect(onAir.logRows()).toHaveCount(4, { timeout: startMs - Date.now() + 60_000 })
      await onAir.setAuto(false)

      const all = await onAir.playLogRecords()
      const aired = all.filter((r) => r.isTrial !== true)
      expect(aired.map((r) => [r.title, r.outcome])).toEqual([
        [TAKE, 'played'],
        [BULLETIN, 'played'],
      ])
      expect(all.filter((r) => r.isTrial === true).map((r) => r.title)).toEqual([TAKE, BULLETIN])
      const [take, bulletin] = aired as [PlayLogRecord, PlayLogRecord]
      expect(Math.abs(durationMs(take) - rendition.durationMs)).toBeLessThanOrEqual(50)

      // what the output carried: the take for its edited length, then the bulletin, at −16 LUFS
      const contexts = await readTap(page)
      const loudest = contexts
        .map((c) => ({ c, sound: c.chunks.filter((k) => k.pcm !== '').length }))
        .sort((a, b) => b.sound - a.sound)[0]
      expect(loudest?.sound ?? 0).toBeGreaterThan(0)
      const capture = captureOf(loudest?.c ?? { sampleRate: 0, chunks: [] })
      const span = toneSpan(capture, FAKE_MIC_HZ, frameAt(capture, Date.parse(take.actualStart ?? '') - 500))
      const airedMs = ((span.endFrame - span.startFrame) / capture.sampleRate) * 1000
      console.log(
        `officer-week (${lang}): edited ${rendition.durationMs} ms, aired ${airedMs.toFixed(1)} ms on the output, ` +
          `logged ${durationMs(take)} ms; logged start ${Date.parse(take.actualStart ?? '') - startMs} ms after the ` +
          `planned one`,
      )
      expect(Math.abs(airedMs - rendition.durationMs)).toBeLessThanOrEqual(50)
      const wav = join(work, 'aired.wav')
      writeCaptureWav(wav, capture, span.startFrame, frameAt(capture, Date.parse(bulletin.actualEnd ?? '')))
      const programme = loudnessOf(wav)
      const takeWav = join(work, 'take.wav')
      writeCaptureWav(takeWav, capture, span.startFrame, span.endFrame)
      const takeLoudness = loudnessOf(takeWav)
      console.log(
        `officer-week (${lang}): aired programme ${programme.lufs} LUFS / ${programme.truePeak} dBTP, ` +
          `take ${takeLoudness.lufs} LUFS`,
      )
      expect(Math.abs(programme.lufs - TARGET_LUFS)).toBeLessThanOrEqual(1)
      expect(Math.abs(takeLoudness.lufs - TARGET_LUFS)).toBeLessThanOrEqual(1)

      // 9. the as-played log as the officer reads it
      const outcomes = (await onAir.logTable()).map((r) => [r[1], r[4]])
      expect(outcomes.filter((r) => r[1] === s('onair.outcome.played')).map((r) => r[0])).toEqual([TAKE, BULLETIN])
      expect(outcomes.filter((r) => r[1] === s('onair.outcome.trial'))).toHaveLength(2)

      // the province gets the two aired rows, never the trial's
      await sync.syncNowButton().click()
      await expect(sync.pending(0)).toBeVisible({ timeout: 60_000 })
      await expect
        .poll(async () => {
          const { state } = JSON.parse(await province.stateText()) as {
            state: { playLog: Record<string, { entry: { outcome: string; actualStart: string } }> }
          }
          return Object.values(state.playLog)
            .map((p) => `${p.entry.outcome} ${Date.parse(p.entry.actualStart)}`)
            .sort()
        })
        .toEqual(aired.map((r) => `played ${Date.parse(r.actualStart ?? '')}`).sort())
      expect(await storeRows(page, 'rejections')).toEqual([])

      // 10. the year report counts exactly the two aired items
      const reports = new ReportsScreen(page, s)
      await reports.open()
      await reports.choosePeriodKind('year')
      const csv = readFileSync(await (await reports.download('csv')).path(), 'utf8')
      expect(csvValue(csv, 'log', 'broadcasts', 'count')).toBe('2')
      await page.screenshot({ path: join(test.info().outputDir, `officer-week-${lang}-report.png`) })
    })
  })
}
