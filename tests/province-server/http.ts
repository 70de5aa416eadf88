/**
 * Small HTTP helpers of the reference province server: bounded JSON bodies, JSON answers with the
 * `X-Server-Time` header, and the `{code, message, serverTime}` error body of Province API v1.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { gzipSync } from 'node:zlib'
import { errorStatus, type ErrorBody, type ProvinceErrorCode } from '../../src/shared/province/common'

export const MAX_JSON_BYTES = 1024 * 1024

/** An expected failure; the dispatcher turns it into an error answer. */
export class HttpError extends Error {
  readonly code: ProvinceErrorCode
  readonly retryAfterSeconds: number | undefined
  constructor(code: ProvinceErrorCode, message: string, retryAfterSeconds?: number) {
    super(message)
    this.name = 'HttpError'
    this.code = code
    this.retryAfterSeconds = retryAfterSeconds
  }
}

/**
 * The body as JSON, at most `limit` bytes. A larger body is answered `413 payload-too-large`, not
 * a connection reset (which a client takes for a network failure and sends again): a declared
 * `Content-Length` over the limit is refused at once; an undeclared one stops being kept past the
 * limit. Either way Node discards the rest of the body once the answer is sent, keeping the
 * connection usable.
 */
export function readJsonBody(req: IncomingMessage, limit = MAX_JSON_BYTES): Promise<unknown> {
  const tooLarge = () => new HttpError('payload-too-large', `body is larger than ${limit} bytes`)
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.reject(tooLarge())
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (size <= limit) {
        chunks.push(chunk)
        return
      }
      req.off('data', onData)
      chunks.length = 0
      reject(tooLarge())
    }
    req.on('data', onData)
    req.on('error', reject)
    req.on('end', () => {
      if (size > limit) return
      const text = Buffer.concat(chunks).toString('utf8')
      if (text.length === 0) return resolve(undefined)
      try {
        resolve(JSON.parse(text) as unknown)
      } catch {
        reject(new HttpError('invalid-request', 'body is not valid JSON'))
      }
    })
  })
}

/**
 * JSON answers from this size on are gzipped for a client that accepts it, at level 1 (nginx's
 * `gzip_comp_level` default): a bootstrap page of 2000 records, ~1 MB, goes as ~0.1 MB — on the
 * commune's 3G that is the difference between seconds and a minute.
 */
const GZIP_FROM_BYTES = 1024

const acceptsGzip = (res: ServerResponse): boolean =>
  /\bgzip\b/i.test(String(res.req?.headers['accept-encoding'] ?? ''))

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return
  const text = Buffer.from(JSON.stringify(body), 'utf8')
  const isGzipped = text.byteLength >= GZIP_FROM_BYTES && acceptsGzip(res)
  const payload = isGzipped ? gzipSync(text, { level: 1 }) : text
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': payload.byteLength,
    'Cache-Control': 'no-store',
    Vary: 'Accept-Encoding',
    ...(isGzipped ? { 'Content-Encoding': 'gzip' } : {}),
  })
  res.end(payload)
}

export function sendError(res: ServerResponse, error: HttpError, serverTime: string): void {
  const body: ErrorBody = { code: error.code, message: error.message, serverTime }
  if (error.retryAfterSeconds !== undefined) {
    body.retryAfterSeconds = error.retryAfterSeconds
    if (!res.headersSent) res.setHeader('Retry-After', String(error.retryAfterSeconds))
  }
  sendJson(res, errorStatus[error.code], body)
}

export function bearerToken(header: string | null | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '')
  return match?.[1] ?? null
}
