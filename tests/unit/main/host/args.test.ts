import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseHostArgs } from '../../../../src/main/host/args'

describe('args', () => {
  it('reads the port and an absolute data dir when given as separate tokens', () => {
    const args = parseHostArgs(['--port', '0', '--data-dir', 'x'])
    expect(args.port).toBe(0)
    expect(args.dataDir).toBe(resolve('x'))
    expect(args.renderer).toBe(resolve('out/renderer'))
  })

  it('reads a value when it is joined with =', () => {
    const args = parseHostArgs(['--port=5199', '--data-dir=/tmp/daixa data', '--renderer=dist/r'])
    expect(args.port).toBe(5199)
    expect(args.dataDir).toBe('/tmp/daixa data')
    expect(args.renderer).toBe(resolve('dist/r'))
  })

  it('uses the defaults when no argument is given', () => {
    const args = parseHostArgs([])
    expect(args.port).toBe(5199)
    expect(args.dataDir).toBe(resolve('.daixa-data'))
  })

  it('rejects an unknown flag when one is given', () => {
    expect(() => parseHostArgs(['--colour', 'blue'])).toThrow(/colour/)
    expect(() => parseHostArgs(['--port', '1', '--verbose=yes'])).toThrow(/verbose/)
  })

  it('rejects a token when it is not a flag', () => {
    expect(() => parseHostArgs(['5199'])).toThrow(/unexpected argument 5199/)
    expect(() => parseHostArgs(['-p', '5199'])).toThrow(/unexpected argument -p/)
  })

  it('rejects a flag when its value is missing at the end', () => {
    expect(() => parseHostArgs(['--port'])).toThrow(/--port needs a value/)
    expect(() => parseHostArgs(['--port', '1', '--data-dir'])).toThrow(/--data-dir needs a value/)
  })

  it('rejects a flag when the next token is another flag instead of its value', () => {
    // Without this check the data folder would silently become a folder named "--port=5199".
    expect(() => parseHostArgs(['--data-dir', '--port=5199'])).toThrow(/--data-dir needs a value/)
  })

  it('rejects an empty value when the flag is joined with =', () => {
    // An empty port would coerce to 0 and the host would listen on a random port.
    expect(() => parseHostArgs(['--port='])).toThrow(/--port needs a value/)
  })

  it('rejects a port when it is out of range or not a whole number', () => {
    for (const port of ['65536', '70000', '-1', '1.5', 'abc']) {
      expect(() => parseHostArgs(['--port', port]), port).toThrow()
    }
    expect(parseHostArgs(['--port', '65535']).port).toBe(65535)
  })
})
