/** Words of the domain used by every model (see docs/glossary.md). */
import { z } from 'zod'

/** Priority classes of broadcast content: thông thường / ưu tiên / khẩn cấp. */
export const priorityClassSchema = z.enum(['normal', 'priority', 'emergency'])
export type PriorityClass = z.infer<typeof priorityClassSchema>

/** Kinds of content the district counts: tin (news item), bài (article), thông báo (notice), chuyên mục (feature). */
export const contentKindSchema = z.enum(['news', 'article', 'notice', 'feature'])
export type ContentKind = z.infer<typeof contentKindSchema>

/** Approval states of local content. */
export const approvalStateSchema = z.enum(['draft', 'awaiting-approval', 'approved'])

/** ISO 8601 instant in UTC (`…Z`). Vietnam has one zone, but instants are stored in UTC. */
export const instantSchema = z.iso.datetime()
