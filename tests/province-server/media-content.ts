/**
 * `GET /v1/media/{sha256}/content` on the reference province server: the bytes of a file the
 * commune may read — a programme of its own (the province library, library.ts) or a file it
 * uploaded and the province verified (the tus upload) — with HTTP Range.
 *
 * Wire format (docs/province-api.md, "Audio down"): 200 with the whole file, or 206 for
 * `Range: bytes=<from>-[<to>]` with `Content-Range: bytes <from>-<to>/<size>`; `If-Range` must be
 * the ETag (`"<sha256>"`) or the range is ignored and the whole file comes; a range starting past
 * the end is 416 `range-not-satisfiable` with `Content-Range: bytes *\/<size>`. Never a content
 * coding. Example:
 *   GET /v1/media/9f86…/content  Range: bytes=1048576-  If-Range: "9f86…"
 *   206  Content-Range: bytes 1048576-3407871/3407872  ETag: "9f86…"  Content-Type: audio/mpeg
 * Reference: RFC 9110 §13.1.5 (If-Range), §14 (Range requests).
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { planRange } from '../../src/main/services/media/range'
import { mediaEtag } from '../../src/shared/province/media'
import type { RequestContext, ServerServices } from './context'
import { HttpError } from './http'
import type { MediaLibrary } from './library'
import type { CommuneState } from './state'

interface Found {
  path: string
  size: number
  mime: string
}

/** Where the commune's bytes of `sha256` are, if it may read them. */
async function locate(services: ServerServices, library: MediaLibrary, communeId: string, sha256: string) {
  const access = await services.store.read(communeId, (state: CommuneState) => {
    const isProgram = Object.values(state.records).some(
      (r) => r.data?.entity === 'program' && r.data.mediaHash === sha256,
    )
    const upload = state.media[sha256]
    const uploadId = upload?.status === 'verified' ? upload.uploadId : null
    return { isProgram, uploadId, mime: upload?.mime ?? null }
  })
  if (access.isProgram) {
    const file = await library.find(sha256)
    if (file) return { path: file.path, size: file.size, mime: file.mime } satisfies Found
  }
  if (access.uploadId) {
    const path = join(services.filesDir, access.uploadId)
    const found = await stat(path).catch(() => null)
    if (found) return { path, size: found.size, mime: access.mime ?? 'application/octet-stream' } satisfies Found
  }
  return null
}

export async function serveMediaContent(
  services: ServerServices,
  library: MediaLibrary,
  ctx: RequestContext,
  req: IncomingMessage,
  res: ServerResponse,
  sha256: string,
): Promise<void> {
  const file = await locate(services, library, ctx.communeId, sha256)
  if (!file) throw new HttpError('not-found', `the province has no file ${sha256} for this commune`)
  const etag = mediaEtag(sha256)
  const ifRange = req.headers['if-range']
  const range = ifRange === undefined || ifRange === etag ? req.headers.range : undefined
  const plan = planRange(file.size, range, file.mime)
  if (plan.status === 416) {
    res.setHeader('Content-Range', `bytes */${file.size}`)
    throw new HttpError('range-not-satisfiable', `the file has ${file.size} bytes; the range starts past its end`)
  }
  res.writeHead(plan.status, {
    ...plan.headers,
    ETag: etag,
    // The bytes of a hash never change: a cache may keep them for good.
    'Cache-Control': 'private, max-age=31536000, immutable',
  })
  await new Promise<void>((resolve) => {
    const stream = createReadStream(file.path, { start: plan.start, end: plan.end })
    stream.on('error', () => {
      res.destroy()
      resolve()
    })
    res.on('close', () => {
      stream.destroy()
      resolve()
    })
    stream.pipe(res)
  })
}
