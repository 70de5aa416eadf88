import { describe, expect, it } from 'vitest'
import { readDigits, readInteger, readNumberText } from '../../../../src/shared/tts/vi-number'

describe('vi-number', () => {
  it.each([
    [0, 'không'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [15, 'mười lăm'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi bốn'],
    [25, 'hai mươi lăm'],
    [55, 'năm mươi lăm'],
    [100, 'một trăm'],
    [101, 'một trăm linh một'],
    [105, 'một trăm linh năm'],
    [110, 'một trăm mười'],
    [115, 'một trăm mười lăm'],
    [121, 'một trăm hai mươi mốt'],
    [1000, 'một nghìn'],
    [1005, 'một nghìn không trăm linh năm'],
    [1010, 'một nghìn không trăm mười'],
    [1250, 'một nghìn hai trăm năm mươi'],
    [2021, 'hai nghìn không trăm hai mươi mốt'],
    [2025, 'hai nghìn không trăm hai mươi lăm'],
    [15_000, 'mười lăm nghìn'],
    [100_000, 'một trăm nghìn'],
    [1_000_000, 'một triệu'],
    [1_500_000, 'một triệu năm trăm nghìn'],
    [2_000_015, 'hai triệu không trăm mười lăm'],
    [1_000_000_000, 'một tỷ'],
    [3_200_000_000, 'ba tỷ hai trăm triệu'],
  ])('reads %i as "%s"', (n, words) => {
    expect(readInteger(n)).toBe(words)
  })

  it('refuses negative and fractional numbers', () => {
    expect(() => readInteger(-1)).toThrow(RangeError)
    expect(() => readInteger(1.5)).toThrow(RangeError)
  })

  it('reads digit by digit when asked', () => {
    expect(readDigits('0912 345')).toBe('không chín một hai ba bốn năm')
  })

  it.each([
    ['100.000', 'một trăm nghìn'],
    ['1.250', 'một nghìn hai trăm năm mươi'],
    ['2,5', 'hai phẩy năm'],
    ['2.5', 'hai phẩy năm'],
    ['12,75', 'mười hai phẩy bảy mươi lăm'],
    ['0,05', 'không phẩy không năm'],
    ['3,125', 'ba phẩy một hai năm'],
  ])('reads the written number %s as "%s"', (text, words) => {
    expect(readNumberText(text)).toBe(words)
  })
})
