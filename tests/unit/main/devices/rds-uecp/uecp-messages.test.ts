import { describe, expect, it } from 'vitest'
import { toHex } from '../../../../../src/main/devices/bytes'
import { encodeUecpFrame } from '../../../../../src/main/devices/rds-uecp/uecp-frame'
import { decodeUecpMessage } from '../../../../../src/main/devices/rds-uecp/uecp-message-decoder'
import {
  ackElement,
  diElement,
  piElement,
  psElement,
  ptyElement,
  ptynElement,
  requestElement,
  rtElement,
  taTpElement,
} from '../../../../../src/main/devices/rds-uecp/uecp-messages'

const frame = (message: number[]): string => toHex(encodeUecpFrame({ message }))

describe('rds-uecp messages', () => {
  it.each([
    ['PS "RADIO 1 "', psElement('RADIO 1'), 'FE 00 00 00 0B 02 00 00 52 41 44 49 4F 20 31 20 D5 20 FF'],
    ['PI 3201', piElement(0x3201), 'FE 00 00 00 05 01 00 00 32 01 7D 0B FF'],
    ['TA on + TP on', taTpElement({ ta: true, tp: true }), 'FE 00 00 00 04 03 00 00 03 EC 78 FF'],
    ['PTY 3 (Information)', ptyElement(3), 'FE 00 00 00 04 07 00 00 03 26 89 FF'],
    [
      'RT "Now: Ban tin sang"',
      rtElement('Now: Ban tin sang'),
      'FE 00 00 00 16 0A 00 00 12 00 4E 6F 77 3A 20 42 61 6E 20 74 69 6E 20 73 61 6E 67 E5 77 FF',
    ],
  ])('builds the documented frame when sending %s', (_, element, hex) => {
    expect(frame(element)).toBe(hex)
  })

  it.each([
    ['PI with DSN 3F PSN DA', piElement(0xabcd, { dsn: 0x3f, psn: 0xda }), '01 3F DA AB CD'],
    ['PS "RADIO 1" on PSN 2', psElement('RADIO 1', { dsn: 0, psn: 2 }), '02 00 02 52 41 44 49 4F 20 31 20'],
    ['TP on TA off on PSN 5', taTpElement({ ta: false, tp: true }, { dsn: 0, psn: 5 }), '03 00 05 02'],
    ['DI stereo on PSN 3', diElement(1, { dsn: 0, psn: 3 }), '04 00 03 01'],
    ['PTY 8 on PSN 5', ptyElement(8, { dsn: 0, psn: 5 }), '07 00 05 08'],
    [
      'RT "RDS", 5 transmissions, toggle',
      rtElement('RDS', { transmissions: 5, toggle: true }, { dsn: 0, psn: 1 }),
      '0A 00 01 04 0B 52 44 53',
    ],
    ['RT cleared', rtElement(''), '0A 00 00 00'],
    ['PTYN "Football"', ptynElement('Football'), '3E 00 00 46 6F 6F 74 62 61 6C 6C'],
    ['ACK OK', ackElement(0), '18 00'],
    ['ACK parameter out of range for SQC 9', ackElement(6, 9), '18 06 09'],
    ['request PI', requestElement(0x01), '17 03 01 00 00'],
  ])('builds the python-uecp element bytes when given %s', (_, element, hex) => {
    expect(toHex(element)).toBe(hex)
  })

  it('decodes back to the same values when given elements it built', () => {
    const message = Uint8Array.from([
      ...piElement(0x3201),
      ...psElement('Đài Xã'),
      ...rtElement('Thông báo', { buffer: 'append', transmissions: 2 }),
      ...taTpElement({ ta: true, tp: false }),
      ...ackElement(3, 4),
    ])
    expect(decodeUecpMessage(message)).toEqual([
      { kind: 'pi', pi: 0x3201, dsn: 0, psn: 0 },
      { kind: 'ps', text: 'Dài Xã  ', dsn: 0, psn: 0 },
      { kind: 'rt', text: 'Thông báo', buffer: 'append', transmissions: 2, toggle: false, dsn: 0, psn: 0 },
      { kind: 'ta-tp', ta: true, tp: false, dsn: 0, psn: 0 },
      { kind: 'ack', code: 3, sequence: 4 },
    ])
  })

  it('rejects with invalid-input when a value does not fit the element', () => {
    expect(() => ptyElement(32)).toThrow(/PTY must be 0…31/)
    expect(() => piElement(0x10000)).toThrow(/PI/)
    expect(() => rtElement('x', { transmissions: 16 })).toThrow(/transmissions/)
  })

  it('marks the element unknown when it is truncated or its MEC is unknown', () => {
    expect(decodeUecpMessage(Uint8Array.of(0x01, 0x00, 0x00, 0x32))).toEqual([
      { kind: 'unknown', code: 1, bytes: Uint8Array.of(0x01, 0x00, 0x00, 0x32) },
    ])
    expect(decodeUecpMessage(Uint8Array.of(0x2d, 0x01))[0]).toMatchObject({ kind: 'unknown', code: 0x2d })
  })
})
