/**
 * daixa-media://media/<sha256>.wav (or .mp3, a rendered export) → the media store, with HTTP Range support (the <audio> element
 * and wavesurfer seek by asking for byte ranges). The hash is checked with the shared
 * `mediaHashSchema` before any path is built, so nothing but a store file can be named.
 *
 * The scheme is a different origin from app://daixa, so responses carry CORS headers for the app's
 * origin: Web Audio plays silence for cross-origin media fetched without CORS, and the app page is
 * cross-origin isolated (COEP), so no-cors loads need `Cross-Origin-Resource-Policy: cross-origin`.
 */
import type { Protocol } from 'electron'
import { mediaHashSchema } from '../../shared/ids'
import type { Logger } from '../services/logger'
import { mediaMime, type MediaStore } from '../services/media/media-store'
import type { ProtocolHandler } from './app-protocol'
import { fileResponse } from './file-response'
import { MEDIA_HOST, MEDIA_SCHEME, type OriginCheck } from './schemes'

export interface MediaHandlerOptions {
  store: Pick<MediaStore, 'fileOf'>
  isTrustedOrigin: OriginCheck
  log: Logger
}

function corsHeaders(request: Request, isTrustedOrigin: OriginCheck): Record<string, string> {
  const headers: Record<string, string> = {
    'Cross-Origin-Resource-Policy': 'cross-origin',
    'X-Content-Type-Options': 'nosniff',
    Vary: 'Origin',
  }
  const origin = request.headers.get('origin')
  if (origin !== null && isTrustedOrigin(origin)) {
    headers['Access-Control-Allow-Origin'] = origin
    headers['Access-Control-Expose-Headers'] = 'Accept-Ranges, Content-Length, Content-Range'
  }
  return headers
}

export function createMediaHandler({ store, isTrustedOrigin, log }: MediaHandlerOptions): ProtocolHandler {
  return async (request) => {
    const cors = corsHeaders(request, isTrustedOrigin)
    const status = (code: number): Response => new Response(null, { status: code, headers: cors })
    if (request.method === 'OPTIONS') {
      if (!('Access-Control-Allow-Origin' in cors)) return status(403)
      return new Response(null, {
        status: 204,
        headers: {
          ...cors,
          'Access-Control-Allow-Methods': 'GET, HEAD',
          'Access-Control-Allow-Headers': 'Range',
          'Access-Control-Max-Age': '600',
        },
      })
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return status(405)
    const url = new URL(request.url)
    const match = /^\/([^/]+)\.(wav|mp3)$/.exec(url.pathname)
    const hash = mediaHashSchema.safeParse(match?.[1])
    if (url.host !== MEDIA_HOST || !hash.success) return status(404)
    const found = store.fileOf(hash.data)
    if (found.kind !== match?.[2]) return status(404)
    try {
      return (await fileResponse(found.path, request, mediaMime[found.kind], cors)) ?? status(404)
    } catch (error) {
      log.error(`media-protocol: ${hash.data} failed: ${String(error)}`)
      return status(500)
    }
  }
}

/** Serves the media store on daixa-media://; returns a function that unregisters it. */
export function registerMediaProtocol(protocol: Protocol, handler: ProtocolHandler): () => void {
  protocol.handle(MEDIA_SCHEME, handler)
  return () => protocol.unhandle(MEDIA_SCHEME)
}
