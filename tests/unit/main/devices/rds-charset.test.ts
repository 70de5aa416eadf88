import { describe, expect, it } from 'vitest'
import { toHex } from '../../../../src/main/devices/bytes'
import {
  decodeRdsBytes,
  encodeRdsBytes,
  foldForRds,
  formatPs,
  formatRt,
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

  it('folds everything to plain ASCII without $ ^ ` ~ when the target is ascii', () => {
    expect(foldForRds('Đài Xã – Thông báo “khẩn” $5 ~ ^ `', 'ascii')).toBe('Dai Xa - Thong bao "khan" ?5 ? ? ?')
  })

  it('pads or truncates PS to exactly 8 characters when the name is short or long', () => {
    expect(formatPs('Đài Xã')).toBe('Dài Xã  ')
    expect(formatPs('Truyền thanh Hòa An')).toBe('Truyen t')
    expect(formatPs('')).toHaveLength(8)
  })

  it('collapses whitespace and stops at 64 characters when RadioText is long', () => {
    const long = 'Ủy ban nhân dân xã thông báo:\n  lịch tiêm chủng   đợt 2 cho trẻ em dưới 5 tuổi vào sáng thứ bảy'
    const rt = formatRt(long)
    expect(rt).toHaveLength(64)
    expect(rt.startsWith('Uy ban nhân dân xã thông báo: lich tiêm chung dot 2')).toBe(true)
    expect(formatRt('ngắn')).toBe('ngan')
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
