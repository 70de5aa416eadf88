import { describe, expect, it } from 'vitest'
import { toHex } from '../../../../src/main/devices/bytes'
import {
  decodeRdsBytes,
  encodeRdsBytes,
  foldForRds,
  formatPs,
  formatRt,
  encodeTextBytes,
} from '../../../../src/main/devices/rds-charset'

describe('rds-charset', () => {
  it('keeps the Vietnamese letters the RDS table has when folding for RDS', () => {
    const kept = 'áàâãéèêíìóòôõúùý ÁÀÂÃÉÈÊÍÌÓÒÔÕÚÙÝ'
    expect(foldForRds(kept)).toBe(kept)
  })

  it('folds to the base letter when the RDS table lacks the letter', () => {
    expect(foldForRds('ă ạ ả ấ ầ ẩ ẫ ậ ắ ằ ẳ ẵ ặ')).toBe('a a a a a a a a a a a a a')
    expect(foldForRds('ơ ớ ờ ở ỡ ợ ư ứ ừ ử ữ ự đ Đ')).toBe('o o o o o o u u u u u u d D')
    expect(foldForRds('ẻ ẽ ẹ ể ễ ệ ỉ ĩ ị ỏ ọ ổ ủ ũ ụ ỳ ỷ ỹ ỵ Ỳ')).toBe('e e e e e e i i i o o o u u u y y y y Y')
  })

  it('folds a Vietnamese bulletin title when given decomposed (NFD) input', () => {
    const nfd = 'Thông báo khẩn: bão số 3'.normalize('NFD')
    expect(foldForRds(nfd)).toBe('Thông báo khan: bão so 3')
  })

  it('folds everything to plain ASCII and keeps $ ~ ^ as typed when the target is ascii', () => {
    expect(foldForRds('Đài Xã – Thông báo “khẩn” $5 ~ ^ `', 'ascii')).toBe('Dai Xa - Thong bao "khan" $5 ~ ^ `')
    expect(toHex(encodeTextBytes('$~^', 'ascii'))).toBe('24 7E 5E')
  })

  it('pads or truncates PS to exactly 8 characters when the name is short or long', () => {
    expect(formatPs('Đài Xã')).toBe('Dài Xã  ')
    expect(formatPs('Truyền thanh Hòa An')).toBe('Truyen t')
    expect(formatPs('')).toHaveLength(8)
  })

  it('collapses whitespace and cuts RadioText at the last word that fits in 64 characters', () => {
    const long = 'Ủy ban nhân dân xã thông báo:\n  lịch tiêm chủng   đợt 2 cho trẻ em dưới 5 tuổi vào sáng thứ bảy'
    const rt = formatRt(long)
    expect(rt).toBe('Uy ban nhân dân xã thông báo: lich tiêm chung dot 2 cho tre em')
    expect(formatRt('Thông báo khẩn: đường liên xã Ân Hảo bị ngập nặng, nhân dân không đi qua', 'ascii')).toBe(
      'Thong bao khan: duong lien xa An Hao bi ngap nang, nhan dan',
    )
    expect(formatRt('ngắn')).toBe('ngan')
  })

  it('cuts mid-word only when the last word alone would lose more than 20 characters', () => {
    const oneWord = 'x'.repeat(30) + ' ' + 'y'.repeat(40)
    expect(formatRt(oneWord)).toBe(`${'x'.repeat(30)} ${'y'.repeat(33)}`)
    expect([...formatRt(oneWord)]).toHaveLength(64)
  })

  it('uses the RDS table positions when encoding $ and accented letters', () => {
    expect(toHex(encodeRdsBytes('Thông bá'))).toBe('54 68 96 6E 67 20 62 80')
    expect(toHex(encodeRdsBytes('$ Ý ý ã'))).toBe('AB 20 E5 20 F5 20 F0')
    expect(decodeRdsBytes(encodeRdsBytes('Đài Xã ¤'))).toBe('Dài Xã ¤')
  })

  it('replaces characters with no fold by ? when given emoji or CJK', () => {
    expect(foldForRds('Loa 📢 广播')).toBe('Loa ? ??')
  })
})
