import { describe, expect, it } from 'vitest'
import { partFromProgram } from '../../../../../src/renderer/features/bulletins/part-factory'
import { programChoices, sessionLimits } from '../../../../../src/renderer/features/bulletins/part-sources'
import type { ProgramRow } from '../../../../../src/renderer/db/records'
import { defaultPolicy } from '../../../../../src/shared/onair/policy'
import { defaultSessions } from '../../../../../src/shared/onair/session'
import { bulletinPartSchema } from '../../../../../src/shared/editor/bulletin'

const program = (more: Partial<ProgramRow>): ProgramRow => ({
  id: 'p1',
  title: 'Thời sự tỉnh',
  priority: 'normal',
  validFrom: null,
  validTo: null,
  serverVersion: 1,
  updatedAt: '2026-11-23T00:00:00.000Z',
  mediaHash: 'a'.repeat(64),
  durationMs: 600_000.4,
  status: 'active',
  ...more,
})

describe('renderer/features/bulletins/part-sources', () => {
  it('offers only programs with audio and a length when the province withdrew or left one empty', () => {
    const rows = [
      program({ id: 'ok', title: 'Nông nghiệp' }),
      program({ id: 'withdrawn', status: 'withdrawn' }),
      program({ id: 'no-media', mediaHash: null }),
      program({ id: 'no-length', durationMs: null }),
      program({ id: 'bad-hash', mediaHash: 'not-a-hash' }),
      program({ id: 'old-row', title: 'An ninh', status: undefined }),
    ]
    expect(programChoices(rows)).toEqual([
      { id: 'old-row', title: 'An ninh', mediaHash: 'a'.repeat(64), durationMs: 600_000 },
      { id: 'ok', title: 'Nông nghiệp', mediaHash: 'a'.repeat(64), durationMs: 600_000 },
    ])
  })

  it('makes a valid program part when a program is added', () => {
    const [choice] = programChoices([program({})])
    if (!choice) throw new Error('no choice')
    const part = bulletinPartSchema.parse(partFromProgram(choice))
    expect(part).toMatchObject({ kind: 'program', source: { type: 'program', id: 'p1' }, durationMs: 600_000 })
  })

  it('limits each session to its length or the policy maximum when the policy is stricter', () => {
    const sessions = defaultSessions().map((s, i) => ({ ...s, lengthMin: [30, 60, 20][i] ?? 30 }))
    sessions.push({ ...sessions[0]!, id: 'off', label: 'Tắt', start: '04:00', isEnabled: false })
    const limits = sessionLimits(sessions, { ...defaultPolicy(), maxMinutesPerSession: 45 })
    expect(limits.map((l) => [l.id, l.limitMin])).toEqual([
      ['sang', 30],
      ['trua', 45],
      ['chieu', 20],
    ])
  })
})
