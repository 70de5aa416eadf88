import { describe, expect, it } from 'vitest'
import {
  displayLanguage,
  formatBytes,
  formatClock,
  formatDate,
  formatDateTime,
  formatDuration,
  formatLevel,
  formatLocalDate,
  formatNumber,
  formatPercent,
  formatSeconds,
  formatTime,
} from '../../../../src/shared/format/display'

describe('shared/format/display', () => {
  it('writes dates dd/MM/yyyy on the station clock (UTC+7), in both languages', () => {
    // 8 December 2026 05:30 in Vietnam is 7 December 22:30 UTC.
    const at = '2026-12-07T22:30:00.000Z'
    expect(formatDate(at)).toBe('08/12/2026')
    expect(formatDate(Date.parse(at))).toBe('08/12/2026')
    expect(formatDateTime(at)).toBe('08/12/2026 05:30')
    expect(formatLocalDate('2026-12-08')).toBe('08/12/2026')
  })

  it('writes times in 24-hour form, never AM/PM', () => {
    expect(formatTime('2026-12-08T10:05:09.000Z')).toBe('17:05')
    expect(formatTime('2026-12-08T10:05:09.000Z', { seconds: true })).toBe('17:05:09')
    expect(formatTime('2026-12-07T17:00:00.000Z')).toBe('00:00')
    expect(formatDateTime('2026-12-08T16:59:59.000Z', { seconds: true })).toBe('08/12/2026 23:59:59')
  })

  it('takes the station day, not the computer zone or UTC, around midnight', () => {
    expect(formatDate('2026-12-31T16:59:59.999Z')).toBe('31/12/2026')
    expect(formatDate('2026-12-31T17:00:00.000Z')).toBe('01/01/2027')
  })

  it('answers a dash for an unreadable instant', () => {
    expect(formatDate('not a date')).toBe('—')
    expect(formatDateTime(Number.NaN)).toBe('—')
  })

  it('writes lengths mm:ss,d in Vietnamese and mm:ss.d in English', () => {
    expect(formatDuration(10_200, 'vi')).toBe('00:10,2')
    expect(formatDuration(40_400, 'vi')).toBe('00:40,4')
    expect(formatDuration(40_400, 'en')).toBe('00:40.4')
    expect(formatDuration(75_400, 'vi')).toBe('01:15,4')
    expect(formatDuration(59_960, 'vi')).toBe('01:00,0')
    expect(formatDuration(3_723_000, 'vi')).toBe('1:02:03,0')
    expect(formatDuration(-5, 'vi')).toBe('00:00,0')
  })

  it('writes running counters in whole seconds', () => {
    expect(formatClock(2_999)).toBe('00:02')
    expect(formatClock(3_723_000)).toBe('1:02:03')
  })

  it('writes numbers with the decimal comma in Vietnamese and the point in English', () => {
    expect(formatNumber(-16, 'vi', 1)).toBe('-16,0')
    expect(formatNumber(-16, 'en', 1)).toBe('-16.0')
    expect(formatNumber(4500, 'vi')).toBe('4.500')
    expect(formatNumber(4500, 'en')).toBe('4,500')
    expect(formatNumber(1234567.25, 'vi', 2)).toBe('1.234.567,25')
    expect(formatNumber(-0.04, 'vi', 1)).toBe('0,0')
    expect(formatNumber(Number.NaN, 'vi')).toBe('—')
    expect(formatSeconds(1_500, 'vi')).toBe('1,5')
    expect(formatPercent(2 / 3, 'vi')).toBe('66,7%')
    expect(formatPercent(2 / 3, 'en')).toBe('66.7%')
  })

  it('writes loudness and levels with one decimal and the unit', () => {
    expect(formatLevel(-16, 'LUFS', 'vi')).toBe('-16,0 LUFS')
    expect(formatLevel(-16.04, 'LUFS', 'en')).toBe('-16.0 LUFS')
    expect(formatLevel(-0.95, 'dBTP', 'vi')).toBe('-1,0 dBTP')
    expect(formatLevel(-Infinity, 'dB', 'vi')).toBe('-∞ dB')
    expect(formatLevel(-200, 'dB', 'en')).toBe('-∞ dB')
  })

  it('writes byte counts with the language separator', () => {
    expect(formatBytes(512, 'vi')).toBe('512 B')
    expect(formatBytes(37_000, 'vi')).toBe('36 kB')
    expect(formatBytes(1_572_864, 'vi')).toBe('1,5 MB')
    expect(formatBytes(1_572_864, 'en')).toBe('1.5 MB')
  })

  it('maps i18next languages to the two display languages', () => {
    expect(displayLanguage('en')).toBe('en')
    expect(displayLanguage('en-GB')).toBe('en')
    expect(displayLanguage('vi')).toBe('vi')
    expect(displayLanguage('fr')).toBe('vi')
  })
})
