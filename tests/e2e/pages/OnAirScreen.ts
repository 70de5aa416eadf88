/**
 * Phát sóng, as the officer sees it; with `?automation` also the page's hook (`window.daixaOnAir`):
 * queue a rundown session (e.g. a relay of a few seconds) and read the programme/master levels.
 */
import { typeLocalDate } from './antd-date'
import type { Page } from '@playwright/test'
import type { LevelSample } from '../../../src/renderer/features/onair/onair-automation'
import type { RundownSession } from '../../../src/shared/onair/rundown'
import { expect } from '@playwright/test'
import { chooseOption, chooseOptionContaining } from './antd-select'

/** An as-played row as stored (IndexedDB `playLog`). */
export interface PlayLogRecord {
  itemId: string
  title: string
  plannedStart: string
  actualStart: string | null
  actualEnd: string | null
  outcome: string
  note: string
  deviceActions?: { step: string; phase: string; isOk: boolean; at: string }[]
  isTrial?: boolean
}

export class OnAirScreen {
  constructor(
    readonly page: Page,
    private readonly s: (key: string) => string,
  ) {}

  readonly heading = () => this.page.getByRole('heading', { name: this.s('onair.title') })
  readonly dtmfOn = () => this.page.getByRole('textbox', { name: this.s('onair.controls.dtmfOn') })
  readonly dtmfOff = () => this.page.getByRole('textbox', { name: this.s('onair.controls.dtmfOff') })
  readonly trialButton = () => this.page.getByRole('button', { name: this.s('onair.controls.trial') })
  readonly trialDate = () => this.page.getByRole('textbox', { name: this.s('onair.trial.date') })
  readonly trialSession = () => this.page.getByRole('combobox', { name: this.s('onair.trial.session') })
  /** What the chosen session will play, as the trial panel lists it. */
  readonly trialItems = () => this.page.getByLabel(this.s('onair.trial.items')).getByRole('listitem')
  readonly stopButton = () => this.page.getByRole('button', { name: this.s('onair.stop.button') })
  /** The title of the item on air (the Đang phát card). */
  readonly nowTitle = () => this.page.locator(`span.ant-typography[aria-label="${this.s('onair.now.title')}"]`)
  readonly phase = () => this.page.getByTestId('onair-phase')
  readonly playNowButton = () => this.page.getByRole('button', { name: this.s('onair.controls.playNow') })
  readonly emergencyPick = () => this.page.getByRole('combobox', { name: this.s('onair.controls.emergencyItem') })
  readonly log = () => this.page.getByRole('table').filter({ has: this.page.getByText(this.s('onair.log.planned')) })
  readonly logRows = () =>
    this.log()
      .getByRole('row')
      .filter({ hasNot: this.page.getByRole('columnheader') })
  readonly logRow = (title: string) => this.logRows().filter({ hasText: title })
  readonly talkOverButton = () => this.page.getByRole('button', { name: this.s('onair.controls.talkOver') })
  readonly talkOverStopButton = () => this.page.getByRole('button', { name: this.s('onair.controls.talkOverStop') })
  readonly lineInSelect = () => this.page.getByRole('combobox', { name: this.s('onair.settings.lineIn') })
  readonly alerts = () => this.page.getByRole('alert')
  /** the "Tình trạng thiết bị" card */
  readonly health = () => this.page.getByLabel(this.s('onair.health.title'), { exact: true })
  /** one device's line in it, found by the device's name */
  readonly deviceHealth = (name: string) => this.health().getByRole('listitem').filter({ hasText: name })

  /** "Tự động phát theo lịch" (kept on across restarts). */
  readonly autoSwitch = () => this.page.getByRole('switch', { name: this.s('onair.auto.label') })

  /** Switches automatic playout by the schedule on or off. */
  async setAuto(isOn: boolean): Promise<void> {
    if ((await this.autoSwitch().getAttribute('aria-checked')) !== String(isOn)) await this.autoSwitch().click()
    await expect(this.autoSwitch()).toHaveAttribute('aria-checked', String(isOn))
  }

  async open(): Promise<void> {
    await this.page.getByRole('menuitem', { name: this.s('onair.nav') }).click()
    await this.heading().waitFor()
  }

  /** Opens the app with the automation hook and goes to Phát sóng (the screen installs `play`). */
  async openWithAutomation(): Promise<void> {
    const target = new URL(this.page.url())
    target.searchParams.set('automation', '1')
    await this.page.goto(target.toString())
    await this.open()
    await this.page.waitForFunction(() => typeof window.daixaOnAir?.play === 'function')
  }

  /** Chooses the line-in for relays by its label (saved to the host's settings at once). */
  async chooseLineIn(label: string): Promise<void> {
    await chooseOption(this.page, this.lineInSelect(), label)
    await this.page.getByText(this.s('onair.settings.saved')).first().waitFor()
  }

  /** Labels of the audio inputs the browser lists (what the line-in select offers). */
  audioInputLabels(): Promise<string[]> {
    return this.page.evaluate(async () =>
      (await navigator.mediaDevices.enumerateDevices())
        .filter((d) => d.kind === 'audioinput' && d.deviceId !== 'default')
        .map((d) => d.label),
    )
  }

  /** Queues a rundown session on the app's engine (starting it if needed). */
  async playSession(session: RundownSession): Promise<void> {
    await this.page.evaluate((s) => window.daixaOnAir?.play?.(s), session)
  }

  /** The page clock (epoch ms). */
  pageNow(): Promise<number> {
    return this.page.evaluate(() => Date.now())
  }

  /** Level samples (RMS every 50 ms) of the programme bus (after ducking) and the master bus. */
  async levels(): Promise<LevelSample[]> {
    return this.page.evaluate(() => [...(window.daixaOnAir?.levels ?? [])])
  }

  /** Today's as-played rows as stored, oldest planned first. */
  async playLogRecords(): Promise<PlayLogRecord[]> {
    const rows = await this.page.evaluate(async () => {
      const open = indexedDB.open('daixa')
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result)
        open.onerror = () => reject(new Error(String(open.error)))
      })
      const all = db.transaction('playLog').objectStore('playLog').getAll()
      const result = await new Promise<unknown[]>((resolve) => (all.onsuccess = () => resolve(all.result)))
      db.close()
      return result
    })
    return (rows as PlayLogRecord[]).sort((a, b) => a.plannedStart.localeCompare(b.plannedStart))
  }

  /** Chooses a day's session in the trial panel (by its label) without starting it. */
  async chooseTrial(date: string, sessionLabel: string): Promise<void> {
    await typeLocalDate(this.trialDate(), date)
    await chooseOptionContaining(this.page, this.trialSession(), `${sessionLabel} (`)
  }

  /** "Phát thử buổi này": plays that day's session now, as a trial. */
  async playTrial(date: string, sessionLabel: string): Promise<void> {
    await this.chooseTrial(date, sessionLabel)
    await expect(this.trialButton()).toBeEnabled()
    await this.trialButton().click()
  }

  /** "Dừng phát": a trial stops at once; a scheduled session after the confirmation (given here). */
  async stop(): Promise<void> {
    await this.stopButton().click()
    const confirm = this.page.getByRole('dialog').getByRole('button', { name: this.s('onair.stop.button') })
    if (await confirm.isVisible().catch(() => false)) await confirm.click()
  }

  /** How many outbox entries of an entity wait to be sent (e.g. 'playLog': none for a trial). */
  outboxCount(entity: string): Promise<number> {
    return this.page.evaluate(async (wanted) => {
      const open = indexedDB.open('daixa')
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result)
        open.onerror = () => reject(new Error(String(open.error)))
      })
      const all = db.transaction('outbox').objectStore('outbox').getAll()
      const rows = await new Promise<{ entity: string }[]>((resolve) => (all.onsuccess = () => resolve(all.result)))
      db.close()
      return rows.filter((r) => r.entity === wanted).length
    }, entity)
  }

  /** Presses "Phát ngay" for one announcement and confirms. */
  async playNow(title: string): Promise<void> {
    await this.chooseEmergency(title)
    await this.confirmPlayNow()
  }

  /** Picks the announcement "Phát ngay" will play. */
  async chooseEmergency(title: string): Promise<void> {
    await chooseOption(this.page, this.emergencyPick(), title)
  }

  /** Presses "Phát ngay" and confirms; resolves with the page-clock time of the confirming click. */
  async confirmPlayNow(): Promise<number> {
    await this.playNowButton().click()
    const ok = this.page.getByRole('dialog').getByRole('button', { name: this.s('onair.controls.playNowOk') })
    await ok.waitFor()
    const at = await this.pageNow()
    await ok.click()
    return at
  }

  /** The log rows' cells, top to bottom: [planned, title, start, end, outcome, devices]. */
  async logTable(): Promise<string[][]> {
    const rows = await this.logRows().all()
    return Promise.all(rows.map(async (row) => (await row.getByRole('cell').allInnerTexts()).map((c) => c.trim())))
  }
}
