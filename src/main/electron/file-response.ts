/**
 * A file as a fetch `Response`, for `protocol.handle`: honours a single HTTP Range (through the
 * shared `planRange`, so both hosts answer alike) and streams from disk without reading the whole
 * file. The Node stream is destroyed when Chromium cancels the body (a seek, a closed page).
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { planRange } from '../services/media/range'

/** Null when there is no such regular file; other errors are thrown. */
export async function fileResponse(
  path: string,
  request: Request,
  contentType: string,
  extraHeaders: Readonly<Record<string, string>>,
): Promise<Response | null> {
  let size: number
  try {
    const info = await stat(path)
    if (!info.isFile()) return null
    size = info.size
  } catch (error) {
    if (isMissing(error)) return null
    throw error
  }
  const plan = planRange(size, request.headers.get('range'), contentType)
  const headers = { ...extraHeaders, ...plan.headers }
  const hasBody = request.method !== 'HEAD' && plan.status !== 416 && plan.end >= plan.start
  if (!hasBody) return new Response(null, { status: plan.status, headers })
  const stream = createReadStream(path, { start: plan.start, end: plan.end, highWaterMark: 1 << 16 })
  // node:stream/web's ReadableStream and the DOM lib's are the same object at run time, but their
  // typings differ when both libs are loaded (the tests' tsconfig), hence the cast.
  const body = Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>
  return new Response(body, { status: plan.status, headers })
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR'
}
