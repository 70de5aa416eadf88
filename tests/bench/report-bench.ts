// Times the station report on a year of data: 10,000 as-played entries over reporting year 2025
// (15/12/2024 – 14/12/2025) from a seeded generator, 1,500 library items and 60 clusters with
// status histories. Prints the median of several runs of parsing, computeReport and each export,
// and the figures computed, so two runs can be compared. It passes or fails on nothing.
//
//   npm run bench:report        (vite build -c vite.bench.config.ts && node out/bench/report-bench.js)
import { renderDocx } from '../../src/main/services/reports/docx'
import { renderXlsx } from '../../src/main/services/reports/xlsx'
import { computeReport } from '../../src/shared/reports/compute'
import { renderCsv } from '../../src/shared/reports/csv'
import { formatDuration } from '../../src/shared/reports/format'
import { localMidnight } from '../../src/shared/reports/period'
import {
  reportContentKinds,
  reportInputSchema,
  sourceKinds,
  type ClusterStatusEvent,
  type PlayEntry,
} from '../../src/shared/reports/report-input'

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 10_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 15)

/** mulberry32: a small seeded PRNG, so every run uses the same data. */
function prng(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const rand = prng(20251215)
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T
const iso = (ms: number): string => new Date(ms).toISOString()
const categories = ['Thời sự', 'Nông nghiệp', 'Y tế', 'An ninh trật tự', 'Văn hóa', 'Phòng chống thiên tai', '']
const sessionsMin = [5 * 60 + 30, 11 * 60, 17 * 60] // buổi sáng, trưa, chiều

function makePlays(yearStart: number): PlayEntry[] {
  return Array.from({ length: ENTRIES }, (_, i) => {
    const day = Math.floor(rand() * 365)
    const start = yearStart + day * 86_400_000 + (pick(sessionsMin) + Math.floor(rand() * 90)) * 60_000
    const length = Math.floor((1 + rand() * 59) * 60_000)
    const r = rand()
    const outcome = r < 0.05 ? 'skipped' : r < 0.07 ? 'failed' : r < 0.1 ? 'interrupted' : 'played'
    return {
      id: `p${i}`,
      itemId: `item${Math.floor(rand() * 2000)}`,
      plannedStart: iso(start),
      actualStart: outcome === 'skipped' ? null : iso(start),
      actualEnd: outcome === 'skipped' ? null : iso(start + length),
      outcome,
      source: rand() < 0.4 ? 'own' : pick(sourceKinds),
      contentKind: pick(reportContentKinds),
      language: rand() < 0.15 ? 'km' : 'vi',
      category: pick(categories),
      priority: rand() < 0.01 ? 'emergency' : 'normal',
    }
  })
}

function makeInput(): unknown {
  const yearStart = localMidnight(2024, 12, 15)
  const library = Array.from({ length: 1500 }, (_, i) => ({
    id: `l${i}`,
    kind: pick(reportContentKinds),
    language: rand() < 0.15 ? 'km' : 'vi',
    category: pick(categories),
    priority: rand() < 0.02 ? 'emergency' : 'normal',
    approval: rand() < 0.9 ? 'approved' : 'draft',
    createdAt: iso(yearStart + Math.floor(rand() * 365 * 86_400_000)),
  }))
  const clusters = Array.from({ length: 60 }, (_, i) => ({
    id: `c${i}`,
    code: `CL-${i}`,
    hamlet: `Ấp ${1 + (i % 12)}`,
    technology: pick(['wired', 'fm', 'ip'] as const),
    status: 'working' as const,
  }))
  const clusterEvents: ClusterStatusEvent[] = clusters.flatMap((c) =>
    Array.from({ length: 4 }, (_, k) => ({
      clusterId: c.id,
      at: iso(yearStart - 400 * 86_400_000 + k * 120 * 86_400_000 + Math.floor(rand() * 86_400_000)),
      status: k === 0 ? 'working' : pick(['working', 'faulty', 'removed'] as const),
    })),
  )
  return { plays: makePlays(yearStart), library, clusters, clusterEvents }
}

async function median(runs: number, f: () => unknown): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await f()
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)] ?? NaN
}

const ms = (x: number): string => `${x.toFixed(1)} ms`

async function main(): Promise<void> {
  const raw = makeInput()
  const input = reportInputSchema.parse(raw)
  const period = { kind: 'reporting-year', year: 2025 } as const
  const meta = {
    communeName: 'Tân Lập',
    provinceName: 'Sóc Trăng',
    issuingBody: 'Đài truyền thanh',
    place: 'Tân Lập',
    signerTitle: 'Trưởng đài',
    generatedAt: '2025-12-16T01:30:00.000Z',
  }
  for (let i = 0; i < 3; i++) computeReport(input, period) // warm-up
  const report = computeReport(input, period)
  console.log(`report-bench: node ${process.version}, ${ENTRIES} as-played entries, median of ${RUNS} runs`)
  console.log(`  parse input (zod)     ${ms(await median(5, () => reportInputSchema.parse(raw)))}`)
  console.log(`  computeReport         ${ms(await median(RUNS, () => computeReport(input, period)))}`)
  console.log(`  renderCsv             ${ms(await median(RUNS, () => renderCsv(report)))}`)
  console.log(`  renderXlsx            ${ms(await median(5, () => renderXlsx(report, meta)))}`)
  console.log(`  renderDocx            ${ms(await median(5, () => renderDocx(report, meta)))}`)
  const [xlsx, docx] = [await renderXlsx(report, meta), await renderDocx(report, meta)]
  console.log(`  file sizes            xlsx ${xlsx.byteLength} B, docx ${docx.byteLength} B`)
  console.log(`figures (reporting year 2025):`)
  console.log(`  broadcast time        ${formatDuration(report.airtime.totalMs, 'vi')}`)
  for (const s of report.airtime.bySource) console.log(`    ${s.source.padEnd(22)}${formatDuration(s.ms, 'vi')}`)
  console.log(`  minority languages    ${formatDuration(report.airtime.minorityMs, 'vi')}`)
  console.log(`  log                   ${JSON.stringify(report.log)}`)
  console.log(`  emergency             ${JSON.stringify(report.emergency)}`)
  console.log(`  clusters              ${JSON.stringify(report.clusters.all)}`)
}

await main()
