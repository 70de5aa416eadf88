/**
 * app://daixa/<path> → files of the built renderer (out/renderer). A custom scheme instead of
 * file:// gives the renderer a real, stable origin: CSP applies, storage (IndexedDB) is keyed to
 * it, and the IPC sender check has something to compare with. Paths that leave the renderer folder
 * are refused; unknown paths without an extension get index.html (single-page app).
 */
import { extname, join, normalize, sep } from 'node:path'
import type { Protocol } from 'electron'
import { contentTypeOf } from '../services/content-types'
import type { Logger } from '../services/logger'
import { APP_RESPONSE_HEADERS } from './csp'
import { fileResponse } from './file-response'
import { APP_HOST, APP_SCHEME } from './schemes'

export type ProtocolHandler = (request: Request) => Promise<Response>

export interface AppFileHandlerOptions {
  /** Absolute path of the built renderer folder. */
  root: string
  log: Logger
}

const plain = (status: number, text: string): Response =>
  new Response(text, { status, headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } })

/** The file under `root` that a URL path names, or null when the path escapes `root` or is malformed. */
export function resolveAppPath(root: string, pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const relative = normalize(decoded === '/' || decoded === '' ? '/index.html' : decoded)
  const file = join(root, relative)
  return file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : null
}

export function createAppFileHandler({ root, log }: AppFileHandlerOptions): ProtocolHandler {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed')
    const url = new URL(request.url)
    if (url.host !== APP_HOST) return plain(404, 'not found')
    const file = resolveAppPath(root, url.pathname)
    if (file === null) return plain(404, 'not found')
    try {
      const found = await fileResponse(file, request, contentTypeOf(file), APP_RESPONSE_HEADERS)
      if (found) return found
      if (extname(file) !== '') return plain(404, 'not found')
      const shell = join(root, 'index.html')
      return (await fileResponse(shell, request, contentTypeOf(shell), APP_RESPONSE_HEADERS)) ?? plain(404, 'not found')
    } catch (error) {
      log.error(`app-protocol: ${url.pathname.slice(0, 200)} failed: ${String(error)}`)
      return plain(500, 'internal error')
    }
  }
}

/** Serves the renderer on app://; returns a function that unregisters it. */
export function registerAppProtocol(protocol: Protocol, handler: ProtocolHandler): () => void {
  protocol.handle(APP_SCHEME, handler)
  return () => protocol.unhandle(APP_SCHEME)
}
