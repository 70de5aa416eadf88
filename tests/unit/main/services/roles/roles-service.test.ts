import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openOperationLog } from '../../../../../src/main/services/oplog/operation-log'
import { guardHardware } from '../../../../../src/main/services/roles/guarded-hardware'
import { openLocalUsers } from '../../../../../src/main/services/roles/local-users'
import { createRolesService } from '../../../../../src/main/services/roles/roles-service'
import { operationFilterSchema } from '../../../../../src/shared/ipc/oplog'
import type { DeviceConfig, DeviceDraft, DeviceEntry } from '../../../../../src/shared/ipc/hardware'
import type { RolesState } from '../../../../../src/shared/ipc/roles'
import { collectingLogger } from '../../../helpers/collecting-logger'
import { tempDirs } from '../../../helpers/temp-dir'

const dirs = tempDirs('daixa-roles-')
afterEach(() => dirs.cleanup())

const news = { kind: 'announcement', id: '0190f3c2-7b1e-7c4a-9f3e-2f4d1a9b0c11', label: 'Lịch tiêm phòng' }

async function station() {
  const dataDir = await dirs.make()
  let nowMs = Date.parse('2025-06-01T01:00:00.000Z')
  const now = () => new Date(nowMs)
  const oplog = await openOperationLog({ dir: join(dataDir, 'oplog'), log: collectingLogger(), now })
  const roles = createRolesService({ users: await openLocalUsers(dataDir, collectingLogger()), oplog, now })
  const stateOf = (answer: { ok: boolean }) => (answer as { ok: true; state: RolesState }).state
  const add = async (name: string, role: 'officer' | 'approver' | 'viewer', pin: string) => {
    const answer = await roles.addUser({ name, role, pin })
    expect(answer.ok).toBe(true)
    return stateOf(answer).users.find((u) => u.name === name)?.id ?? ''
  }
  return { dataDir, roles, oplog, add, advance: (ms: number) => (nowMs += ms) }
}

describe('main/services/roles', () => {
  it('allows everything with no user, logged without a name', async () => {
    const { roles, oplog } = await station()
    expect(roles.state()).toEqual({ isEnabled: false, users: [], current: null })
    const grant = await roles.authorize({ action: 'approve', object: news })
    expect(grant).toMatchObject({ ok: true, user: null })
    await roles.record(grant.ok ? grant.grant : '', { approval: 'awaiting-approval' }, { approval: 'approved' })
    const [logged] = (await oplog.list(operationFilterSchema.parse({}))).entries
    expect(logged).toMatchObject({ action: 'approve', outcome: 'done', user: null, object: news })
    expect(logged?.before).toMatch(/^[0-9a-f]{64}$/)
  })

  it('makes the first user an approver, and stores the PIN only as a scrypt hash', async () => {
    const { roles, dataDir, add } = await station()
    expect(await roles.addUser({ name: 'Hùng', role: 'officer', pin: '1234' })).toMatchObject({
      ok: false,
      reason: 'role',
    })
    await add('Lan', 'approver', '482913')
    const file = await readFile(join(dataDir, 'local-users.json'), 'utf8')
    expect(file).not.toContain('482913')
    expect(file).toMatch(/"pinHash": "scrypt\$32768\$8\$1\$/)
    expect(roles.state().isEnabled).toBe(true)
  })

  it('refuses the officer approving and lets the approver PIN approve, logging both', async () => {
    const { roles, oplog, add } = await station()
    const lan = await add('Lan', 'approver', '482913')
    // Adding the officer needs the approver: signed in, or by PIN.
    expect(await roles.addUser({ name: 'Hùng', role: 'officer', pin: '1111' })).toMatchObject({
      ok: false,
      reason: 'no-user',
    })
    const added = await roles.addUser({
      name: 'Hùng',
      role: 'officer',
      pin: '1111',
      by: { userId: lan, pin: '482913' },
    })
    const hung = added.ok ? (added.state.users.find((u) => u.name === 'Hùng')?.id ?? '') : ''
    expect((await roles.signIn({ userId: hung, pin: '1111' })).ok).toBe(true)

    expect(await roles.authorize({ action: 'approve', object: news })).toMatchObject({
      ok: false,
      reason: 'role',
      role: 'officer',
    })
    expect(await roles.authorize({ action: 'approve', object: news, by: { userId: hung, pin: '1111' } })).toMatchObject(
      { ok: false, reason: 'role' },
    )
    expect(
      await roles.authorize({ action: 'approve', object: news, by: { userId: lan, pin: '000000' } }),
    ).toMatchObject({ ok: false, reason: 'wrong-pin' })
    const granted = await roles.authorize({ action: 'approve', object: news, by: { userId: lan, pin: '482913' } })
    expect(granted).toMatchObject({ ok: true, user: { name: 'Lan', role: 'approver' } })
    const grant = granted.ok ? granted.grant : ''
    await roles.record(grant, null, { approval: 'approved' })
    await expect(roles.record(grant, null, null)).rejects.toMatchObject({ code: 'forbidden' })
    // The officer may play now and delete.
    expect((await roles.authorize({ action: 'play-now', object: news })).ok).toBe(true)

    const entries = (await oplog.list(operationFilterSchema.parse({ action: 'approve' }))).entries.reverse()
    expect(entries.map((e) => [e.outcome, e.user?.name])).toEqual([
      ['refused', 'Hùng'],
      ['refused', 'Hùng'],
      ['refused', 'Lan'],
      ['done', 'Lan'],
    ])
    expect(await oplog.verify()).toMatchObject({ ok: true })
  })

  it('lets a grant expire after a minute, and a viewer do none of the guarded actions', async () => {
    const { roles, add, advance } = await station()
    const lan = await add('Lan', 'approver', '482913')
    await roles.addUser({ name: 'Mai', role: 'viewer', pin: '2222', by: { userId: lan, pin: '482913' } })
    const mai = roles.state().users.find((u) => u.name === 'Mai')?.id ?? ''
    await roles.signIn({ userId: mai, pin: '2222' })
    for (const action of ['approve', 'play-now', 'delete', 'device-change'] as const)
      expect(await roles.authorize({ action, object: news }), action).toMatchObject({ ok: false, reason: 'role' })
    const late = await roles.authorize({ action: 'delete', object: news, by: { userId: lan, pin: '482913' } })
    advance(61_000)
    await expect(roles.record(late.ok ? late.grant : '', null, null)).rejects.toMatchObject({ code: 'forbidden' })
  })

  it('locks a PIN after 5 wrong tries, even for the right PIN, until the wait is over', async () => {
    const { roles, add, advance } = await station()
    const lan = await add('Lan', 'approver', '482913')
    for (let n = 0; n < 5; n++)
      expect(await roles.signIn({ userId: lan, pin: '0000' })).toMatchObject({ reason: 'wrong-pin' })
    expect(await roles.signIn({ userId: lan, pin: '482913' })).toMatchObject({ ok: false, reason: 'locked' })
    advance(31_000)
    expect(await roles.signIn({ userId: lan, pin: '482913' })).toMatchObject({ ok: true })
  })

  it('decides device changes in main: refused for an officer, allowed after the approver PIN, logged with digests', async () => {
    const { roles, oplog, add } = await station()
    const lan = await add('Lan', 'approver', '482913')
    await roles.addUser({ name: 'Hùng', role: 'officer', pin: '1111', by: { userId: lan, pin: '482913' } })
    const hung = roles.state().users.find((u) => u.name === 'Hùng')?.id ?? ''
    await roles.signIn({ userId: hung, pin: '1111' })
    const saved: DeviceConfig[] = []
    const hardware = {
      list: (): DeviceEntry[] => [],
      save: (draft: DeviceDraft) => {
        const config = { ...draft, id: '0190f3c2-7b1e-7c4a-9f3e-2f4d1a9b0c99' } as DeviceConfig
        saved.push(config)
        return Promise.resolve(config)
      },
      remove: () => Promise.resolve({ removed: true }),
    }
    const devices = guardHardware(hardware, roles, oplog)
    const draft = { name: 'Bộ relay', family: 'relay-lcus' } as unknown as DeviceDraft
    await expect(devices.save(draft)).rejects.toMatchObject({ code: 'forbidden' })
    expect(saved).toHaveLength(0)
    const object = { kind: 'device', id: null, label: 'Bộ relay' }
    expect((await roles.authorize({ action: 'device-change', object, by: { userId: lan, pin: '482913' } })).ok).toBe(
      true,
    )
    await devices.save(draft)
    expect(saved).toHaveLength(1)
    const [done, refused] = (await oplog.list(operationFilterSchema.parse({ action: 'device-save' }))).entries
    expect(done).toMatchObject({ outcome: 'done', user: { name: 'Lan' }, before: null })
    expect(done?.after).toMatch(/^[0-9a-f]{64}$/)
    expect(refused).toMatchObject({ outcome: 'refused', user: { name: 'Hùng' } })
  })
})
