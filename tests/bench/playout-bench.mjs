// Start-time error of the playout engine in Chromium, and the browser's CPU use while a session
// waits and while it plays. Serves the engine bundle (playout-bench.page.ts, built by
// playout-bench.vite.config.ts) on loopback, runs a session of BENCH_ITEMS (default 500) items of
// BENCH_ITEM_MS (default 200) ms planned back to back BENCH_LEAD_MS (default 15000) ms ahead, and
// prints p50/p99/max of (heard onset − planned start). CPU is read from /proc (utime+stime of
// every Chromium process under this one) over the waiting and the playing window. An onset is the
// first sample above 0.05 after at least 2205 frames (50 ms at 44.1 kHz) at or below it. Figures only:
// nothing here passes or fails on time (target: p99 ≤ 20 ms late).
//
//   npm run bench:playout
import { readFileSync, readdirSync } from 'node:fs'
import { createServer } from 'node:http'
import { resolve } from 'node:path'
import { chromium } from '@playwright/test'

/* global window, document -- the page.evaluate callbacks run in the browser */

const ROOT = resolve(import.meta.dirname, '../..')
const ITEMS = Number(process.env.BENCH_ITEMS ?? 500)
const ITEM_MS = Number(process.env.BENCH_ITEM_MS ?? 200)
const LEAD_MS = Number(process.env.BENCH_LEAD_MS ?? 15000)
const CLK_TCK = 100

const ONSET_WORKLET = `registerProcessor('onset-detector', class extends AudioWorkletProcessor {
  constructor() { super(); this.quiet = 0 }
  process(inputs) {
    const ch = inputs[0] && inputs[0][0]
    if (!ch) { this.quiet += 128; return true }
    for (let i = 0; i < ch.length; i++) {
      const v = Math.abs(ch[i])
      if (v > 0.05 && this.quiet >= 2205) this.port.postMessage(currentFrame + i)
      this.quiet = v <= 0.05 ? this.quiet + 1 : 0
    }
    return true
  }
})`

const PAGE =
  '<!doctype html><meta charset="utf-8"><title>playout-bench</title><script type="module" src="/page.js"></script>'

function serve() {
  const bundle = readFileSync(resolve(ROOT, 'out/bench-playout/playout-bench.page.js'))
  const server = createServer((req, res) => {
    const send = (type, body) => res.writeHead(200, { 'content-type': type }).end(body)
    if (req.url === '/') return send('text/html', PAGE)
    if (req.url === '/page.js') return send('text/javascript', bundle)
    if (req.url === '/onset.js') return send('text/javascript', ONSET_WORKLET)
    res.writeHead(404).end()
  })
  return new Promise((res) => server.listen(0, '127.0.0.1', () => res(server)))
}

/** utime+stime ticks of `root` and all its descendants. */
function treeTicks(root) {
  const stats = []
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const text = readFileSync(`/proc/${name}/stat`, 'utf8')
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
      stats.push({ pid: Number(name), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) })
    } catch {
      // the process ended while we looked
    }
  }
  const inTree = new Set([root])
  for (let grew = true; grew;) {
    grew = false
    for (const s of stats) {
      if (inTree.has(s.ppid) && !inTree.has(s.pid)) {
        inTree.add(s.pid)
        grew = true
      }
    }
  }
  return stats.filter((s) => inTree.has(s.pid) && s.pid !== root).reduce((sum, s) => sum + s.ticks, 0)
}

async function cpuOver(ms) {
  const t0 = Date.now()
  const a = treeTicks(process.pid)
  await new Promise((r) => setTimeout(r, ms))
  const b = treeTicks(process.pid)
  return (((b - a) / CLK_TCK) * 1000 * 100) / (Date.now() - t0)
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]

async function main() {
  const server = await serve()
  const url = `http://127.0.0.1:${server.address().port}/`
  const browser = await chromium.launch({
    executablePath: process.env.DAIXA_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-dev-shm-usage',
      '--autoplay-policy=no-user-gesture-required',
    ],
  })
  try {
    const page = await browser.newPage()
    await page.goto(url)
    await page.waitForFunction(() => document.title === 'playout-bench ready')
    console.log(
      `bench:playout  ${ITEMS} items × ${ITEM_MS} ms, planned ${LEAD_MS} ms ahead, Chromium ${browser.version()}`,
    )
    const idle = await cpuOver(2000)
    const run = page.evaluate((c) => window.runBench(c), {
      items: ITEMS,
      itemMs: ITEM_MS,
      leadMs: LEAD_MS,
      onsetModuleUrl: '/onset.js',
    })
    await new Promise((r) => setTimeout(r, 3000))
    const waiting = await cpuOver(LEAD_MS - 6000)
    await new Promise((r) => setTimeout(r, 5000))
    const playing = await cpuOver(Math.max(2000, ITEMS * ITEM_MS - 10000))
    const result = await run
    const errors = result.plannedMs
      .map((planned, i) => (result.heardMs[i] === null ? null : result.heardMs[i] - planned))
      .filter((e) => e !== null)
    const sorted = [...errors].sort((a, b) => a - b)
    const late = [...errors].map((e) => Math.max(0, e)).sort((a, b) => a - b)
    const f = (v) => (v === undefined ? 'n/a' : `${v.toFixed(2)} ms`)
    console.log(
      `sample rate ${result.sampleRate} Hz, base latency ${(result.baseLatencyS * 1000).toFixed(1)} ms, output latency ${(result.outputLatencyS * 1000).toFixed(1)} ms`,
    )
    console.log(
      `onsets detected: ${result.onsets}; items matched to an onset: ${errors.length} of ${ITEMS}; log rows ${JSON.stringify(result.outcomes)}`,
    )
    console.log(
      `start-time error (heard − planned): p50 ${f(pct(sorted, 50))}  p99 ${f(pct(sorted, 99))}  max ${f(sorted.at(-1))}  min ${f(sorted[0])}`,
    )
    console.log(
      `lateness (early counted as 0):      p50 ${f(pct(late, 50))}  p99 ${f(pct(late, 99))}  max ${f(late.at(-1))}   (target p99 ≤ 20 ms)`,
    )
    console.log(
      `Chromium CPU (% of one core): idle page ${idle.toFixed(1)}  waiting ${waiting.toFixed(1)}  playing ${playing.toFixed(1)}`,
    )
  } finally {
    await browser.close()
    server.close()
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
