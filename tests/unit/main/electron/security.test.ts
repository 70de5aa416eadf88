import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { createOriginCheck } from '../../../../src/main/electron/schemes'
import {
  hardenWebContents,
  installSecurityGuards,
  isPermissionGranted,
  type GuardedContents,
  type SecurityGuardOptions,
} from '../../../../src/main/electron/security'
import { createLogger } from '../../../../src/main/services/logger'

const isTrusted = createOriginCheck(null)
const quiet = createLogger(() => undefined)

/** Something that emits like a WebContents; the guards' effect is read from the events they get. */
class FakeContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler
  }
  /** Emits a cancellable event and says whether a listener cancelled it. */
  fire(name: string, url = 'https://example.com/'): boolean {
    let isPrevented = false
    this.emit(name, { url, preventDefault: () => (isPrevented = true) })
    return isPrevented
  }
}

describe('security', () => {
  it('grants microphone capture and output choice to the app origin only', () => {
    const ask = (permission: string, origin: string, mediaTypes?: string[]) =>
      isPermissionGranted({ permission, origin, mediaTypes }, isTrusted)
    expect(ask('media', 'app://daixa/index.html', ['audio'])).toBe(true)
    expect(ask('speaker-selection', 'app://daixa/index.html')).toBe(true)
    expect(ask('media', 'https://evil.example/', ['audio'])).toBe(false)
    expect(ask('speaker-selection', 'file:///tmp/x.html')).toBe(false)
  })

  it('never grants the camera, even together with the microphone', () => {
    const app = 'app://daixa/index.html'
    expect(isPermissionGranted({ permission: 'media', origin: app, mediaTypes: ['video'] }, isTrusted)).toBe(false)
    expect(isPermissionGranted({ permission: 'media', origin: app, mediaTypes: ['audio', 'video'] }, isTrusted)).toBe(
      false,
    )
    expect(isPermissionGranted({ permission: 'media', origin: app, mediaTypes: [] }, isTrusted)).toBe(false)
    expect(isPermissionGranted({ permission: 'media', origin: 'app://daixa', mediaType: 'video' }, isTrusted)).toBe(
      false,
    )
    expect(isPermissionGranted({ permission: 'media', origin: 'app://daixa', mediaType: 'audio' }, isTrusted)).toBe(
      true,
    )
  })

  it('denies every other permission, even to the app', () => {
    for (const permission of [
      'display-capture',
      'notifications',
      'geolocation',
      'serial',
      'hid',
      'usb',
      'openExternal',
      'clipboard-read',
      'unknown',
    ]) {
      expect(isPermissionGranted({ permission, origin: 'app://daixa/' }, isTrusted), permission).toBe(false)
    }
  })

  it('blocks navigation, redirects, webviews and new windows', () => {
    const contents = new FakeContents()
    hardenWebContents(contents as unknown as GuardedContents, quiet)
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true)
    expect(contents.fire('will-navigate', 'app://daixa/other.html')).toBe(true)
    expect(contents.fire('will-redirect')).toBe(true)
    expect(contents.fire('will-attach-webview')).toBe(true)
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
  })

  it('installs handlers that answer per the policy and hardens contents created later', () => {
    type RequestHandler = (wc: unknown, permission: string, cb: (granted: boolean) => void, details: object) => void
    type CheckHandler = (wc: unknown, permission: string, origin: string, details: object) => boolean
    let request: RequestHandler | null = null
    let check: CheckHandler | null = null
    let device: (() => boolean) | null = null
    const app = new EventEmitter()
    const session = {
      setPermissionRequestHandler: (h: RequestHandler | null) => (request = h),
      setPermissionCheckHandler: (h: CheckHandler | null) => (check = h),
      setDevicePermissionHandler: (h: (() => boolean) | null) => (device = h),
    }
    const dispose = installSecurityGuards({
      app: app as unknown as SecurityGuardOptions['app'],
      session: session as unknown as SecurityGuardOptions['session'],
      isTrustedOrigin: isTrusted,
      log: quiet,
    })
    const answers: boolean[] = []
    const details = (requestingUrl: string, mediaTypes?: string[]) => ({ requestingUrl, isMainFrame: true, mediaTypes })
    request!(null, 'media', (g) => answers.push(g), details('app://daixa/index.html', ['audio']))
    request!(null, 'media', (g) => answers.push(g), details('app://daixa/index.html', ['video']))
    request!(null, 'notifications', (g) => answers.push(g), details('app://daixa/index.html'))
    expect(answers).toEqual([true, false, false])
    expect(check!(null, 'media', 'app://daixa', { mediaType: 'audio', isMainFrame: true })).toBe(true)
    expect(check!(null, 'media', 'https://evil.example', { mediaType: 'audio', isMainFrame: true })).toBe(false)
    expect(device!()).toBe(false)

    const later = new FakeContents()
    app.emit('web-contents-created', {}, later)
    expect(later.fire('will-navigate')).toBe(true)

    dispose()
    const afterDispose: boolean[] = []
    request!(null, 'media', (g) => afterDispose.push(g), details('app://daixa/index.html', ['audio']))
    expect(afterDispose).toEqual([false])
    expect(app.listenerCount('web-contents-created')).toBe(0)
  })
})
