import { describe, expect, it } from 'vitest'
import { prepareText, refusalMessage, titleFromText } from '../../../../../src/renderer/features/tts/tts-text'

describe('tts-text', () => {
  it('gives the normalised words for a speakable text', () => {
    expect(prepareText('Họp lúc 7h30')).toEqual({ refusal: null, warnings: [], spoken: 'Họp lúc bảy giờ ba mươi phút' })
  })

  it('speaks nothing for a refused text and names the message for it', () => {
    const prepared = prepareText('សួស្តី')
    expect(prepared.spoken).toBe('')
    expect(prepared.refusal && refusalMessage(prepared.refusal)).toEqual({
      key: 'tts.refusals.khmer',
      values: { sample: 'សួស្តី' },
    })
    expect(refusalMessage({ code: 'too-long', max: 10 })).toEqual({ key: 'tts.refusals.tooLong', values: { max: 10 } })
  })

  it('makes a title from the first words, cut at a word', () => {
    expect(titleFromText('  Thông báo\n tiêm phòng ')).toBe('Thông báo tiêm phòng')
    const long = 'Thông báo của Ủy ban nhân dân xã về việc tổ chức tiêm phòng cho trẻ em dưới năm tuổi'
    const title = titleFromText(long, 40)
    expect(title.endsWith('…')).toBe(true)
    expect(long.startsWith(title.slice(0, -1))).toBe(true)
  })
})
