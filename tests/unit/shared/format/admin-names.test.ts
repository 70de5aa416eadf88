import { describe, expect, it } from 'vitest'
import {
  bareAdminName,
  englishAdminName,
  placeName,
  splitAdminName,
  withAdminUnit,
} from '../../../../src/shared/format/admin-names'

describe('shared/format/admin-names', () => {
  it('puts the unit in front of a bare name', () => {
    expect(withAdminUnit('xã', 'Tân Hòa')).toBe('xã Tân Hòa')
    expect(withAdminUnit('tỉnh', 'Sóc Trăng')).toBe('tỉnh Sóc Trăng')
  })

  it('never doubles a unit the name already has, whatever its case', () => {
    expect(withAdminUnit('xã', 'Xã Tân Hòa')).toBe('xã Tân Hòa')
    expect(withAdminUnit('xã', 'xã tân hòa')).toBe('xã tân hòa')
    expect(withAdminUnit('xã', 'XÃ TÂN HÒA')).toBe('xã TÂN HÒA')
    expect(withAdminUnit('tỉnh', 'Tỉnh Demo')).toBe('tỉnh Demo')
    expect(withAdminUnit('huyện', 'Huyện Cần Giờ')).toBe('huyện Cần Giờ')
  })

  it("keeps the name's own unit when it differs (a ward, a township, a city)", () => {
    expect(withAdminUnit('xã', 'Thị trấn Cần Thạnh')).toBe('thị trấn Cần Thạnh')
    expect(withAdminUnit('xã', 'Phường Bình Minh')).toBe('phường Bình Minh')
    expect(withAdminUnit('xã', 'Thị xã Sơn Tây')).toBe('thị xã Sơn Tây')
    expect(withAdminUnit('tỉnh', 'Thành phố Hà Nội')).toBe('thành phố Hà Nội')
    expect(withAdminUnit('xã', 'Đặc khu Phú Quốc')).toBe('đặc khu Phú Quốc')
  })

  it('matches a name typed with combining marks (NFD) and extra spaces', () => {
    expect(withAdminUnit('xã', '  Xã   Tân Hòa '.normalize('NFD'))).toBe('xã Tân Hòa')
  })

  it('does not take a name that only begins like a unit for one', () => {
    expect(withAdminUnit('xã', 'Xuân Thới')).toBe('xã Xuân Thới')
    expect(withAdminUnit('xã', 'Xã')).toBe('xã Xã')
    expect(withAdminUnit('tỉnh', 'Tỉnhdemo')).toBe('tỉnh Tỉnhdemo')
    expect(splitAdminName('Quảng Nam')).toEqual({ unit: null, rest: 'Quảng Nam' })
    expect(withAdminUnit('xã', '  ')).toBe('')
  })

  it('gives the bare name and the place of a date line', () => {
    expect(bareAdminName('Xã Tân Hòa')).toBe('Tân Hòa')
    expect(bareAdminName('Tân Hòa')).toBe('Tân Hòa')
    expect(placeName('Xã Tân Hòa')).toBe('Tân Hòa')
    expect(placeName('phường 3')).toBe('Phường 3')
    expect(placeName('Thị trấn Cần Thạnh')).toBe('Cần Thạnh')
  })

  it('names the unit in English', () => {
    expect(englishAdminName('xã', 'Xã Tân Hòa')).toBe('Tân Hòa commune')
    expect(englishAdminName('tỉnh', 'Tỉnh Demo')).toBe('Demo province')
    expect(englishAdminName('xã', 'Phường 3')).toBe('Ward 3')
    expect(englishAdminName('xã', 'Thị trấn Cần Thạnh')).toBe('Cần Thạnh township')
  })
})
