// A two-hour import in bounded memory: a generated 2-hour low-bitrate MP3 (tone + noise) imported
// through the library's file picker in Chromium (browser host; ffmpeg.wasm decodes it in 3-minute
// slices streamed to main), beside native ffmpeg decoding the same file in one go. Prints the wall
// times, the renderer's peak JS heap, the ffmpeg worker's wasm memory and JS heap, and the peak
// RSS of Chromium's renderer process (page + worker + wasm). Prints figures; never fails on time.
//
//   npm run build:web && npm run bench:import        (BENCH_IMPORT_MINUTES=120 by default)
//
// How memory is measured (all from outside the page, nothing added to the app):
//  - page JS heap: CDP Runtime.getHeapUsage on the page, sampled every 500 ms (max kept);
//  - worker JS heap and ArrayBuffer backing stores (which hold its wasm memory): CDP
//    Runtime.getHeapUsage on the worker target (usedSize, backingStorageSize), sampled; the page's
//    the same way. (Runtime.queryObjects for the WebAssembly.Memory objects themselves went
//    unanswered by the ffmpeg worker, and crashed the page when sent mid-decode.)
//  - renderer process: VmHWM (the kernel's peak resident set) of Chromium's renderer processes.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { startHost, withParams } from './bench-host.mjs'

const MINUTES = Number(process.env.BENCH_IMPORT_MINUTES ?? 120)
const SECONDS = MINUTES * 60
const work = mkdtempSync(join(tmpdir(), 'daixa-import-bench-'))
const source = join(work, 'hai-gio.mp3')
const MB = 1024 * 1024

const native = (args) =>
  execFileSync('/usr/bin/ffmpeg', ['-loglevel', 'error', ...args], { stdio: ['ignore', 'ignore', 'inherit'] })
const timed = (fn) => {
  const t = performance.now()
  fn()
  return (performance.now() - t) / 1000
}

/** The app's decode arguments (src/shared/audio/decode-args.ts decodeArgs), for native ffmpeg. */
const decodeArgs = (input, output) => [
  ...['-hide_banner', '-nostdin', '-y', '-i', input],
  ...['-map', '0:a:0', '-vn', '-sn', '-dn', '-map_metadata', '-1'],
  ...['-ac', '1', '-ar', '44100', '-c:a', 'pcm_s16le', '-bitexact', '-f', 'wav', output],
]

/** CDP to a worker through the browser session (non-flattened: messages wrapped in Target.*). */
async function workerChannel(cdp, targetId) {
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false })
  let id = 0
  const pending = new Map()
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    if (e.sessionId !== sessionId) return
    const m = JSON.parse(e.message)
    pending.get(m.id)?.(m)
    pending.delete(m.id)
  })
  // A worker answers between tasks: while ffmpeg runs a slice it is silent, so give up after 5 s.
  const send = (method, params = {}, waitMs = 5000) =>
    new Promise((res, rej) => {
      const i = ++id
      const timer = setTimeout(() => {
        pending.delete(i)
        rej(new Error(`worker: ${method} unanswered`))
      }, waitMs)
      pending.set(i, (m) => {
        clearTimeout(timer)
        res(m)
      })
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: i, method, params }) })
    })
  return {
    /** JS heap in use and ArrayBuffer backing stores (Chromium ≥ 125 reports the latter). */
    async heapUsage() {
      const r = (await send('Runtime.getHeapUsage')).result ?? {}
      return { used: r.usedSize ?? 0, backing: r.backingStorageSize ?? 0 }
    },
  }
}

const parentOf = (pid) =>
  Number(
    readFileSync(`/proc/${pid}/stat`, 'latin1')
      .replace(/^.*\) /s, '')
      .split(' ')[1],
  )

/** Whether `pid` descends from this node process (other Chromiums may run on the machine). */
function isOurs(pid) {
  for (let p = Number(pid), hops = 0; p > 1 && hops < 10; p = parentOf(p), hops++) if (p === process.pid) return true
  return false
}

/** Peak resident set (VmHWM) of this run's Chromium renderer processes, in bytes (the largest one). */
function rendererPeakRss() {
  let peak = 0
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'latin1')
      if (!cmd.includes('--type=renderer') || !isOurs(pid)) continue
      const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'latin1'))?.[1] ?? 0)
      peak = Math.max(peak, kb * 1024)
    } catch {
      // the process ended between the listing and the read
    }
  }
  return peak
}

function sampler(page, cdp, pageCdp) {
  const seen = { pageHeap: 0, pageBacking: 0, workerHeap: 0, workerBacking: 0, samples: 0 }
  let worker = null
  let stopped = false
  const tick = async () => {
    if (!worker) {
      const { targetInfos } = await cdp.send('Target.getTargets')
      const w = targetInfos.find((t) => t.type === 'worker' && t.url.includes('/assets/'))
      if (w) worker = await workerChannel(cdp, w.targetId)
    }
    const onPage = await pageCdp.send('Runtime.getHeapUsage')
    seen.pageHeap = Math.max(seen.pageHeap, onPage.usedSize)
    seen.pageBacking = Math.max(seen.pageBacking, onPage.backingStorageSize ?? 0)
    if (worker) {
      const inWorker = await worker.heapUsage()
      seen.workerHeap = Math.max(seen.workerHeap, inWorker.used)
      seen.workerBacking = Math.max(seen.workerBacking, inWorker.backing)
    }
    seen.samples++
  }
  const loop = (async () => {
    while (!stopped) {
      await tick().catch(() => undefined) // a worker busy with a slice answers late: skip the sample
      await new Promise((r) => setTimeout(r, 500))
    }
    await tick().catch(() => undefined)
  })()
  return {
    seen,
    async stop() {
      stopped = true
      await loop
    },
  }
}

async function wasmImport(url) {
  const browser = await chromium.launch({
    executablePath: process.env.DAIXA_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  })
  try {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(withParams(url, { automation: '1' }))
    const cdp = await browser.newBrowserCDPSession()
    const pageCdp = await context.newCDPSession(page)
    await page.getByRole('menuitem', { name: 'Thư viện' }).click()
    const button = page.getByRole('button', { name: 'Nhập tệp', exact: true })
    await button.waitFor()
    await pageCdp.send('HeapProfiler.collectGarbage')
    const pageHeapBefore = (await pageCdp.send('Runtime.getHeapUsage')).usedSize
    const chooser = page.waitForEvent('filechooser')
    await button.click()
    const probe = sampler(page, cdp, pageCdp)
    const t0 = performance.now()
    await (await chooser).setFiles(source)
    await page
      .getByRole('row')
      .filter({ hasText: 'hai-gio' })
      .waitFor({ timeout: 4 * 3600_000 })
    const importS = (performance.now() - t0) / 1000
    await probe.stop()
    return { importS, pageHeapBefore, ...probe.seen, rss: rendererPeakRss() }
  } finally {
    await browser.close()
  }
}

async function main() {
  const genS = timed(() =>
    native([
      ...['-y', '-f', 'lavfi', '-t', String(SECONDS), '-i', 'sine=f=440:r=22050'],
      ...['-f', 'lavfi', '-t', String(SECONDS), '-i', 'anoisesrc=c=pink:r=22050:a=0.05:seed=3'],
      ...['-filter_complex', 'amix=inputs=2:normalize=0', '-ac', '1', '-ar', '22050'],
      ...['-c:a', 'libmp3lame', '-b:a', '32k', source],
    ]),
  )
  console.log(
    `bench:import  ${MINUTES}-min MP3 (32 kbps mono 22.05 kHz, ${(statSync(source).size / MB).toFixed(1)} MB, made in ${genS.toFixed(0)} s) → store WAV (mono 44.1 kHz 16-bit)`,
  )
  const nativeWav = join(work, 'native.wav')
  const nativeS = timed(() => native(decodeArgs(source, nativeWav)))
  const nativeBytes = statSync(nativeWav).size
  rmSync(nativeWav)

  const dataDir = join(work, 'data')
  const { host, url } = await startHost(dataDir)
  let wasm
  try {
    wasm = await wasmImport(url)
  } finally {
    host.kill()
  }
  const stored = readdirSync(join(dataDir, 'media')).find((n) => n.endsWith('.wav'))
  const storedBytes = stored ? statSync(join(dataDir, 'media', stored)).size : 0
  const rt = (s) => `${(SECONDS / s).toFixed(1)}× realtime`
  const mb = (b) => `${(b / MB).toFixed(1)} MB`
  console.log(`native ffmpeg decode (one go)        ${nativeS.toFixed(1).padStart(7)} s  ${rt(nativeS)}`)
  console.log(`app import (wasm slices → main)      ${wasm.importS.toFixed(1).padStart(7)} s  ${rt(wasm.importS)}`)
  console.log(`  ratio native/app                   ${(nativeS / wasm.importS).toFixed(2).padStart(7)}`)
  console.log(
    `stored WAV ${mb(storedBytes)}; native decode ${mb(nativeBytes)}${storedBytes === nativeBytes ? ' (same size)' : ''}`,
  )
  console.log(
    `page: JS heap ${mb(wasm.pageHeapBefore)} before, peak ${mb(wasm.pageHeap)}; ArrayBuffers peak ${mb(wasm.pageBacking)}`,
  )
  console.log(
    `ffmpeg worker: JS heap peak ${mb(wasm.workerHeap)}; ArrayBuffers peak ${mb(wasm.workerBacking)} (its wasm memory and the slices read out of it)`,
  )
  console.log(`renderer process peak RSS (VmHWM, page + worker + wasm): ${mb(wasm.rss)}`)
  console.log(
    `(${wasm.samples} memory samples; a one-shot decode would hold the whole ${mb(storedBytes)} WAV in wasm memory and again in JS)`,
  )
}

try {
  await main()
} finally {
  rmSync(work, { recursive: true, force: true })
}
