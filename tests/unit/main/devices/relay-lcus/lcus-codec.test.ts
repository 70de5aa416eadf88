import { describe, expect, it } from 'vitest'
import { fromHex, fromLatin1, toHex } from '../../../../../src/main/devices/bytes'
import {
  decodeLcusCommand,
  encodeLcusFrame,
  encodeLcusStatus,
  lcusStatusParser,
  parseLcusStatus,
} from '../../../../../src/main/devices/relay-lcus/lcus-codec'

describe('relay-lcus codec', () => {
  it.each([
    [1, true, 'A0 01 01 A2'],
    [1, false, 'A0 01 00 A1'],
    [2, true, 'A0 02 01 A3'],
    [2, false, 'A0 02 00 A2'],
    [3, true, 'A0 03 01 A4'],
    [3, false, 'A0 03 00 A3'],
    [4, true, 'A0 04 01 A5'],
    [4, false, 'A0 04 00 A4'],
  ])('builds the documented frame when channel %i is switched on=%s', (channel, isOn, hex) => {
    expect(toHex(encodeLcusFrame(channel, isOn))).toBe(hex)
  })

  it('refuses channels outside 1…8 when building a frame', () => {
    expect(() => encodeLcusFrame(0, true)).toThrow(/1…8/)
    expect(() => encodeLcusFrame(9, true)).toThrow(/1…8/)
  })

  it('decodes frames and the FF query when CR LF noise sits between them', () => {
    const stream = fromHex('A0 03 01 A4 FF 0D 0A A0 03 00 A3')
    const commands = []
    let rest = stream
    for (;;) {
      const step = decodeLcusCommand(rest)
      if (step.kind === 'need-more') break
      rest = rest.subarray(step.consumed)
      if (step.kind === 'command') commands.push(step.command)
    }
    expect(commands).toEqual([
      { kind: 'set', channel: 3, isOn: true },
      { kind: 'query' },
      { kind: 'set', channel: 3, isOn: false },
    ])
  })

  it('skips the frame when its checksum is wrong or waits when it is incomplete', () => {
    expect(decodeLcusCommand(fromHex('A0 01 01 A3'))).toEqual({ kind: 'skip', consumed: 1 })
    expect(decodeLcusCommand(fromHex('A0 01'))).toEqual({ kind: 'need-more' })
  })

  it('formats and parses CHn status lines when the board reports its relays', () => {
    const text = encodeLcusStatus([true, false, false, true])
    expect(text).toBe('CH1: ON\r\nCH2: OFF\r\nCH3: OFF\r\nCH4: ON\r\n')
    expect([...parseLcusStatus(text)]).toEqual([
      [1, true],
      [2, false],
      [3, false],
      [4, true],
    ])
  })

  it('waits for every channel line when a status reply is still arriving', () => {
    const parse = lcusStatusParser(4)
    expect(parse(fromLatin1('CH1: ON\r\nCH2: OFF\r\n'))).toEqual({ kind: 'need-more' })
    expect(parse(fromLatin1('CH1: ON\r\nCH2: OFF\r\nCH3: ON\r\nCH4: OFF\r\n'))).toEqual({
      kind: 'reply',
      value: [true, false, true, false],
      consumed: 38,
    })
  })
})
