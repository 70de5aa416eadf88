import { describe, expect, it } from 'vitest'
import { checkText, lacksDiacritics, MAX_TTS_CHARS } from '../../../../src/shared/tts/script-check'

describe('script-check', () => {
  it('accepts an ordinary Vietnamese notice with no warning', () => {
    expect(checkText('Thông báo: Ủy ban nhân dân xã tổ chức tiêm phòng vào sáng thứ Bảy')).toEqual({
      refusal: null,
      warnings: [],
    })
  })

  it('refuses Khmer text and shows what it found', () => {
    const khmer = 'សេចក្តីជូនដំណឹង'
    const check = checkText(`Thông báo ${khmer}`)
    expect(check.refusal?.code).toBe('khmer-script')
    expect(check.refusal).toMatchObject({ sample: [...khmer].slice(0, 12).join('') })
  })

  it('refuses Khmer symbols (U+19E0–U+19FF) too', () => {
    expect(checkText('ngày \u19E0').refusal?.code).toBe('khmer-script')
  })

  it.each([
    ['Thai', 'ประกาศ'],
    ['Chinese', '通知'],
    ['Lao', 'ແຈ້ງການ'],
    ['Cyrillic', 'объявление'],
  ])('refuses %s script as having no voice', (_name, text) => {
    expect(checkText(`Thông báo ${text}`).refusal?.code).toBe('unsupported-script')
  })

  it('refuses empty and overlong text', () => {
    expect(checkText('  \n ').refusal).toEqual({ code: 'empty' })
    expect(checkText('a'.repeat(MAX_TTS_CHARS + 1)).refusal).toEqual({ code: 'too-long', max: MAX_TTS_CHARS })
  })

  it('warns when a Vietnamese text has no diacritics', () => {
    expect(checkText('Thong bao: Uy ban nhan dan xa to chuc tiem phong').warnings).toEqual(['no-diacritics'])
    expect(lacksDiacritics('Thông báo họp')).toBe(false)
  })

  it('does not warn on very short text or on abbreviations alone', () => {
    expect(lacksDiacritics('Xin chao')).toBe(false)
    expect(lacksDiacritics('UBND HĐND MTTQ THCS')).toBe(false)
  })

  it('checks decomposed text after composing it', () => {
    expect(checkText('Thông báo tiêm phòng cho trẻ em'.normalize('NFD')).warnings).toEqual([])
  })
})
