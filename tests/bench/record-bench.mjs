// Records from Chromium's fake microphone through the browser host for a few minutes and prints,
// each minute, the renderer's JS heap (after a forced GC), the host's resident memory, and the
// sample counts at each stage: frames the capture worklet saw, samples accepted, samples the host
// confirmed, samples in the file on disk, and what the wall clock says there should be.
//
//   npm run build && npm run bench:record            (BENCH_MINUTES=3 by default)
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { writeSineWav } from '../../scripts/lib/wav.mjs'
import { CHROMIUM_ARGS, fakeMicArgs } from '../e2e/support/chromium-args.mjs'
import { startHost } from './bench-host.mjs'

const MINUTES = Number(process.env.BENCH_MINUTES ?? 3)
const dataDir = mkdtempSync(join(tmpdir(), 'daixa-bench-'))
const micWav = join(dataDir, 'mic.wav')

const rssKb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)
const mb = (bytes) => (bytes / 1048576).toFixed(1)

async function main() {
  // 5 s of 440 Hz at 16000 of 32767 (Chromium loops the file as the fake microphone).
  writeSineWav(micWav, { frequency: 440, seconds: 5, sampleRate: 48_000, amplitude: 16000 / 32767 })
  const { host, url } = await startHost(join(dataDir, 'data'))
  const browser = await chromium.launch({
    executablePath: process.env.DAIXA_CHROMIUM ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...fakeMicArgs(micWav), '--js-flags=--expose-gc'],
  })
  try {
    const page = await browser.newPage()
    const cdp = await page.context().newCDPSession(page)
    await page.goto(url)
    await page.getByRole('textbox', { name: 'Tên bản tin' }).fill('Benchmark')
    await page.getByRole('button', { name: 'Bắt đầu thu' }).click()
    await page.getByText('Đang thu…').waitFor()
    const startedAt = Date.now()
    const elapsed = page.getByLabel('Thời gian đã thu')
    const counters = async () => {
      const attr = async (n) => Number(await elapsed.getAttribute(`data-${n}`))
      return {
        seen: await attr('frames-seen'),
        accepted: await attr('sample-count'),
        saved: await attr('saved-sample-count'),
        rate: await attr('sample-rate'),
      }
    }
    const partFile = () => {
      const dir = join(dataDir, 'data', 'recordings')
      const f = readdirSync(dir).find((n) => n.endsWith('.wav'))
      return f ? (statSync(join(dir, f)).size - 44) / 2 : 0
    }
    console.log(
      `bench:record  ${MINUTES} min from the fake microphone through the browser host (${new URL(url).origin})`,
    )
    console.log(
      'minute  renderer-heap-MB  host-rss-MB  frames-seen  accepted  host-confirmed  on-disk  wall-expected  lag-ms',
    )
    const heaps = []
    const rsss = []
    for (let minute = 1; minute <= MINUTES; minute++) {
      await page.waitForTimeout(startedAt + minute * 60_000 - Date.now())
      await cdp.send('HeapProfiler.collectGarbage')
      const { usedSize } = await cdp.send('Runtime.getHeapUsage')
      const c = await counters()
      const onDisk = partFile()
      const wall = Math.round(((Date.now() - startedAt) / 1000) * c.rate)
      heaps.push(usedSize)
      rsss.push(rssKb(host.pid) * 1024)
      console.log(
        [
          minute,
          mb(usedSize),
          mb(rsss.at(-1)),
          c.seen,
          c.accepted,
          c.saved,
          onDisk,
          wall,
          (((c.accepted - onDisk) / c.rate) * 1000).toFixed(0),
        ]
          .map((v) => String(v).padStart(6))
          .join('  '),
      )
    }
    // Pause, let the host confirm everything, then stop: every accepted sample must be in the file.
    await page.getByRole('button', { name: 'Tạm dừng' }).click()
    let paused = await counters()
    for (let i = 0; i < 50 && paused.saved !== paused.accepted; i++) {
      await page.waitForTimeout(100)
      paused = await counters()
    }
    await page.getByRole('button', { name: 'Dừng và lưu' }).click()
    await page.getByRole('heading', { name: 'Thư viện' }).waitFor()
    const mediaDir = join(dataDir, 'data', 'media')
    const file = readdirSync(mediaDir).find((n) => n.endsWith('.wav'))
    const finalSamples = (statSync(join(mediaDir, file)).size - 44) / 2
    console.log(
      `final: accepted ${paused.accepted} samples, host confirmed ${paused.saved}, saved file has ${finalSamples}`,
    )
    console.log(`dropped between capture and disk: ${paused.accepted - finalSamples} samples`)
    console.log(
      `renderer heap first→last minute: ${mb(heaps[0])} → ${mb(heaps.at(-1))} MB; host RSS ${mb(rsss[0])} → ${mb(rsss.at(-1))} MB`,
    )
  } finally {
    await browser.close()
    host.kill('SIGTERM')
    rmSync(dataDir, { recursive: true, force: true })
  }
}

await main()
