import { describe, expect, it } from 'vitest'
import { renderedFileOf } from '../../../../../src/renderer/features/bulletins/rendered-file'
import type { BulletinPart } from '../../../../../src/shared/editor/bulletin'

const part = (durationMs: number, joint: BulletinPart['joint']): BulletinPart => ({
  id: crypto.randomUUID(),
  kind: 'announcement',
  source: { type: 'announcement', id: crypto.randomUUID() },
  title: 'Thông báo',
  mediaHash: 'a'.repeat(64),
  durationMs,
  joint,
})
const parts = [part(3000, { kind: 'gap', ms: 0 }), part(4000, { kind: 'gap', ms: 500 })]

describe('renderedFileOf', () => {
  it('keeps what the media store measured of a WAV', () => {
    const stored = {
      hash: 'b'.repeat(64),
      format: 'wav',
      sizeBytes: 661_544,
      sampleRate: 44_100,
      sampleCount: 330_750,
      durationMs: 7500,
    } as const
    expect(renderedFileOf(stored, parts)).toEqual({
      hash: 'b'.repeat(64),
      format: 'wav',
      sizeBytes: 661_544,
      durationMs: 7500,
      sampleRate: 44_100,
      channels: 1,
    })
  })

  it('completes an MP3 (main reads no rate or length from one) from the render format and the parts', () => {
    const stored = {
      hash: 'c'.repeat(64),
      format: 'mp3',
      sizeBytes: 90_000,
      sampleRate: 0,
      sampleCount: 0,
      durationMs: 0,
    } as const
    expect(renderedFileOf(stored, parts)).toMatchObject({
      format: 'mp3',
      durationMs: 7500,
      sampleRate: 44_100,
      channels: 1,
    })
  })
})
