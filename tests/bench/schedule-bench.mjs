// How long saving one schedule item takes with an empty week and with a full week (12 sessions ×
// 5 items × 7 days), in Chromium on its real IndexedDB: the app's own save (useSchedule.place),
// the save plus the day as the screen reads it again (loadDay), and the same Dexie writes alone
// (one schedules row and its outbox entry in one transaction). Prints median and p95 of
// BENCH_RUNS (default 40) saves each; BENCH_BULLETINS (default 365) rendered bulletins in the library. Figures only: nothing here passes or fails on time
// (issue 19's target: a save under 200 ms at the median with a full week).
//
//   npm run bench:schedule
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { resolve } from 'node:path'
import { chromium } from '@playwright/test'

/* global window, document -- the page.evaluate callbacks run in the browser */

const ROOT = resolve(import.meta.dirname, '../..')
const RUNS = Number(process.env.BENCH_RUNS ?? 40)
const BULLETINS = Number(process.env.BENCH_BULLETINS ?? 365)
const HTML =
  '<!doctype html><meta charset="utf-8"><title>schedule-bench</title><script type="module" src="/b.js"></script>'

function listen() {
  const js = readFileSync(resolve(ROOT, 'out/bench-schedule/schedule-bench.page.js'))
  const server = createServer((req, res) => {
    if (req.url === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(HTML)
    if (req.url === '/b.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(js)
    return res.writeHead(404).end()
  })
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)))
}

/** [median, p95] of a list of milliseconds, as text. */
function summary(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]
  return `median ${at(0.5).toFixed(1).padStart(7)} ms   p95 ${at(0.95).toFixed(1).padStart(7)} ms`
}

async function main() {
  const server = await listen()
  const browser = await chromium.launch({
    executablePath: process.env.DAIXA_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage'],
  })
  try {
    const page = await browser.newPage()
    await page.goto(`http://127.0.0.1:${server.address().port}/`)
    await page.waitForFunction(() => document.title === 'schedule-bench ready')
    const from = new Date(Date.now() + 7 * 3_600_000 + 86_400_000).toISOString().slice(0, 10)
    const result = await page.evaluate((c) => window.runBench(c), { runs: RUNS, from, bulletins: BULLETINS })
    console.log(
      `bench:schedule  ${RUNS} saves of one item each; library: 4 jingles, ${BULLETINS} bulletins; Chromium ${browser.version()} (IndexedDB)`,
    )
    for (const [name, times] of [
      ['empty week', result.empty],
      ['full week (12 sessions × 5 items × 7 days)', result.full],
    ]) {
      console.log(`\n${name}`)
      console.log(`  save one item (place)              ${summary(times.save)}`)
      console.log(`  save + the day read again (screen) ${summary(times.saveAndShow)}`)
      console.log(`  raw Dexie write (row + outbox)     ${summary(times.raw)}`)
    }
  } finally {
    await browser.close()
    server.close()
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
