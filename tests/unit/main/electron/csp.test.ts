import { describe, expect, it } from 'vitest'
import { APP_RESPONSE_HEADERS, ELECTRON_CSP, electronCsp, parseCsp } from '../../../../src/main/electron/csp'

describe('csp', () => {
  const directives = parseCsp(ELECTRON_CSP)

  it('has every directive the Electron host requires', () => {
    expect(directives.get('default-src')).toEqual(["'self'"])
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"])
    expect(directives.get('worker-src')).toEqual(expect.arrayContaining(["'self'", 'blob:']))
    expect(directives.get('media-src')).toEqual(expect.arrayContaining(["'self'", 'daixa-media:']))
    expect(directives.get('img-src')).toEqual(expect.arrayContaining(["'self'", 'data:', 'blob:']))
    expect(directives.get('style-src')).toEqual(expect.arrayContaining(["'self'", "'unsafe-inline'"]))
    expect(directives.get('connect-src')).toEqual(expect.arrayContaining(["'self'", 'daixa-media:']))
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(directives.get('base-uri')).toEqual(["'none'"])
    expect(directives.get('frame-ancestors')).toEqual(["'none'"])
  })

  it('allows no inline or eval script, and no remote source but https media (relayed streams)', () => {
    const all = [...directives.values()].flat()
    expect(all).not.toContain("'unsafe-eval'")
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'")
    const remote = [...directives].flatMap(([name, sources]) =>
      sources.filter((s) => /^(https?|wss?):/.test(s) || s === '*').map((s) => `${name} ${s}`),
    )
    expect(remote).toEqual(['media-src https:'])
  })

  it('drops the browser host WebSocket sources and keeps the rest', () => {
    const shared = "default-src 'self'; connect-src 'self' ws://127.0.0.1:* wss://x daixa-media:; object-src 'none'"
    expect(electronCsp(shared)).toBe("default-src 'self'; connect-src 'self' daixa-media:; object-src 'none'")
  })

  it('sends the policy with no-sniff, no-referrer and cross-origin isolation headers', () => {
    expect(APP_RESPONSE_HEADERS).toMatchObject({
      'Content-Security-Policy': ELECTRON_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Referrer-Policy': 'no-referrer',
    })
  })
})
