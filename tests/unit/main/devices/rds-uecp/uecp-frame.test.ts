import { describe, expect, it } from 'vitest'
import { fromHex, toHex } from '../../../../../src/main/devices/bytes'
import {
  createUecpStreamDecoder,
  crc16Genibus,
  decodeUecpFrameBody,
  encodeUecpFrame,
  stuff,
  unstuff,
} from '../../../../../src/main/devices/rds-uecp/uecp-frame'

describe('rds-uecp frame', () => {
  it('computes CRC-16/GENIBUS with the catalogue check value when given "123456789"', () => {
    expect(crc16Genibus(new TextEncoder().encode('123456789'))).toBe(0xd64e)
  })

  it('stuffs and unstuffs the bytes when FD, FE or FF appear inside a frame', () => {
    const raw = fromHex('12 FD 15 FF AB FE 26')
    expect(toHex(stuff(raw))).toBe('12 FD 00 15 FD 02 AB FD 01 26')
    expect(toHex(unstuff(stuff(raw)))).toBe(toHex(raw))
    expect(() => unstuff(fromHex('12 FD 03'))).toThrow(/stuffing/)
  })

  it.each([
    ['empty message, SQC 0', 0, [], 'FE 00 00 00 00 7B 3F FF'],
    ['empty message, SQC FE (stuffed)', 0xfe, [], 'FE 00 00 FD 01 00 4B F1 FF'],
    ['SQC FE, MEC 01 PI 00FF', 0xfe, [0x01, 0x00, 0x00, 0x00, 0xff], 'FE 00 00 FD 01 05 01 00 00 00 FD 02 0D 3D FF'],
    ['encoder ACK OK, SQC 2A', 0x2a, [0x18, 0x00], 'FE 00 00 2A 02 18 00 4A B0 FF'],
    ['encoder DSN = 2 reply', 0x2b, [0x1c, 0x02], 'FE 00 00 2B 02 1C 02 D0 82 FF'],
  ])('encodes the python-uecp vector when the frame is %s', (_, sequence, message, hex) => {
    expect(toHex(encodeUecpFrame({ sequence, message }))).toBe(hex)
  })

  it('round-trips site and encoder addresses when both are at their maximum', () => {
    const bytes = encodeUecpFrame({ site: 0x3ff, encoder: 0x3f, sequence: 7, message: [0x07, 0, 0, 3] })
    expect(toHex(bytes.subarray(0, 5))).toBe('FE FD 02 FD 02')
    const frame = decodeUecpFrameBody(bytes.subarray(1, bytes.length - 1))
    expect(frame).toMatchObject({ site: 0x3ff, encoder: 0x3f, sequence: 7 })
    expect([...frame.message]).toEqual([0x07, 0, 0, 3])
  })

  it('rejects out-of-range addresses when encoding', () => {
    expect(() => encodeUecpFrame({ site: 0x400, message: [] })).toThrow(/site address/)
    expect(() => encodeUecpFrame({ encoder: 64, message: [] })).toThrow(/encoder address/)
  })

  it('reports CRC and length errors when decoding a damaged frame', () => {
    expect(() => decodeUecpFrameBody(fromHex('00 00 00 00 7B 3E'))).toThrow(/CRC/)
    expect(() => decodeUecpFrameBody(fromHex('00 00 00'))).toThrow(/too short/)
  })

  it('splits frames when ASCII precedes FE and a new FE restarts a frame', () => {
    const decoder = createUecpStreamDecoder()
    const part1 = fromHex('50 53 3D 0D FE 00 00 2A 02 18')
    const part2 = fromHex('00 4A B0 FF FE 00 00 FE 00 00 00 00 7B 3F FF')
    const items = [...decoder.push(part1), ...decoder.push(part2)]
    expect(items.map((i) => i.kind)).toEqual(['frame', 'frame'])
    expect(items[0]?.kind === 'frame' && items[0].frame.sequence).toBe(0x2a)
  })
})
