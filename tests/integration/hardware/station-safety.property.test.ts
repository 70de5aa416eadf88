/**
 * Property: whatever the sessions, whatever the faults and whenever they happen, the station ends
 * safe. Checked on the SIMULATORS' own state (the relays a board really has, the exciter's real
 * RF), with the real app services and drivers over socat pairs (station-bench.ts), sessions
 * played as the renderer plays them (station-run.ts).
 *
 * Generated: one or two sessions in a row, each switching on a random set of amplifier and zone
 * relays, the exciter's RF and/or the relay-switched exciter, with a random post-roll (none, only
 * a zone code, partial, full); random pauses between steps and on air; up to two faults on
 * different devices — a cable pulled (unplug, then replug) or a device hanging (silence) — that
 * start at any point (before the session, before any step, on air, after the end) and last up
 * to 1.5 s, so a replug can come during the session or outside it.
 * Checked after every session, once its faults are over: every relay of every board off and RF
 * off on both exciters within 5 s of the later of the session's end and the last reconnect.
 *
 * A handful of runs by default (CI); STATION_PROPERTY_RUNS=50 for more. fast-check prints the
 * seed and the shrunk counterexample on failure (replay with STATION_PROPERTY_SEED).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { DeviceAction } from '../../../src/shared/onair/rundown'
import { sleep } from '../../support/device-helpers'
import { STATION_DEVICES, useStation, type StationDevice } from '../../support/station-bench'
import { playSession } from '../../support/station-run'

const RUNS = Number(process.env['STATION_PROPERTY_RUNS'] ?? 3)
const SEED = process.env['STATION_PROPERTY_SEED']
const SAFE_WITHIN_MS = 5000

const station = useStation({ checkDelayMs: 200, telemetryIntervalMs: 500, watchdogIntervalMs: 2000 })
const dispatch = (channel: string, payload: unknown) => station.hw.dispatch(channel, payload)

interface Fault {
  device: StationDevice
  kind: 'unplug' | 'silence'
  /** 0: before the session; then before each step; on air; after the end (taken modulo the points) */
  startAt: number
  awayMs: number
}

const faultArb: fc.Arbitrary<Fault> = fc.record({
  device: fc.constantFrom(...STATION_DEVICES),
  kind: fc.constantFrom('unplug' as const, 'silence' as const),
  startAt: fc.nat({ max: 40 }),
  awayMs: fc.integer({ min: 0, max: 1500 }),
})

const sessionArb = fc.record({
  ampChannels: fc.subarray([1, 2, 3, 4]),
  zoneChannels: fc.subarray([1, 2, 3, 4, 5, 6, 7, 8], { maxLength: 3 }),
  rf: fc.boolean(),
  spareRf: fc.boolean(),
  postRoll: fc.constantFrom('none' as const, 'zones-only' as const, 'partial' as const, 'full' as const),
  gapMs: fc.integer({ min: 0, max: 150 }),
  onAirMs: fc.integer({ min: 0, max: 800 }),
  faults: fc.uniqueArray(faultArb, { maxLength: 2, selector: (f) => f.device }),
})
type SessionPlan = typeof sessionArb extends fc.Arbitrary<infer T> ? T : never

function rollOf(plan: SessionPlan): { preRoll: DeviceAction[]; postRoll: DeviceAction[] } {
  const d = station.devices()
  const preRoll: DeviceAction[] = [
    ...plan.ampChannels.map((channel) => ({ kind: 'relay' as const, deviceId: d.amp.id, channel, isOn: true })),
    ...plan.zoneChannels.map((channel) => ({ kind: 'relay' as const, deviceId: d.zones.id, channel, isOn: true })),
    ...(plan.rf ? [{ kind: 'rf' as const, deviceId: d.exciter.id, isOn: true }] : []),
    ...(plan.spareRf ? [{ kind: 'rf' as const, deviceId: d.spareExciter.id, isOn: true }] : []),
    { kind: 'dtmf', code: '*007#1' },
  ]
  const offs = preRoll.flatMap((s) => (s.kind === 'relay' || s.kind === 'rf' ? [{ ...s, isOn: false }] : [])).reverse()
  const zoneOff: DeviceAction = { kind: 'dtmf', code: '*007#0' }
  const postRoll = {
    none: [],
    'zones-only': [zoneOff],
    partial: [zoneOff, ...offs.slice(0, 1)],
    full: [zoneOff, ...offs],
  }[plan.postRoll]
  return { preRoll, postRoll }
}

interface FaultOver {
  device: StationDevice
  startedAt: number
  backAt: number
}

/** A fault in progress; resolves when the device has been given back (replugged / answering). */
function startFault(fault: Fault): Promise<FaultOver> {
  return (async () => {
    const startedAt = Date.now()
    if (fault.kind === 'unplug') await station.unplug(fault.device)
    else station.silence(fault.device, true)
    await sleep(fault.awayMs)
    const backAt = Date.now()
    if (fault.kind === 'unplug') await station.replug(fault.device)
    else station.silence(fault.device, false)
    return { device: fault.device, startedAt, backAt }
  })()
}

/**
 * When the device's driver was online again after the fault (its reconnect): the given-back time
 * when the driver never noticed (a short hang), else the 'online' it reported after going down.
 */
async function reconnectedAt(over: FaultOver): Promise<number> {
  const id = station.devices()[over.device].id
  const since = () => station.hw.statuses.filter((s) => s.id === id && Date.parse(s.at) >= over.startedAt)
  const deadline = Date.now() + 12_000
  while (Date.now() < deadline) {
    const seen = since()
    const wentDown = seen.some((s) => s.state !== 'online')
    const last = station.hw.statuses.filter((s) => s.id === id).at(-1)
    if (last?.state === 'online') return wentDown ? Math.max(over.backAt, Date.parse(last.at)) : over.backAt
    await sleep(20)
  }
  throw new Error(`${over.device} did not come back online`)
}

let sessionCount = 0

async function playWithFaults(plan: SessionPlan): Promise<void> {
  sessionCount += 1
  const roll = rollOf(plan)
  const points = roll.preRoll.length + 1 + roll.postRoll.length + 2
  const faults: ReturnType<typeof startFault>[] = []
  let point = 0
  const at = () => {
    for (const f of plan.faults) if (f.startAt % points === point) faults.push(startFault(f))
    point += 1
  }
  at() // before the session
  await playSession(
    dispatch,
    { sessionId: `p${sessionCount}`, ...roll, rds: null },
    {
      gapMs: plan.gapMs,
      beforeStep: () => at(),
      onAir: async () => {
        at()
        await sleep(plan.onAirMs)
      },
    },
  )
  const endedAt = Date.now()
  at() // right after the end
  at() // (a second point after the end, so faults are as likely outside as inside)
  const backs = await Promise.all(faults)
  const reconnects = await Promise.all(backs.map(reconnectedAt))
  const from = Math.max(endedAt, ...reconnects)
  const deadline = from + SAFE_WITHIN_MS
  while (!station.isAllOff() && Date.now() < deadline + 3000) await sleep(20)
  const offAt = Date.now()
  expect(station.isAllOff(), `still on ${offAt - from} ms after: ${station.describeOn()}`).toBe(true)
  expect(offAt - from).toBeLessThanOrEqual(SAFE_WITHIN_MS)
}

describe('station safety (property, simulators over socat)', () => {
  it(
    'leaves every relay and RF off within 5 s after every session end and every reconnect outside a session',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(sessionArb, { minLength: 1, maxLength: 2 }), async (plans) => {
          for (const plan of plans) await playWithFaults(plan)
        }),
        { numRuns: RUNS, endOnFailure: true, ...(SEED ? { seed: Number(SEED) } : {}) },
      )
    },
    RUNS * 40_000 + 30_000,
  )
})
