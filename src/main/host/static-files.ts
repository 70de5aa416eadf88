/**
 * Serves the built renderer and the media store over HTTP for the browser host. Every response
 * carries the same security headers the Electron host sets (CSP, no sniffing, no framing) and
 * cross-origin isolation, which ffmpeg.wasm's threads need.
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { mediaHashSchema } from '../../shared/ids'
import { contentTypeOf } from '../services/content-types'
import { mediaMime, type MediaStore } from '../services/media/media-store'
import { planRange } from '../services/media/range'
import { CONTENT_SECURITY_POLICY } from '../../shared/security'
import { refuse, type HostAccess } from './host-access'

export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
}

async function sendFile(req: IncomingMessage, res: ServerResponse, path: string, type: string): Promise<void> {
  const info = await stat(path)
  // A folder (e.g. /assets) would stat fine and then fail to read after the headers went out.
  if (!info.isFile()) throw new Error(`host: ${path} is not a file`)
  const plan = planRange(info.size, req.headers.range, type)
  res.writeHead(plan.status, { ...securityHeaders, ...plan.headers })
  // An empty file has nothing to stream (end would be -1, which createReadStream refuses).
  if (plan.status === 416 || req.method === 'HEAD' || plan.end < plan.start) {
    res.end()
    return
  }
  // A read error after the headers (file deleted meanwhile) ends this response, not the host.
  const stream = createReadStream(path, { start: plan.start, end: plan.end })
  stream.on('error', () => res.destroy())
  stream.pipe(res)
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' })
  res.end('not found')
}

/**
 * Every request passes `access` first (loopback Host, this launch's session cookie; the launch
 * key is exchanged for the cookie): files, the app shell and `/media/` alike.
 */
export function createRequestHandler(rendererDir: string, store: MediaStore, access: HostAccess) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (access.exchange(req, res)) return
    const verdict = access.check(req)
    if (!verdict.ok) return refuse(res, verdict)
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, securityHeaders).end()
      return
    }
    try {
      const url = new URL(req.url ?? '/', 'http://host.invalid')
      // Throws on broken percent-encoding (`/%E0%A4%A`): that is a 404, not an unhandled rejection.
      const pathname = decodeURIComponent(url.pathname)
      const media = /^\/media\/([^/]+)\.(wav|mp3)$/.exec(pathname)
      if (media) {
        const hash = mediaHashSchema.safeParse(media[1])
        if (!hash.success) return notFound(res)
        const found = store.fileOf(hash.data)
        if (found.kind !== media[2]) return notFound(res)
        return await sendFile(req, res, found.path, mediaMime[found.kind])
      }
      const relative = normalize(pathname === '/' ? '/index.html' : pathname)
      const file = join(rendererDir, relative)
      if (!file.startsWith(rendererDir + sep)) return notFound(res)
      const type = contentTypeOf(file)
      await sendFile(req, res, file, type).catch(async () => {
        // Single-page app: unknown paths without an extension get the shell.
        if (extname(file) === '') await sendFile(req, res, join(rendererDir, 'index.html'), contentTypeOf('index.html'))
        else notFound(res)
      })
    } catch {
      if (!res.headersSent) notFound(res)
      else res.destroy()
    }
  }
}
