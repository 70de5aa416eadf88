/**
 * Audio uploads on the reference province server: tus 1.0 by @tus/server 2 + @tus/file-store 2 at
 * `/files`, and the two media routes of Province API v1.
 *
 * - Every tus request needs the bearer token; an upload belongs to the commune that created it
 *   (its id is added to the upload's metadata at creation).
 * - At creation the metadata must parse (`tusMetadataSchema`) and `Upload-Length` equal its size.
 * - After the last byte (`onUploadFinish`, before the answer) the file's SHA-256 and size are
 *   compared with the metadata. Match → the asset is verified and the commune's announcements with
 *   that hash become `ready`, in one atomic write. Mismatch → the asset is marked rejected, the upload
 *   removed, and the PATCH answered 460 `checksum-mismatch`.
 * - A crash between the last byte and that write leaves a complete but unverified upload: the media
 *   routes verify such uploads on demand, so nothing is lost.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { FileStore } from '@tus/file-store'
import { Server, type ServerOptions } from '@tus/server'
import { errorStatus, type ProvinceErrorCode } from '../../src/shared/province/common'
import {
  MAX_MEDIA_BYTES,
  tusMetadataSchema,
  type CreateMediaUploadRequest,
  type CreateMediaUploadResponse,
  type MediaAssetState,
  type MediaStatusResponse,
} from '../../src/shared/province/media'
import type { RequestContext, ServerServices } from './context'
import { bearerToken } from './http'
import { putRecord, type CommuneState } from './state'

const UPLOAD_EXPIRY_MS = 7 * 24 * 3600_000

type TusRequest = Parameters<NonNullable<ServerOptions['onIncomingRequest']>>[0]
/** @tus/utils' Upload, taken from the hook's signature (that package is not a direct dependency). */
type Upload = Parameters<NonNullable<ServerOptions['onUploadFinish']>>[1]

function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')))
  })
}

const missing = (sha256: string): MediaAssetState => ({
  sha256,
  status: 'missing',
  size: null,
  mime: null,
  verifiedAt: null,
  reason: null,
  message: null,
})

function publicAsset(state: CommuneState, sha256: string): MediaAssetState {
  const stored = state.media[sha256]
  if (!stored) return missing(sha256)
  const { uploadId: _uploadId, ...asset } = stored
  return asset
}

function markVerified(state: CommuneState, upload: Upload, sha256: string, now: string): boolean {
  if (state.media[sha256]?.status === 'verified') return false
  const mime = upload.metadata?.mime ?? null
  state.media[sha256] = {
    ...missing(sha256),
    status: 'verified',
    size: upload.size ?? null,
    mime,
    verifiedAt: now,
    uploadId: upload.id,
  }
  for (const stored of Object.values(state.records)) {
    const data = stored.data
    if (data?.entity === 'announcement' && data.mediaHash === sha256 && data.mediaStatus === 'awaiting-media') {
      putRecord(state, { ...data, mediaStatus: 'ready' }, 'province', now)
    }
  }
  return true
}

function markRejected(
  state: CommuneState,
  sha256: string,
  reason: 'sha256-mismatch' | 'size-mismatch',
  message: string,
) {
  if (state.media[sha256]?.status === 'verified') return false
  state.media[sha256] = { ...missing(sha256), status: 'rejected', reason, message, uploadId: null }
  return true
}

/** What @tus/server expects a hook to throw: its status and body become the answer. */
class TusHookError extends Error {
  readonly status_code: number
  readonly body: string
  constructor(code: ProvinceErrorCode, message: string, now: string) {
    super(message)
    this.status_code = errorStatus[code]
    this.body = JSON.stringify({ code, message, serverTime: now })
  }
}

const tusError = (code: ProvinceErrorCode, message: string, now: string): TusHookError =>
  new TusHookError(code, message, now)

export interface MediaService {
  tus: Server
  createUpload(
    ctx: RequestContext,
    body: CreateMediaUploadRequest,
  ): Promise<Omit<CreateMediaUploadResponse, 'serverTime'>>
  status(ctx: RequestContext, sha256: string): Promise<Omit<MediaStatusResponse, 'serverTime'>>
}

type Datastore = InstanceType<typeof FileStore>
const nowIso = (services: ServerServices): string => new Date(services.clock.now()).toISOString()

/** The commune of a tus request's bearer token, or a 401 for the hook to throw. */
function communeOf(services: ServerServices, req: TusRequest): string {
  const token = bearerToken(req.headers.get('authorization')) ?? ''
  const check = services.accounts.checkAccess(token, services.clock.now())
  if (!check.ok) throw tusError(check.code, 'a valid access token is required', nowIso(services))
  return check.claims.c
}

/** Checks a complete upload against its metadata and records the verdict; throws 460 on a mismatch. */
function createVerifier(services: ServerServices, datastore: Datastore) {
  return async (upload: Upload): Promise<void> => {
    const meta = tusMetadataSchema.safeParse(upload.metadata)
    const communeId = upload.metadata?.communeId
    if (!meta.success || !communeId)
      throw tusError('invalid-request', 'upload metadata is incomplete', nowIso(services))
    const declared = meta.data.sha256
    const actual = await sha256File(join(services.filesDir, upload.id))
    const sizeOk = upload.size === Number(meta.data.size)
    const ok = sizeOk && actual === declared
    const message = sizeOk
      ? `received bytes hash to ${actual}`
      : `received ${upload.size} bytes, declared ${meta.data.size}`
    await services.store.update(communeId, (state) => ({
      result: null,
      changed: ok
        ? markVerified(state, upload, declared, nowIso(services))
        : markRejected(state, declared, sizeOk ? 'sha256-mismatch' : 'size-mismatch', message),
    }))
    if (ok) return
    await datastore.remove(upload.id)
    throw tusError('checksum-mismatch', `SHA-256 of the received bytes is ${actual}, not ${declared}`, nowIso(services))
  }
}

function createTusServer(services: ServerServices, datastore: Datastore, verify: (upload: Upload) => Promise<void>) {
  const now = (): string => nowIso(services)
  return new Server({
    path: '/files',
    datastore,
    maxSize: MAX_MEDIA_BYTES,
    // Upload URLs on the public base URL, as the creation endpoint is: not the request's Host,
    // which behind a reverse proxy may be the inside address.
    generateUrl: (_req, { path, id }) => `${services.baseUrl()}${path}/${id}`,
    onIncomingRequest: async (req, uploadId) => {
      const communeId = communeOf(services, req)
      if (req.method === 'POST' || req.method === 'OPTIONS') return
      const upload = await datastore.getUpload(uploadId).catch(() => null)
      if (upload && upload.metadata?.communeId !== communeId) throw tusError('forbidden', 'not your upload', now())
    },
    onUploadCreate: (req, upload) => {
      const communeId = communeOf(services, req)
      const meta = tusMetadataSchema.safeParse(upload.metadata)
      if (!meta.success)
        throw tusError('invalid-request', 'Upload-Metadata needs sha256, size, mime, announcementId', now())
      if (upload.size !== Number(meta.data.size))
        throw tusError('invalid-request', 'Upload-Length differs from size', now())
      return Promise.resolve({ metadata: { ...meta.data, communeId } })
    },
    onUploadFinish: async (_req, upload) => {
      await verify(upload)
      return {}
    },
  })
}

/** Verifies complete uploads of `sha256` whose final answer (or verification) a crash lost. */
async function reconcile(
  services: ServerServices,
  datastore: Datastore,
  verify: (upload: Upload) => Promise<void>,
  communeId: string,
  sha256: string,
) {
  const ids = (await readdir(services.filesDir)).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5))
  for (const id of ids) {
    const upload = await datastore.getUpload(id).catch(() => null)
    const meta = upload?.metadata
    if (!upload || meta?.communeId !== communeId || meta.sha256 !== sha256 || upload.offset !== upload.size) continue
    if (
      await verify(upload).then(
        () => true,
        () => false,
      )
    )
      return
  }
}

export function createMediaService(services: ServerServices): MediaService {
  const datastore = new FileStore({ directory: services.filesDir, expirationPeriodInMilliseconds: UPLOAD_EXPIRY_MS })
  const verify = createVerifier(services, datastore)
  const assetOf = (communeId: string, sha256: string) =>
    services.store.read(communeId, (state) => publicAsset(state, sha256))
  const current = async (communeId: string, sha256: string): Promise<MediaAssetState> => {
    const asset = await assetOf(communeId, sha256)
    if (asset.status === 'verified') return asset
    await reconcile(services, datastore, verify, communeId, sha256)
    return assetOf(communeId, sha256)
  }
  return {
    tus: createTusServer(services, datastore, verify),
    async createUpload(ctx, body) {
      const asset = await current(ctx.communeId, body.sha256)
      if (asset.status === 'verified') return { asset, upload: null }
      const { sha256, mime, announcementId } = body
      const metadata = { sha256, size: String(body.size), mime, announcementId }
      return { asset, upload: { endpoint: `${services.baseUrl()}/files`, metadata } }
    },
    status: async (ctx, sha256) => ({ asset: await current(ctx.communeId, sha256) }),
  }
}
