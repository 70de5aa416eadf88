/**
 * The province publishes an emergency program (issue 13): a program with priority `emergency`
 * and its `emergency` info (issue time, zones, repeats, window; validFrom = onset, validTo =
 * expiry), through the change log like any province edit, so the commune's next pull brings it.
 *
 *   POST /__demo__/emergency {title, text?, mediaHash?, durationMs?, repeatEverySec, expiresInSec?,
 *                             onsetInSec?, window?, zones?, replaces?, status?, id?, communeId?}
 *   → {record, publishedAt, serverTime}
 *
 * Enabled on a demo server (`--seed-demo`) or in test mode; `npm run province -- --publish-emergency …`
 * calls it (emergency-publish-cli.ts). Loopback only, like the whole server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { mediaHashSchema } from '../../src/shared/ids'
import type { Program } from '../../src/shared/province/entities'
import { emergencyInfoSchema, emergencyZonesSchema } from '../../src/shared/province/emergency'
import type { ServerServices } from './context'
import { DEMO_COMMUNE } from './demo-seed'
import { HttpError, readJsonBody, sendJson } from './http'
import { parseInput } from './api-routes'
import { putRecord } from './state'

export const PUBLISH_EMERGENCY_PATH = '/__demo__/emergency'

export const publishEmergencySchema = z.object({
  communeId: z.string().min(1).default(DEMO_COMMUNE.id),
  /** the program id (default: a new one); publishing the same id again updates it */
  id: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,100}$/)
    .optional(),
  title: z.string().trim().min(1).max(300),
  text: z.string().max(20_000).nullable().default(null),
  mediaHash: mediaHashSchema.nullable().default(null),
  durationMs: z.number().int().positive().nullable().default(null),
  repeatEverySec: emergencyInfoSchema.shape.repeatEverySec,
  /** from now; absent: no expiry */
  expiresInSec: z
    .number()
    .int()
    .min(1)
    .max(30 * 86_400)
    .optional(),
  onsetInSec: z.number().int().min(0).max(86_400).default(0),
  window: emergencyInfoSchema.shape.window.default(null),
  zones: emergencyZonesSchema.default({ clusterIds: [], dtmfCodes: [], relayChannels: [] }),
  replaces: z.array(z.string().min(1).max(100)).max(20).default([]),
  status: emergencyInfoSchema.shape.status.default('actual'),
})
export type PublishEmergency = z.input<typeof publishEmergencySchema>

let published = 0

export async function publishEmergency(
  services: ServerServices,
  raw: unknown,
): Promise<{ record: Program; publishedAt: string }> {
  const input = parseInput(publishEmergencySchema, raw, 'emergency')
  if (input.text === null && input.mediaHash === null)
    throw new HttpError('invalid-request', 'an emergency needs text (read by the commune’s voice) or a mediaHash')
  const nowMs = services.clock.now()
  const now = new Date(nowMs).toISOString()
  published += 1
  const program: Program = {
    entity: 'program',
    id: input.id ?? `emg-${nowMs}-${published}`,
    version: 1,
    updatedAt: now,
    code: `KC-${nowMs}`,
    title: input.title,
    kind: 'notice',
    source: 'province',
    priority: 'emergency',
    language: 'vi',
    validFrom: new Date(nowMs + input.onsetInSec * 1000).toISOString(),
    validTo: input.expiresInSec === undefined ? null : new Date(nowMs + input.expiresInSec * 1000).toISOString(),
    status: 'active',
    mediaHash: input.mediaHash,
    durationMs: input.durationMs,
    text: input.text,
    emergency: {
      issuedAt: now,
      repeatEverySec: input.repeatEverySec,
      window: input.window,
      zones: input.zones,
      replaces: input.replaces,
      status: input.status,
    },
  }
  const record = await services.store.update(input.communeId, (state) => ({
    result: putRecord(state, program, 'province', now),
    changed: true,
  }))
  if (record.entity !== 'program') throw new Error('emergency: the store answered another entity')
  services.log(`province: emergency “${record.title}” published (${record.id})`)
  return { record, publishedAt: now }
}

/** Answers `POST /__demo__/emergency`. */
export async function handlePublishRoute(
  services: ServerServices,
  req: IncomingMessage,
  res: ServerResponse,
  serverTime: () => string,
): Promise<void> {
  if (req.method !== 'POST') throw new HttpError('not-found', `no route ${req.method ?? ''} ${PUBLISH_EMERGENCY_PATH}`)
  const result = await publishEmergency(services, await readJsonBody(req))
  sendJson(res, 200, { ...result, serverTime: serverTime() })
}
