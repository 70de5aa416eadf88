/**
 * Client-generated ids for synced records: UUIDv7 (RFC 9562), time-ordered so that indexes
 * stay append-friendly and two offline laptops never collide. Never auto-increment.
 */
import { v7 as uuidv7 } from 'uuid'
import { z } from 'zod'

export const newId = (): string => uuidv7()

export const idSchema = z.uuid()

/** SHA-256 of a media file, lower-case hex: the media store's file name and the upload key. */
export const mediaHashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lower-case SHA-256 hex digest')

export type MediaHash = z.infer<typeof mediaHashSchema>
