import { describe, expect, it } from 'vitest'
import { fromLatin1 } from '../../../../../src/main/devices/bytes'
import { exciterLineParser } from '../../../../../src/main/devices/exciter/exciter-driver'
import {
  EXCITER_PROFILES,
  fillTemplate,
  parseExciterNumber,
  parseExciterReply,
  templateMatcher,
  type ExciterProfile,
} from '../../../../../src/main/devices/exciter/exciter-profile'
import { vswrFrom } from '../../../../../src/main/devices/exciter/exciter'

const profile = (id: string): ExciterProfile => {
  const found = EXCITER_PROFILES[id]
  if (!found) throw new Error(`no profile ${id}`)
  return found
}

describe('exciter profile', () => {
  it('recognises the filled line on the device side when a template has a {value}', () => {
    const crown = profile('crown-ascii')
    const line = fillTemplate(crown.setFrequency?.send ?? '', '60.5')
    expect(line).toBe('TX.FREQ=60.5')
    expect(templateMatcher('TX.FREQ={value}').exec(line)?.[1]).toBe('60.5')
    expect(templateMatcher('TX.FREQ={value}').test('TXxFREQ=60.5')).toBe(false)
    expect(templateMatcher('FP?').test('FP?')).toBe(true)
  })

  it('reads values with the configured regex when the reply fits', () => {
    const bridge = profile('daixa-bridge')
    const spec = bridge.readForward
    if (!spec) throw new Error('no readForward')
    expect(parseExciterReply(bridge, spec, 'FWD=24.5\r')).toEqual({ isError: false, line: 'FWD=24.5', value: '24.5' })
    expect(parseExciterReply(bridge, spec, 'ERR')).toEqual({ isError: true, line: 'ERR' })
    expect(() => parseExciterReply(bridge, spec, 'TEMP=30')).toThrow(/does not match/)
  })

  it('reads SRK numbers when spaces stand for leading zeros', () => {
    const srk = profile('srk-telemetry')
    const spec = srk.readReflected
    if (!spec) throw new Error('no readReflected')
    const reply = parseExciterReply(srk, spec, ' 00W\r\n')
    expect(reply.isError).toBe(false)
    expect(parseExciterNumber(reply.isError ? undefined : reply.value)).toBe(0)
    expect(parseExciterNumber(' 7.5')).toBe(7.5)
    expect(parseExciterNumber('abc')).toBeUndefined()
  })

  it('cuts replies at the end marker and skips blank lines when the reply is split', () => {
    const srkParse = exciterLineParser('>')
    expect(srkParse(fromLatin1('300W\r\n'))).toEqual({ kind: 'need-more' })
    expect(srkParse(fromLatin1('300W\r\n>'))).toEqual({ kind: 'reply', value: '300W\r\n', consumed: 7 })
    const lineParse = exciterLineParser('\r\n')
    expect(lineParse(fromLatin1('\r\nOK\r\n'))).toEqual({ kind: 'skip', consumed: 2 })
  })

  it('computes VSWR when forward and reflected power are known', () => {
    expect(vswrFrom(25, 0)).toBe(1)
    expect(vswrFrom(25, 1)).toBe(1.5)
    expect(vswrFrom(0, 1)).toBeUndefined()
  })
})
