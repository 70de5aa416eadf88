import { describe, expect, it } from 'vitest'
import { fixFor } from '../../../../../src/renderer/sync/app/rejection-fix'
import {
  CLOCK_SKEW_WARNING_MS,
  clockSkew,
  formatAge,
  knownRejectionReasons,
  reasonKey,
} from '../../../../../src/renderer/features/sync/sync-format'
import en from '../../../../../src/renderer/i18n/locales/en/sync.json'
import vi from '../../../../../src/renderer/i18n/locales/vi/sync.json'
import { observationResultSchema } from '../../../../../src/shared/province/observations'
import { rejectionReasons } from '../../../../../src/shared/province/push'

const NOW = Date.parse('2026-11-23T10:00:00Z')

describe('renderer/features/sync/sync-format', () => {
  it('says how long ago in the largest whole unit, in Vietnamese or English', () => {
    expect(formatAge('2026-11-23T09:55:00Z', NOW, 'vi')).toBe('5 phút trước')
    expect(formatAge('2026-11-21T09:00:00Z', NOW, 'en')).toBe('2 days ago')
    expect(formatAge('2026-11-23T07:30:00Z', NOW, 'en')).toBe('2 hours ago')
  })

  it('gives the fix of a rejection by entity and reason, and whether it can be sent again', () => {
    expect(fixFor('schedule', 'schedule-overlap')).toEqual({ kind: 'choose-clusters', resend: true })
    expect(fixFor('schedule', 'cluster-removed')).toEqual({ kind: 'choose-clusters', resend: true })
    expect(fixFor('deviceEvent', 'unknown-cluster')).toEqual({ kind: 'province-keeps', resend: false })
    expect(fixFor('schedule', 'program-withdrawn')).toEqual({ kind: 'edit-schedule', resend: true })
    expect(fixFor('schedule', 'cancelled-by-province')).toEqual({ kind: 'cancelled', resend: false })
    expect(fixFor('announcement', 'version-conflict')).toEqual({ kind: 'resend', resend: true })
    expect(fixFor('cluster', 'already-exists')).toEqual({ kind: 'edit-cluster', resend: true })
    expect(fixFor('announcement', 'already-exists')).toEqual({ kind: 'province-keeps', resend: false })
    expect(fixFor('schedule', 'brand-new-reason')).toEqual({ kind: 'resend', resend: true })
  })

  it('falls back to a generic reason text for a reason this version does not know', () => {
    expect(reasonKey('version-conflict')).toBe('version-conflict')
    expect(reasonKey('brand-new-reason')).toBe('other')
  })

  it('knows every rejection reason of the push and observation schemas when the province gives one', () => {
    const fromSchemas = [...rejectionReasons, ...observationResultSchema.shape.reason.unwrap().options]
    expect([...knownRejectionReasons].sort()).toEqual([...new Set(fromSchemas)].sort())
    for (const reason of fromSchemas) expect(reasonKey(reason)).toBe(reason)
  })

  it('has a Vietnamese and an English text for every rejection reason and fix', () => {
    for (const [language, tree] of [
      ['vi', vi],
      ['en', en],
    ] as const) {
      const reasons: Record<string, string> = tree.sync.rejections.reasons
      const fixes: Record<string, string> = tree.sync.rejections.fix
      const entities = ['schedule', 'announcement', 'cluster', 'station', 'playLog', 'deviceEvent']
      const missing = [
        ...[...knownRejectionReasons, 'other'].filter((key) => !reasons[key]?.trim()).map((key) => `reasons.${key}`),
        ...knownRejectionReasons
          .flatMap((reason) => entities.map((entity) => fixFor(entity, reason).kind))
          .filter((key) => !fixes[key]?.trim())
          .map((key) => `fix.${key}`),
      ]
      expect(missing, `${language}: reasons or fixes without a text`).toEqual([])
    }
  })
})

describe('clockSkew', () => {
  it('stays quiet within a minute or while the offset is unknown', () => {
    expect(clockSkew(null)).toBeNull()
    expect(clockSkew(0)).toBeNull()
    expect(clockSkew(CLOCK_SKEW_WARNING_MS - 1)).toBeNull()
    expect(clockSkew(-(CLOCK_SKEW_WARNING_MS - 1))).toBeNull()
  })

  it('says the laptop is behind when the province is ahead, and the other way round, in whole minutes', () => {
    expect(clockSkew(7 * 60_000 + 20_000)).toEqual({ direction: 'behind', minutes: 7 })
    expect(clockSkew(-90_000)).toEqual({ direction: 'ahead', minutes: 2 })
    expect(clockSkew(CLOCK_SKEW_WARNING_MS)).toEqual({ direction: 'behind', minutes: 1 })
  })
})
