import { describe, expect, it } from 'vitest'
import { fromLatin1, latin1, toHex } from '../../../../../src/main/devices/bytes'
import {
  asciiCommands,
  asciiReplyParser,
  classifyAsciiReply,
  encodeAsciiCommand,
  formatAsciiCommand,
} from '../../../../../src/main/devices/rds-ascii/ascii-codec'

describe('rds-ascii codec', () => {
  it('formats set, store and query lines the PIRA way when given typed commands', () => {
    expect(formatAsciiCommand(asciiCommands.pi(0x3201))).toBe('PI=3201')
    expect(formatAsciiCommand(asciiCommands.ps('Đài Xã', 'ascii'))).toBe('PS=Dai Xa  ')
    expect(formatAsciiCommand({ ...asciiCommands.ps('DAI XA', 'ascii'), isStored: true })).toBe('*PS=DAI XA  ')
    expect(formatAsciiCommand(asciiCommands.rt('Bản tin sáng', 'ascii'))).toBe('RT1=Ban tin sang')
    expect(formatAsciiCommand(asciiCommands.ta(true))).toBe('TA=1')
    expect(formatAsciiCommand(asciiCommands.pty(3))).toBe('PTY=3')
    expect(formatAsciiCommand(asciiCommands.af([98.5, 101.2]))).toBe('AF=98.5,101.2')
    expect(formatAsciiCommand(asciiCommands.storeAll())).toBe('*ALL')
    expect(formatAsciiCommand(asciiCommands.query('ps'))).toBe('PS')
  })

  it('terminates with CR and sends RDS-table bytes when the encoding is rds', () => {
    expect(latin1(encodeAsciiCommand(asciiCommands.pi(0x3201)))).toBe('PI=3201\r')
    expect(toHex(encodeAsciiCommand(asciiCommands.ps('Thông', 'rds'), 'rds'))).toBe(
      '50 53 3D 54 68 96 6E 67 20 20 20 0D',
    )
  })

  it('refuses before sending when PTY is above 31 or PI above FFFF', () => {
    expect(() => asciiCommands.pty(32)).toThrow(/PTY must be 0…31/)
    expect(() => asciiCommands.pi(0x10000)).toThrow(/PI must be/)
  })

  it.each([
    ['+', { kind: 'ok' }],
    ['!', { kind: 'unknown-command' }],
    ['-', { kind: 'invalid-argument' }],
    ['/', { kind: 'partial' }],
    ['3201', { kind: 'value', value: '3201' }],
  ])('classifies the reply when the encoder answers %s', (block, expected) => {
    expect(classifyAsciiReply(block)).toEqual(expected)
  })

  it('waits for CR LF CR LF and strips an echoed command when ECHO=1', () => {
    const parse = asciiReplyParser('PS=DAI XA  ')
    expect(parse(fromLatin1('+\r\n'))).toEqual({ kind: 'need-more' })
    expect(parse(fromLatin1('+\r\n\r\n'))).toEqual({ kind: 'reply', value: { kind: 'ok' }, consumed: 5 })
    expect(parse(fromLatin1('PS=DAI XA  \r+\r\n\r\n'))).toEqual({ kind: 'reply', value: { kind: 'ok' }, consumed: 17 })
  })
})
