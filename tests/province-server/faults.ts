/**
 * Seeded fault injection for the reference province server (test mode only).
 *
 * Each request to the API or to `/files` asks `decide()` for at most one fault. Scripted faults
 * (a queue, consumed in order by the first matching request) come first; otherwise ONE draw of a
 * mulberry32 PRNG picks a fault by cumulative probability, so a seed and a request order reproduce
 * a run exactly. Parameters (delay, reset point) are further draws. Every injected fault is logged.
 *
 *   POST /__test__/faults {"seed":7,"probabilities":{"drop-after-commit":0.3,"status-503":0.1},"retryAfterSeconds":2}
 *
 * Reference: mulberry32 (Tommy Ettinger, public domain); toxics of Shopify/toxiproxy; sync notes §6.13.
 */
import { z } from 'zod'

export const randomFaultKinds = [
  'drop-before-commit',
  'drop-after-commit',
  'status-500',
  'status-503',
  'status-429',
  'hang',
  'reset-upload',
  'slow',
] as const
/**
 * Crash faults kill the server process at a point of the atomic write of the request they hit (so
 * aim them at a writing route: push, observations). Scripted only; ignored without `--allow-crash`.
 */
export const crashFaultKinds = ['crash-before-write', 'crash-after-temp', 'crash-after-commit'] as const
export const faultKindSchema = z.enum([...randomFaultKinds, ...crashFaultKinds])
export type FaultKind = z.infer<typeof faultKindSchema>

export const faultConfigSchema = z.object({
  seed: z.number().int().default(1),
  probabilities: z.partialRecord(z.enum(randomFaultKinds), z.number().min(0).max(1)).default({}),
  script: z
    .array(z.object({ fault: faultKindSchema, path: z.string().optional(), method: z.string().optional() }))
    .max(100)
    .default([]),
  /** Path prefixes where random faults apply. */
  paths: z.array(z.string()).default(['/v1/', '/files']),
  hangMs: z.number().int().min(0).max(30_000).default(2_000),
  slowMs: z.tuple([z.number().int().min(0), z.number().int().max(10_000)]).default([200, 1_000]),
  retryAfterSeconds: z.number().int().min(0).max(120).default(1),
  /** Added to the serverTime the server reports (a skewed province clock). */
  clockOffsetMs: z.number().int().min(-86_400_000).max(86_400_000).default(0),
  /** reset-upload cuts a PATCH after this fraction of its body, drawn uniformly. */
  resetFraction: z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]).default([0.2, 0.8]),
})
export type FaultConfig = z.infer<typeof faultConfigSchema>

export interface FaultDecision {
  kind: FaultKind
  /** slow and hang: how long; reset-upload: bytes of the body to let through. */
  amount: number
}

export interface FaultLogEntry {
  n: number
  method: string
  path: string
  fault: FaultKind
  amount: number
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface FaultInjector {
  configure(input: unknown): FaultConfig
  config(): FaultConfig
  decide(method: string, path: string, bodyLength: number): FaultDecision | null
  log(): readonly FaultLogEntry[]
}

const applies = (kind: FaultKind, method: string, path: string): boolean =>
  kind !== 'reset-upload' || (method === 'PATCH' && path.startsWith('/files'))

export function createFaultInjector(seed = 1): FaultInjector {
  let cfg = faultConfigSchema.parse({ seed })
  let rng = mulberry32(cfg.seed)
  let requests = 0
  const entries: FaultLogEntry[] = []

  const amountFor = (kind: FaultKind, bodyLength: number): number => {
    if (kind === 'slow') return Math.round(cfg.slowMs[0] + rng() * Math.max(0, cfg.slowMs[1] - cfg.slowMs[0]))
    if (kind === 'hang') return cfg.hangMs
    if (kind !== 'reset-upload') return 0
    const [lo, hi] = cfg.resetFraction
    return Math.floor(bodyLength * (lo + rng() * Math.max(0, hi - lo)))
  }

  const pick = (method: string, path: string): FaultKind | null => {
    const scripted = cfg.script.findIndex(
      (s) => (!s.path || path.startsWith(s.path)) && (!s.method || s.method === method),
    )
    if (scripted >= 0) return cfg.script.splice(scripted, 1)[0]?.fault ?? null
    if (!cfg.paths.some((prefix) => path.startsWith(prefix))) return null
    const draw = rng()
    let sum = 0
    for (const kind of randomFaultKinds) {
      sum += cfg.probabilities[kind] ?? 0
      if (draw < sum) return applies(kind, method, path) ? kind : null
    }
    return null
  }

  return {
    configure(input) {
      cfg = faultConfigSchema.parse(input)
      rng = mulberry32(cfg.seed)
      return cfg
    },
    config: () => cfg,
    decide(method, path, bodyLength) {
      requests += 1
      const kind = pick(method, path)
      if (!kind) return null
      const decision = { kind, amount: amountFor(kind, bodyLength) }
      entries.push({ n: requests, method, path, fault: kind, amount: decision.amount })
      if (entries.length > 1000) entries.shift()
      return decision
    },
    log: () => entries,
  }
}
