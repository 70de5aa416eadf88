import { describe, expect, it } from 'vitest'
import { announcementRow } from '../../../../src/renderer/db/queries/sync-rows'
import type { Announcement } from '../../../../src/shared/model/announcement'
import type { AnnouncementRecord } from '../../../../src/shared/province/entities'

const at = '2026-11-23T01:00:00.000Z'
const record = (moderation: AnnouncementRecord['moderation']): AnnouncementRecord => ({
  entity: 'announcement',
  id: '01900000-0000-7000-8000-0000000000a1',
  version: 3,
  updatedAt: at,
  title: 'Lịch tiêm phòng',
  kind: 'notice',
  language: 'vi',
  priority: 'normal',
  source: 'recording',
  mediaHash: 'a'.repeat(64),
  durationMs: 1000,
  author: null,
  createdAt: at,
  mediaStatus: 'ready',
  moderation,
})

const awaiting = {
  ...{ approval: 'awaiting-approval', category: '', validFrom: null, validTo: null },
  ...{ approvedBy: null, approvedAt: null },
} as unknown as Announcement

describe('db/queries/sync-rows announcementRow', () => {
  it('counts a province approval coming back by sync as approval, with the reviewer and time', () => {
    const row = announcementRow(
      record({ status: 'approved', reviewedBy: 'Sở VHTT', reviewedAt: '2026-11-23T02:00:00.000Z', reason: null }),
      awaiting,
    )
    expect(row).toMatchObject({ approval: 'approved', approvedBy: 'Sở VHTT', approvedAt: '2026-11-23T02:00:00.000Z' })
  })

  it('keeps the local approval state while the province has not approved, and a local approver once approved', () => {
    expect(
      announcementRow(record({ status: 'pending', reviewedBy: null, reviewedAt: null, reason: null }), awaiting),
    ).toMatchObject({ approval: 'awaiting-approval', approvedBy: null })
    const local = { ...awaiting, approval: 'approved', approvedBy: 'Lan', approvedAt: at } as Announcement
    expect(
      announcementRow(record({ status: 'approved', reviewedBy: 'Sở VHTT', reviewedAt: at, reason: null }), local),
    ).toMatchObject({ approval: 'approved', approvedBy: 'Lan' })
  })
})
