/**
 * An emergency published on the reference province server reaches the station's emergency flow:
 * `POST /__demo__/emergency` puts an emergency program through the change log, the sync engine
 * pulls it (the contract checks the new `emergency` field in test mode), and the mirror turns it
 * into a bulletin with the province's zones, repeat and expiry; a newer one that replaces it ends
 * its repeats; a withdrawn one stops. Bad publications are refused and change nothing.
 */
import { describe, expect, it } from 'vitest'
import { listEmergencies, mirrorProgramEmergencies } from '../../../src/renderer/db/queries/emergencies'
import { phaseOf } from '../../../src/shared/emergency/plan'
import { DEMO_COMMUNE } from '../../province-server/demo-seed'
import { syncToQuiescence } from '../sync/helpers'
import { useProvinceServer } from '../sync/server-fixture'

const province = useProvinceServer({ healFaults: true })

async function publish(body: object): Promise<{ status: number; json: { record?: { id: string } } }> {
  const answer = await fetch(`${province.url}/__demo__/emergency`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ communeId: DEMO_COMMUNE.id, ...body }),
  })
  return { status: answer.status, json: (await answer.json()) as { record?: { id: string } } }
}

describe('province emergency → the station', () => {
  it('pulls a published emergency into a bulletin; a newer one replaces it; a withdrawn one stops', async () => {
    const c = await province.client()
    const first = await publish({
      title: 'Khẩn: lũ quét thôn 3',
      text: 'Lũ quét. Bà con thôn 3 di chuyển lên đồi.',
      repeatEverySec: 1800,
      expiresInSec: 6 * 3600,
      window: { from: '06:00', to: '21:00' },
      zones: { clusterIds: [], dtmfCodes: ['*003#1'], relayChannels: [3] },
    })
    expect(first.status).toBe(200)
    await syncToQuiescence(c.engine, c.db)
    const now = Date.now()
    expect(await mirrorProgramEmergencies(c.db, now)).toBe(1)
    const [bulletin] = await listEmergencies(c.db)
    expect(bulletin).toMatchObject({
      id: `program:${first.json.record?.id ?? ''}`,
      origin: 'province',
      title: 'Khẩn: lũ quét thôn 3',
      repeatEveryMs: 1_800_000,
      window: { from: '06:00', to: '21:00' },
      zones: { dtmfCodes: ['*003#1'], relayChannels: [3] },
      isActual: true,
      receivedAtMs: now,
      airedAtMs: [],
    })
    expect((bulletin?.expiresMs ?? 0) - (bulletin?.issuedAtMs ?? 0)).toBe(6 * 3600_000)
    // mirroring again changes nothing
    expect(await mirrorProgramEmergencies(c.db, now + 1000)).toBe(0)
    expect((await listEmergencies(c.db))[0]?.receivedAtMs).toBe(now)

    const second = await publish({
      title: 'Khẩn: lũ quét thôn 3 (cập nhật)',
      text: 'Nước đã rút một phần.',
      repeatEverySec: 3600,
      replaces: [first.json.record?.id],
    })
    await syncToQuiescence(c.engine, c.db)
    await mirrorProgramEmergencies(c.db, now + 2000)
    const all = await listEmergencies(c.db)
    const old = all.find((r) => r.id === bulletin?.id)
    const newer = all.find((r) => r.id === `program:${second.json.record?.id ?? ''}`)
    if (!old || !newer) throw new Error('both bulletins expected')
    expect(phaseOf(old, all, 0)).toEqual({ kind: 'over', reason: 'replaced' })
    expect(phaseOf(newer, all, 0).kind).toBe('countdown')

    const withdraw = await fetch(`${province.url}/__test__/province`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        communeId: DEMO_COMMUNE.id,
        edit: { action: 'delete', entity: 'program', id: second.json.record?.id },
      }),
    })
    expect(withdraw.status).toBe(200)
    await syncToQuiescence(c.engine, c.db)
    await mirrorProgramEmergencies(c.db, now + 3000)
    expect((await c.db.emergencies.get(newer.id))?.stoppedBy).toBe('cancel')
  })

  it('refuses an emergency with nothing to air or a repeat under 10 s, and stores nothing', async () => {
    const before = await (await fetch(`${province.url}/__test__/state?communeId=${DEMO_COMMUNE.id}`)).text()
    expect((await publish({ title: 'Khẩn', repeatEverySec: 600 })).status).toBe(400)
    expect((await publish({ title: 'Khẩn', text: 'x', repeatEverySec: 2 })).status).toBe(400)
    const after = await (await fetch(`${province.url}/__test__/state?communeId=${DEMO_COMMUNE.id}`)).text()
    const seq = (text: string): unknown => (JSON.parse(text) as { state: { seq: number } }).state.seq
    expect(seq(after)).toBe(seq(before))
  })
})
