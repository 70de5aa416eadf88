import { describe, expect, it } from 'vitest'
import { mainWindowOptions } from '../../../../src/main/electron/window-options'

describe('window-options', () => {
  const options = mainWindowOptions({ preloadPath: '/app/out/preload/index.cjs', hasDevTools: false, title: 'Đài Xã' })
  const prefs = options.webPreferences ?? {}

  it('runs the page sandboxed and isolated, with no Node and web security on', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      preload: '/app/out/preload/index.cjs',
    })
  })

  it('keeps time and plays without a click when hidden (scheduled broadcasts)', () => {
    expect(prefs.backgroundThrottling).toBe(false)
    expect(prefs.autoplayPolicy).toBe('no-user-gesture-required')
  })

  it('has no DevTools unless asked, and no spell-check downloads', () => {
    expect(prefs.devTools).toBe(false)
    expect(prefs.spellcheck).toBe(false)
    const dev = mainWindowOptions({ preloadPath: 'p', hasDevTools: true, title: 't' })
    expect(dev.webPreferences?.devTools).toBe(true)
  })

  it('shows the window only when it is ready to paint', () => {
    expect(options.show).toBe(false)
  })
})
