/**
 * One attempt at bringing one file down: `GET /v1/media/{sha256}/content` into
 * `<staging>/<sha256>.part`, resuming from the bytes already there (`Range: bytes=<n>-` with
 * `If-Range: "<sha256>"`), hashing as it writes, and moving the file into the media store only
 * when the SHA-256 of every byte equals the hash. A mismatch deletes the part (it is never
 * played); a full disk deletes it too (nothing half-written stays); a cut link keeps it (the next
 * attempt resumes). The answer must be the identity coding: a gzipped or otherwise encoded answer
 * is refused, since its ranges would count the wrong bytes.
 *
 * Wire example: GET /v1/media/9f86…/content  Range: bytes=1048576-  If-Range: "9f86…"
 *               → 206  Content-Range: bytes 1048576-3407871/3407872
 * Reference: RFC 9110 §14 and §13.1.5; docs/province-api.md "Audio down".
 */
import { createHash, type Hash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { open, rm, stat, statfs, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import type { DownloadReason } from '../../../shared/ipc/downloads'
import { MAX_MEDIA_BYTES, mediaEtag } from '../../../shared/province/media'
import type { MediaKind } from '../media/media-store'
import type { BandwidthGate } from './bandwidth-gate'

export interface JobOptions {
  hash: string
  baseUrl: string
  accessToken: string
  stagingDir: string
  gate: BandwidthGate
  fetch: typeof fetch
  /** No byte for this long while reading → the link is given up for now. */
  stallMs: number
  /** Free space the disk must keep besides the file. */
  reserveBytes: number
  signal: AbortSignal
  onBytes(receivedBytes: number, sizeBytes: number | null): void
  /** Moves the verified part into the store. */
  adopt(partPath: string, kind: MediaKind): Promise<void>
}

export type JobOutcome =
  | { ok: true; sizeBytes: number; wireBytes: number }
  | { ok: false; reason: DownloadReason; message: string; wireBytes: number }

export class JobFailure extends Error {
  constructor(
    readonly reason: DownloadReason,
    message: string,
  ) {
    super(message)
  }
}

export const partPathOf = (stagingDir: string, hash: string): string => join(stagingDir, `${hash}.part`)

const sizeOnDisk = async (path: string): Promise<number> => (await stat(path).catch(() => null))?.size ?? 0

async function hashOfFile(path: string, into: Hash): Promise<void> {
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) into.update(chunk as Buffer)
}

/** What the first bytes say the file is: a RIFF/WAVE file or an MPEG audio stream (ID3 or a frame sync). */
export function sniffKind(head: Uint8Array): MediaKind | null {
  const text = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to))
  if (head.length >= 12 && text(0, 4) === 'RIFF' && text(8, 12) === 'WAVE') return 'wav'
  if (head.length >= 3 && text(0, 3) === 'ID3') return 'mp3'
  const [b0 = 0, b1 = 0] = head
  return b0 === 0xff && (b1 & 0xe0) === 0xe0 ? 'mp3' : null
}

async function readHead(path: string): Promise<Uint8Array> {
  const fh = await open(path, 'r')
  try {
    const head = Buffer.alloc(12)
    const { bytesRead } = await fh.read(head, 0, 12, 0)
    return head.subarray(0, bytesRead)
  } finally {
    await fh.close()
  }
}

/** The range an answer carries: where it starts and the file's whole size. */
function answerRange(response: Response, have: number): { start: number; total: number } {
  if (response.status === 200) {
    const total = Number(response.headers.get('content-length'))
    return { start: 0, total: Number.isSafeInteger(total) && total > 0 ? total : -1 }
  }
  const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(response.headers.get('content-range') ?? '')
  if (!m) throw new JobFailure('server', 'a 206 answer without a usable Content-Range')
  const start = Number(m[1])
  if (start !== have) throw new JobFailure('server', `asked from byte ${have}, got a range from ${start}`)
  return { start, total: Number(m[3]) }
}

function failureOfStatus(status: number): JobFailure {
  if (status === 404) return new JobFailure('not-on-server', 'the province has no file for this hash')
  if (status === 401 || status === 403) return new JobFailure('sign-in', `the province refused the session (${status})`)
  if (status === 429 || status >= 500) return new JobFailure('link', `the province is busy (${status})`)
  return new JobFailure('server', `the province answered ${status}`)
}

/** Asks for the bytes from `have` on; a 416 with the size we hold means the part is complete. */
async function request(o: JobOptions, have: number): Promise<Response | 'complete'> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${o.accessToken}`,
    'accept-encoding': 'identity',
  }
  if (have > 0) {
    headers.range = `bytes=${have}-`
    headers['if-range'] = mediaEtag(o.hash)
  }
  const url = new URL(`/v1/media/${o.hash}/content`, o.baseUrl)
  let response: Response
  try {
    response = await o.fetch(url, { headers, signal: o.signal, redirect: 'error' })
  } catch (error) {
    throw new JobFailure('link', `no answer: ${error instanceof Error ? error.message : String(error)}`)
  }
  if (response.status === 416 && response.headers.get('content-range') === `bytes */${have}`) {
    await response.body?.cancel().catch(() => undefined)
    return 'complete'
  }
  if (response.status !== 200 && response.status !== 206) {
    await response.body?.cancel().catch(() => undefined)
    throw failureOfStatus(response.status)
  }
  const coding = response.headers.get('content-encoding')
  if (coding !== null && coding.toLowerCase() !== 'identity') {
    await response.body?.cancel().catch(() => undefined)
    throw new JobFailure('server', `the answer is ${coding}-encoded; only the file's own bytes can be resumed`)
  }
  return response
}

async function ensureRoom(o: JobOptions, needed: number): Promise<void> {
  const fs = await statfs(o.stagingDir).catch(() => null)
  if (fs && fs.bavail * fs.bsize < needed + o.reserveBytes)
    throw new JobFailure('disk-full', `${needed} bytes are needed and the disk has ${fs.bavail * fs.bsize} free`)
}

const isDiskFull = (error: unknown): boolean => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return code === 'ENOSPC' || code === 'EDQUOT'
}

interface Reading {
  fh: FileHandle
  hasher: Hash
  position: number
  /** Bytes of the body received in this attempt (kept by the caller when the attempt fails). */
  moved: { bytes: number }
}

/** `read` unless no byte comes for `ms`: a link that stays open but moves nothing. */
function withStall<T>(read: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new JobFailure('link', `no byte for ${ms} ms`)), ms)
    read.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error instanceof Error ? error : new Error(String(error)))
      },
    )
  })
}

/** Copies the answer's body to the part at `position`, holding back for the gate, until it ends. */
async function copyBody(o: JobOptions, body: ReadableStream<Uint8Array>, r: Reading, total: number) {
  const reader = body.getReader()
  try {
    for (;;) {
      const { done, value } = await withStall(reader.read(), o.stallMs)
      if (done) return
      r.moved.bytes += value.byteLength
      if (r.position + value.byteLength > total) throw new JobFailure('server', 'more bytes than the file has')
      await r.fh.write(value, 0, value.byteLength, r.position)
      r.hasher.update(value)
      r.position += value.byteLength
      o.onBytes(r.position, total)
      await o.gate.pass(value.byteLength)
    }
  } finally {
    await reader.cancel().catch(() => undefined)
  }
}

async function fetchPart(
  o: JobOptions,
  part: string,
  moved: { bytes: number },
): Promise<{ size: number; digest: string }> {
  let have = await sizeOnDisk(part)
  const answer = await request(o, have)
  const hasher = createHash('sha256')
  if (answer === 'complete') {
    await hashOfFile(part, hasher)
    return { size: have, digest: hasher.digest('hex') }
  }
  const { start, total } = answerRange(answer, have)
  if (total <= 0 || total > MAX_MEDIA_BYTES) throw new JobFailure('server', `the file's size (${total}) is not usable`)
  if (start === 0) have = 0
  await ensureRoom(o, total - have)
  const fh = await open(part, have > 0 ? 'r+' : 'w')
  const reading: Reading = { fh, hasher, position: have, moved }
  try {
    if (have > 0) await hashOfFile(part, hasher)
    else await fh.truncate(0)
    if (answer.body) await copyBody(o, answer.body, reading, total)
    await fh.datasync()
  } finally {
    await fh.close()
  }
  if (reading.position < total) throw new JobFailure('link', `the link broke at byte ${reading.position} of ${total}`)
  return { size: total, digest: hasher.digest('hex') }
}

export async function runDownloadJob(o: JobOptions): Promise<JobOutcome> {
  const part = partPathOf(o.stagingDir, o.hash)
  const moved = { bytes: 0 }
  try {
    const got = await fetchPart(o, part, moved)
    const wire = moved.bytes
    if (got.digest !== o.hash) {
      await rm(part, { force: true })
      return { ok: false, reason: 'checksum', message: `the bytes hash to ${got.digest}`, wireBytes: wire }
    }
    const kind = sniffKind(await readHead(part))
    if (kind === null) {
      await rm(part, { force: true })
      return { ok: false, reason: 'unsupported-format', message: 'neither MP3 nor WAV', wireBytes: wire }
    }
    await o.adopt(part, kind)
    return { ok: true, sizeBytes: got.size, wireBytes: wire }
  } catch (error) {
    const wire = moved.bytes
    if (isDiskFull(error) || (error instanceof JobFailure && error.reason === 'disk-full')) {
      await rm(part, { force: true })
      return { ok: false, reason: 'disk-full', message: String(error), wireBytes: wire }
    }
    if (error instanceof JobFailure) return { ok: false, reason: error.reason, message: error.message, wireBytes: wire }
    return {
      ok: false,
      reason: 'link',
      message: error instanceof Error ? error.message : String(error),
      wireBytes: wire,
    }
  }
}
