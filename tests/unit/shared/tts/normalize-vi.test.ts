import { describe, expect, it } from 'vitest'
import { normalizeVietnamese, readTime } from '../../../../src/shared/tts/normalize-vi'
import { expandAbbreviations } from '../../../../src/shared/tts/vi-abbreviations'

const n = (text: string) => normalizeVietnamese(text)

describe('normalize-vi', () => {
  it('composes decomposed (NFD) text to NFC when pasted from another program', () => {
    const nfd = 'Thông báo tiêm phòng'.normalize('NFD')
    expect(nfd).not.toBe('Thông báo tiêm phòng')
    expect(n(nfd)).toBe('Thông báo tiêm phòng')
  })

  it('reads years and plain numbers in Vietnamese', () => {
    expect(n('năm 2025')).toBe('năm hai nghìn không trăm hai mươi lăm')
    expect(n('có 15 hộ')).toBe('có mười lăm hộ')
  })

  it('reads full dates with day, month and year', () => {
    expect(n('12/5/2025')).toBe('ngày mười hai tháng năm năm hai nghìn không trăm hai mươi lăm')
    expect(n('Sáng ngày 12/05/2025, tiêm phòng.')).toBe(
      'Sáng ngày mười hai tháng năm năm hai nghìn không trăm hai mươi lăm, tiêm phòng.',
    )
    expect(n('12-4-2026')).toBe('ngày mười hai tháng tư năm hai nghìn không trăm hai mươi sáu')
    expect(n('1.6.2025')).toBe('ngày mùng một tháng sáu năm hai nghìn không trăm hai mươi lăm')
  })

  it('reads short dates and month/year', () => {
    expect(n('Thứ Bảy 5/10')).toBe('Thứ Bảy ngày mùng năm tháng mười')
    expect(n('trong tháng 5/2025')).toBe('trong tháng năm năm hai nghìn không trăm hai mươi lăm')
  })

  it('leaves impossible dates as numbers', () => {
    expect(n('35/13')).not.toContain('tháng')
  })

  it('reads times written 7h30, 7h, 7:30 and 19h05', () => {
    expect(n('lúc 7h30')).toBe('lúc bảy giờ ba mươi phút')
    expect(n('lúc 7:30 sáng')).toBe('lúc bảy giờ ba mươi phút sáng')
    expect(n('từ 7h đến 11h')).toBe('từ bảy giờ đến mười một giờ')
    expect(n('19h05')).toBe('mười chín giờ năm phút')
    expect(n('7h30 phút')).toBe('bảy giờ ba mươi phút')
    expect(readTime(8, 0)).toBe('tám giờ')
  })

  it('reads a date and a time in one notice', () => {
    expect(n('UBND xã họp lúc 7h30 ngày 12/5/2025')).toBe(
      'Ủy ban nhân dân xã họp lúc bảy giờ ba mươi phút ngày mười hai tháng năm năm hai nghìn không trăm hai mươi lăm',
    )
  })

  it('reads units after numbers', () => {
    expect(n('cách 2,5 km')).toBe('cách hai phẩy năm ki lô mét')
    expect(n('50kg gạo')).toBe('năm mươi ki lô gam gạo')
    expect(n('200 m² đất')).toBe('hai trăm mét vuông đất')
    expect(n('đạt 12,5%')).toBe('đạt mười hai phẩy năm phần trăm')
    expect(n('nhiệt độ 25°C')).toBe('nhiệt độ hai mươi lăm độ xê')
    expect(n('100.000đ')).toBe('một trăm nghìn đồng')
    expect(n('50.000 VNĐ mỗi hộ')).toBe('năm mươi nghìn đồng mỗi hộ')
    expect(n('3 ha lúa')).toBe('ba héc ta lúa')
  })

  it('does not read a unit letter that begins a word', () => {
    expect(n('5 mẫu')).toBe('năm mẫu')
    expect(n('3 lần')).toBe('ba lần')
  })

  it('reads phone numbers digit by digit', () => {
    expect(n('Gọi 0912 345 678.')).toBe('Gọi không chín một hai ba bốn năm sáu bảy tám.')
    expect(n('SĐT: 0912.345.678')).toBe('số điện thoại: không chín một hai ba bốn năm sáu bảy tám')
  })

  it('reads ordinals and ranges', () => {
    expect(n('vào thứ 4')).toBe('vào thứ tư')
    expect(n('lần thứ 1')).toBe('lần thứ nhất')
    expect(n('từ 7-8 giờ')).toBe('từ bảy đến tám giờ')
  })

  it('expands the common abbreviations', () => {
    expect(n('UBND, HĐND và MTTQ xã')).toBe('Ủy ban nhân dân, Hội đồng nhân dân và Mặt trận Tổ quốc xã')
    expect(n('TP. Hồ Chí Minh')).toBe('thành phố Hồ Chí Minh')
    expect(n('Trường THCS và THPT')).toBe('Trường trung học cơ sở và trung học phổ thông')
    expect(n('thẻ BHYT, BHXH')).toBe('thẻ bảo hiểm y tế, bảo hiểm xã hội')
    expect(n('phòng COVID-19')).toBe('phòng cô vít mười chín')
  })

  it('does not expand an abbreviation inside a longer word', () => {
    expect(expandAbbreviations('UBNDX và TPHCM')).toBe('UBNDX và TPHCM')
  })

  it('uses a station-supplied abbreviation list', () => {
    expect(normalizeVietnamese('HTX Tân Phú', { abbreviations: { HTX: 'hợp tác xã' } })).toBe('hợp tác xã Tân Phú')
    expect(normalizeVietnamese('UBND', { abbreviations: {} })).toBe('UBND')
  })

  it('keeps line breaks and collapses spaces', () => {
    expect(n('  Thông báo:   \n\n  họp  ')).toBe('Thông báo:\n\nhọp')
  })

  it('is deterministic and idempotent on its own output', () => {
    const once = n('Ngày 12/5/2025 lúc 7h30, UBND xã phát 100.000đ cho 15 hộ.')
    expect(n(once)).toBe(once)
    expect(once).not.toMatch(/\d/)
  })
})
