import { describe, expect, it } from 'vitest'
import {
  APP_ORIGIN,
  createOriginCheck,
  MEDIA_BASE_URL,
  originOf,
  PRIVILEGED_SCHEMES,
} from '../../../../src/main/electron/schemes'

describe('schemes', () => {
  it('gives protocol and host for custom schemes, which Node reports as origin "null"', () => {
    expect(new URL('app://daixa/index.html').origin).toBe('null')
    expect(originOf('app://daixa/index.html#/record')).toBe('app://daixa')
    expect(originOf('http://localhost:5173/src/main.tsx')).toBe('http://localhost:5173')
  })

  it('gives null for URLs without a host and for junk', () => {
    for (const url of ['file:///etc/passwd', 'about:blank', 'data:text/html,hi', 'not a url', '']) {
      expect(originOf(url)).toBeNull()
    }
  })

  it('trusts only the app origin when there is no dev server', () => {
    const isTrusted = createOriginCheck(null)
    expect(isTrusted('app://daixa/index.html')).toBe(true)
    expect(isTrusted(APP_ORIGIN)).toBe(true)
    for (const other of [
      'app://evil/index.html',
      'app://daixa.evil/',
      'daixa-media://media/x.wav',
      'http://localhost:5173/',
      'https://daixa/',
      'file:///work/out/renderer/index.html',
      null,
      undefined,
      '',
    ]) {
      expect(isTrusted(other)).toBe(false)
    }
  })

  it('also trusts the dev server origin when one is given, and no other port', () => {
    const isTrusted = createOriginCheck('http://localhost:5173/')
    expect(isTrusted('http://localhost:5173/index.html')).toBe(true)
    expect(isTrusted('http://localhost:5174/')).toBe(false)
    expect(isTrusted('http://127.0.0.1:5173/')).toBe(false)
  })

  it('registers both schemes as standard and secure, with streaming for media', () => {
    const byName = new Map(PRIVILEGED_SCHEMES.map((s) => [s.scheme, s.privileges]))
    expect(byName.get('app')).toMatchObject({ standard: true, secure: true, supportFetchAPI: true })
    expect(byName.get('daixa-media')).toMatchObject({ standard: true, secure: true, stream: true, corsEnabled: true })
    for (const privileges of byName.values()) expect(privileges?.bypassCSP).not.toBe(true)
    expect(MEDIA_BASE_URL).toBe('daixa-media://media/')
  })
})
