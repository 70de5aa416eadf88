/**
 * The real eSpeak NG (npm `espeak-ng`, WASM) running in Node: the same code the worker runs.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { compileEspeak, espeakFactory } from '../../../helpers/espeak'
import { espeakArguments, synthesizeWithEspeak } from '../../../../../src/renderer/audio/tts/espeak-synth'
import { normalizeVietnamese } from '../../../../../src/shared/tts/normalize-vi'
import { readWavInfo } from '../../../../../src/shared/tts/wav-info'

const factory = espeakFactory
let wasm: WebAssembly.Module

beforeAll(async () => {
  wasm = await compileEspeak()
}, 60_000)

const words = (text: string) => text.split(/\s+/).filter(Boolean).length

describe('espeak-synth', () => {
  it('builds CLI arguments that end the options before the text', () => {
    expect(espeakArguments('-5 độ', { voice: 'vi', rate: 150 }, 'o.wav')).toEqual([
      '-v',
      'vi',
      '-s',
      '150',
      '-w',
      'o.wav',
      '--',
      '-5 độ',
    ])
    expect(espeakArguments('a', { voice: 'vi-vn-x-south', rate: 999 }, 'o.wav')).toContain('260')
    expect(() => espeakArguments('a', { voice: 'en', rate: 150 }, 'o.wav')).toThrow(/unknown voice/)
  })

  it('speaks a normalised Vietnamese notice as a valid WAV of plausible length', async () => {
    const text = normalizeVietnamese('Thông báo: UBND xã tổ chức tiêm phòng lúc 7h30 ngày 12/5/2025 tại trạm y tế.')
    const wav = await synthesizeWithEspeak(text, { voice: 'vi', rate: 150 }, { factory, wasm })
    const info = readWavInfo(wav)
    expect(info).toMatchObject({ sampleRate: 22_050, channels: 1, bitsPerSample: 16 })
    // Vietnamese is read at roughly 2–5 syllables (words) a second at these rates.
    const n = words(text)
    expect(info?.durationMs).toBeGreaterThan((n / 5) * 1000)
    expect(info?.durationMs).toBeLessThan((n / 1.5) * 1000)
  })

  it('speaks more slowly at a lower rate', async () => {
    const text = 'Ủy ban nhân dân xã thông báo lịch tiêm phòng cho trẻ em'
    const fast = readWavInfo(await synthesizeWithEspeak(text, { voice: 'vi', rate: 220 }, { factory, wasm }))
    const slow = readWavInfo(await synthesizeWithEspeak(text, { voice: 'vi', rate: 110 }, { factory, wasm }))
    expect(slow?.durationMs ?? 0).toBeGreaterThan((fast?.durationMs ?? 0) * 1.4)
  })

  it('speaks with the central and southern voices too', async () => {
    for (const voice of ['vi-vn-x-central', 'vi-vn-x-south']) {
      const info = readWavInfo(await synthesizeWithEspeak('Xin chào bà con', { voice, rate: 150 }, { factory, wasm }))
      expect(info?.durationMs).toBeGreaterThan(500)
    }
  })

  it('compiles the module itself when no compiled module is given', async () => {
    const wav = await synthesizeWithEspeak('Xin chào', { voice: 'vi', rate: 150 }, { factory })
    expect(readWavInfo(wav)?.sampleRate).toBe(22_050)
  })
})
