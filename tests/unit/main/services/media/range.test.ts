import { describe, expect, it } from 'vitest'
import { planRange } from '../../../../../src/main/services/media/range'

const SIZE = 1000
const TYPE = 'audio/wav'

describe('range', () => {
  it('serves the whole file with 200 when there is no Range header', () => {
    for (const header of [undefined, null, '']) {
      const plan = planRange(SIZE, header, TYPE)
      expect(plan.status).toBe(200)
      expect(plan.start).toBe(0)
      expect(plan.end).toBe(SIZE - 1)
      expect(plan.headers).toMatchObject({
        'Accept-Ranges': 'bytes',
        'Content-Type': TYPE,
        'Content-Length': String(SIZE),
      })
      expect(plan.headers['Content-Range']).toBeUndefined()
    }
  })

  it('serves bytes 0-99 with 206 when the range is closed', () => {
    const plan = planRange(SIZE, 'bytes=0-99', TYPE)
    expect(plan).toEqual({
      status: 206,
      start: 0,
      end: 99,
      headers: {
        'Accept-Ranges': 'bytes',
        'Content-Type': TYPE,
        'Cache-Control': 'no-cache',
        'Content-Length': '100',
        'Content-Range': 'bytes 0-99/1000',
      },
    })
  })

  it('serves from the start to the last byte when the range is open-ended', () => {
    const plan = planRange(SIZE, 'bytes=100-', TYPE)
    expect(plan.status).toBe(206)
    expect([plan.start, plan.end]).toEqual([100, 999])
    expect(plan.headers['Content-Length']).toBe('900')
    expect(plan.headers['Content-Range']).toBe('bytes 100-999/1000')
  })

  it('serves the last N bytes when the range is a suffix', () => {
    const plan = planRange(SIZE, 'bytes=-500', TYPE)
    expect(plan.status).toBe(206)
    expect([plan.start, plan.end]).toEqual([500, 999])
    expect(plan.headers['Content-Length']).toBe('500')
    expect(plan.headers['Content-Range']).toBe('bytes 500-999/1000')
  })

  it('serves the whole file as 206 when a suffix is longer than the file', () => {
    const plan = planRange(SIZE, 'bytes=-5000', TYPE)
    expect(plan.status).toBe(206)
    expect([plan.start, plan.end]).toEqual([0, 999])
    expect(plan.headers['Content-Range']).toBe('bytes 0-999/1000')
  })

  it('clamps the end to the last byte when the end is beyond the size', () => {
    const plan = planRange(SIZE, 'bytes=900-5000', TYPE)
    expect(plan.status).toBe(206)
    expect([plan.start, plan.end]).toEqual([900, 999])
    expect(plan.headers['Content-Length']).toBe('100')
    expect(plan.headers['Content-Range']).toBe('bytes 900-999/1000')
  })

  it('serves a single byte when start equals end', () => {
    const plan = planRange(SIZE, 'bytes=999-999', TYPE)
    expect(plan.status).toBe(206)
    expect(plan.headers['Content-Length']).toBe('1')
    expect(plan.headers['Content-Range']).toBe('bytes 999-999/1000')
  })

  it('answers 416 with bytes */size when the start is beyond the size', () => {
    for (const header of ['bytes=1000-', 'bytes=1000-1200', 'bytes=5000-6000']) {
      const plan = planRange(SIZE, header, TYPE)
      expect(plan.status, header).toBe(416)
      expect(plan.end).toBe(-1)
      expect(plan.headers['Content-Range']).toBe('bytes */1000')
      expect(plan.headers['Content-Length']).toBeUndefined()
    }
  })

  it('answers 416 when a suffix of zero bytes is asked for', () => {
    const plan = planRange(SIZE, 'bytes=-0', TYPE)
    expect(plan.status).toBe(416)
    expect(plan.headers['Content-Range']).toBe('bytes */1000')
  })

  it('serves the whole file with 200 when the header is malformed', () => {
    for (const header of [
      'bytes=abc',
      'bytes=-',
      'items=0-99',
      'bytes 0-99',
      'bytes=1-2-3',
      'bytes=0x10-20',
      '=0-99',
    ]) {
      const plan = planRange(SIZE, header, TYPE)
      expect(plan.status, header).toBe(200)
      expect([plan.start, plan.end]).toEqual([0, 999])
      expect(plan.headers['Content-Length']).toBe('1000')
    }
  })

  it('serves the whole file with 200 when several ranges are asked for', () => {
    for (const header of ['bytes=0-99,200-299', 'bytes=0-1, 5-6', 'bytes=-10,0-1']) {
      const plan = planRange(SIZE, header, TYPE)
      expect(plan.status, header).toBe(200)
      expect(plan.headers['Content-Range']).toBeUndefined()
    }
  })

  it('accepts surrounding white space when the range is otherwise valid', () => {
    const plan = planRange(SIZE, '  bytes=10-19  ', TYPE)
    expect(plan.status).toBe(206)
    expect(plan.headers['Content-Range']).toBe('bytes 10-19/1000')
  })
})
