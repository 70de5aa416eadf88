/**
 * HTTP byte ranges for media (RFC 9110 §14): the waveform editor and the <audio> element seek
 * by asking for `Range: bytes=start-end`. Used by both hosts: the browser host's HTTP route and
 * Electron's custom protocol. Only single ranges are served; a multi-range request gets the
 * whole file, which RFC 9110 allows.
 */
export interface RangePlan {
  status: 200 | 206 | 416
  start: number
  /** Inclusive; -1 when there is nothing to send. */
  end: number
  headers: Record<string, string>
}

export function planRange(size: number, rangeHeader: string | null | undefined, contentType: string): RangePlan {
  const base = { 'Accept-Ranges': 'bytes', 'Content-Type': contentType, 'Cache-Control': 'no-cache' }
  const whole: RangePlan = {
    status: 200,
    start: 0,
    end: size - 1,
    headers: { ...base, 'Content-Length': String(size) },
  }
  if (!rangeHeader) return whole
  const m = /^bytes=(\d*)-(\d*)$/.exec(rangeHeader.trim())
  if (!m) return whole
  const [, a = '', b = ''] = m
  let start: number
  let end: number
  if (a === '' && b === '') return whole
  if (a === '') {
    const suffix = Number(b)
    start = Math.max(0, size - suffix)
    end = size - 1
  } else {
    start = Number(a)
    end = b === '' ? size - 1 : Math.min(Number(b), size - 1)
  }
  if (start >= size || start > end) {
    return { status: 416, start: 0, end: -1, headers: { ...base, 'Content-Range': `bytes */${size}` } }
  }
  return {
    status: 206,
    start,
    end,
    headers: { ...base, 'Content-Length': String(end - start + 1), 'Content-Range': `bytes ${start}-${end}/${size}` },
  }
}
