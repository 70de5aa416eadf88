import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { devRendererUrl, hasSwitch, resolveDataDir } from '../../../../src/main/electron/startup-options'

describe('startup-options', () => {
  const userData = '/home/officer/.config/Đài Xã'

  it('takes the data folder from --data-dir= first', () => {
    const argv = ['/opt/dai-xa/dai-xa', '--data-dir=/srv/daixa', '--no-sandbox']
    expect(resolveDataDir(argv, { DAIXA_DATA_DIR: '/elsewhere' }, userData)).toBe('/srv/daixa')
  })

  it('makes a relative --data-dir absolute', () => {
    expect(resolveDataDir(['x', '--data-dir=station-data'], {}, userData)).toBe(resolve('station-data'))
  })

  it('falls back to DAIXA_DATA_DIR, then to <userData>/data', () => {
    expect(resolveDataDir(['x'], { DAIXA_DATA_DIR: '/var/lib/daixa' }, userData)).toBe('/var/lib/daixa')
    expect(resolveDataDir(['x'], { DAIXA_DATA_DIR: '  ' }, userData)).toBe(join(userData, 'data'))
    expect(resolveDataDir(['x', '--data-dir='], {}, userData)).toBe(join(userData, 'data'))
  })

  it('uses the dev server URL only in an unpackaged app and only for http(s)', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' }
    expect(devRendererUrl(env, false)).toBe('http://localhost:5173/')
    expect(devRendererUrl(env, true)).toBeNull()
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'file:///tmp/evil.html' }, false)).toBeNull()
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: '::junk::' }, false)).toBeNull()
    expect(devRendererUrl({}, false)).toBeNull()
  })

  it('finds a bare switch', () => {
    expect(hasSwitch(['x', '--devtools'], 'devtools')).toBe(true)
    expect(hasSwitch(['x', '--devtools=0'], 'devtools')).toBe(false)
  })
})
