import { describe, expect, it } from 'vitest'
import { fromHex, toHex } from '../../../../../src/main/devices/bytes'
import {
  crc16Modbus,
  encodeModbusRequest,
  encodeModbusResponse,
  FC_READ_COILS,
  FC_WRITE_COIL,
  FC_WRITE_COILS,
  modbusReplyParser,
  ModbusException,
  type ModbusRequest,
} from '../../../../../src/main/devices/relay-modbus/modbus-codec'
import { decodeModbusRequest } from '../../../../../src/main/devices/relay-modbus/modbus-request-decoder'

const on = (address: number, unit = 1): ModbusRequest => ({ fc: FC_WRITE_COIL, unit, address, value: 0xff00 })
const off = (address: number): ModbusRequest => ({ fc: FC_WRITE_COIL, unit: 1, address, value: 0 })
const readEight: ModbusRequest = { fc: FC_READ_COILS, unit: 1, address: 0, count: 8 }
const all = (isOn: boolean): ModbusRequest => ({ fc: FC_WRITE_COILS, unit: 1, address: 0, values: Array(8).fill(isOn) })

describe('relay-modbus codec', () => {
  it('computes CRC-16/MODBUS with the catalogue check value when given "123456789"', () => {
    expect(crc16Modbus(new TextEncoder().encode('123456789'))).toBe(0x4b37)
  })

  it.each([
    ['relay 1 on', on(0), '01 05 00 00 FF 00 8C 3A'],
    ['relay 1 off', off(0), '01 05 00 00 00 00 CD CA'],
    ['relay 2 on', on(1), '01 05 00 01 FF 00 DD FA'],
    ['read 8 relays', readEight, '01 01 00 00 00 08 3D CC'],
    ['all 8 off', all(false), '01 0F 00 00 00 08 01 00 FE 95'],
    ['all 8 on', all(true), '01 0F 00 00 00 08 01 FF BE D5'],
    ['LCTech unit 255 relay 1 on', on(0, 255), 'FF 05 00 00 FF 00 99 E4'],
  ])('builds the documented request bytes when asked for %s', (_, request, hex) => {
    expect(toHex(encodeModbusRequest(request))).toBe(hex)
  })

  it('decodes the documented FC01 reply into relay states when relays 1 and 3 are on', () => {
    const step = modbusReplyParser(readEight)(fromHex('01 01 01 05 91 8B'))
    expect(step.kind).toBe('reply')
    if (step.kind !== 'reply' || step.value.kind !== 'coils') throw new Error('expected coils')
    expect(step.value.bits.slice(0, 4)).toEqual([true, false, true, false])
    expect(toHex(encodeModbusResponse({ kind: 'coils', unit: 1, bits: [true, false, true, false] }))).toBe(
      '01 01 01 05 91 8B',
    )
  })

  it('waits for the whole reply and skips noise when bytes arrive in pieces', () => {
    const parse = modbusReplyParser(on(0))
    expect(parse(fromHex('01 05 00 00'))).toEqual({ kind: 'need-more' })
    expect(parse(fromHex('00 01 05'))).toEqual({ kind: 'skip', consumed: 1 })
    expect(parse(fromHex('01 05 00 00 FF 00 8C 3A'))).toMatchObject({ kind: 'reply', consumed: 8 })
  })

  it('fails with a ModbusException carrying the code when the reply is an exception', () => {
    const exception = encodeModbusResponse({ kind: 'exception', unit: 1, fc: FC_WRITE_COIL, code: 2 })
    expect(toHex(exception).slice(0, 8)).toBe('01 85 02')
    const step = modbusReplyParser(on(0))(exception)
    expect(step.kind).toBe('fail')
    if (step.kind !== 'fail') throw new Error('expected fail')
    expect(step.error).toBeInstanceOf(ModbusException)
    expect(step.error.message).toMatch(/exception 2 \(illegal data address\)/)
  })

  it('fails the reply when its CRC is wrong', () => {
    const step = modbusReplyParser(on(0))(fromHex('01 05 00 00 FF 00 8C 3B'))
    expect(step).toMatchObject({ kind: 'fail', consumed: 8 })
  })

  it('cuts requests out of the stream when the device side receives FC05 and FC0F back to back', () => {
    const stream = fromHex('01 05 00 01 FF 00 DD FA 01 0F 00 00 00 08 01 FF BE D5')
    const first = decodeModbusRequest(stream)
    expect(first).toMatchObject({ kind: 'request', consumed: 8, request: { unit: 1, fc: 5 } })
    const second = decodeModbusRequest(stream.subarray(8))
    expect(second).toMatchObject({ kind: 'request', consumed: 10, request: { unit: 1, fc: 15 } })
    expect(decodeModbusRequest(stream.subarray(8, 14))).toEqual({ kind: 'need-more' })
  })
})
