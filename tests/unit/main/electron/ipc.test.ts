import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAppServices, type AppServices } from '../../../../src/main/app-services'
import {
  registerIpcBridge,
  type EventReceiver,
  type InvokeEventLike,
  type IpcMainLike,
} from '../../../../src/main/electron/ipc'
import { createOriginCheck } from '../../../../src/main/electron/schemes'
import { createLogger } from '../../../../src/main/services/logger'
import { ELECTRON_EVENT_CHANNEL, ELECTRON_INVOKE_CHANNEL } from '../../../../src/shared/ipc/contract'

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>

/** ipcMain as far as the bridge sees it: a table of handlers the test can call like Electron would. */
function fakeIpcMain() {
  const handlers = new Map<string, Listener>()
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  }
  const invoke = (frameUrl: string | null, ...args: unknown[]) => {
    const handler = handlers.get(ELECTRON_INVOKE_CHANNEL)
    if (!handler) throw new Error('no handler registered')
    return handler({ senderFrame: frameUrl === null ? null : { url: frameUrl }, sender: { id: 7 } }, ...args)
  }
  return { ipcMain, handlers, invoke }
}

function fakeWindow(url: string) {
  const sent: unknown[][] = []
  let isDestroyed = false
  const receiver: EventReceiver = {
    send: (...args) => void sent.push(args),
    isDestroyed: () => isDestroyed,
    getURL: () => url,
  }
  return { receiver, sent, destroy: () => (isDestroyed = true) }
}

describe('ipc', () => {
  let dir: string
  let services: AppServices
  const warnings: string[] = []
  const log = createLogger((level, line) => void (level === 'warn' && warnings.push(line)))

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'daixa-ipc-'))
    services = await createAppServices({
      dataDir: dir,
      info: { version: '0.1.0', host: 'electron', platform: 'linux', mediaBaseUrl: 'daixa-media://media/' },
      log,
    })
  })
  afterEach(async () => {
    await services.stop()
    await rm(dir, { recursive: true, force: true })
  })

  const register = (windows: EventReceiver[] = []) => {
    const ipc = fakeIpcMain()
    const dispose = registerIpcBridge({
      ipcMain: ipc.ipcMain,
      dispatch: services.dispatch,
      bus: services.bus,
      isTrustedOrigin: createOriginCheck(null),
      targets: () => windows,
      log,
    })
    return { ...ipc, dispose }
  }

  it('dispatches a call from the app page to the shared handlers', async () => {
    const { invoke } = register()
    const result = await invoke('app://daixa/index.html', 'app:info', {})
    expect(result).toEqual({
      ok: true,
      value: {
        version: '0.1.0',
        host: 'electron',
        platform: 'linux',
        mediaBaseUrl: 'daixa-media://media/',
        dataDir: dir,
      },
    })
  })

  it('refuses calls from other origins and from destroyed frames', async () => {
    const { invoke } = register()
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://other/']) {
      expect(await invoke(url, 'app:info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    expect(await invoke(null, 'app:info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(warnings.some((w) => w.startsWith('ipc: refused a call from https://evil.example/'))).toBe(true)
  })

  it('refuses a call when reading the sender frame throws', async () => {
    const { handlers } = register()
    const handler = handlers.get(ELECTRON_INVOKE_CHANNEL)!
    const gone: InvokeEventLike = {
      get senderFrame(): { url: string } | null {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed')
      },
      sender: { id: 7 },
    }
    expect(await handler(gone, 'app:info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('passes invalid input and unknown channels to the dispatcher, which refuses them', async () => {
    const { invoke } = register()
    expect(await invoke('app://daixa/', 'settings:update', { language: 'fr' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
    expect(await invoke('app://daixa/', 'shell:exec', { cmd: 'rm' })).toMatchObject({
      ok: false,
      error: { code: 'unknown-command' },
    })
    expect(await invoke('app://daixa/', 42, {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })

  it('forwards bus events to live app windows only', async () => {
    const app = fakeWindow('app://daixa/index.html')
    const closed = fakeWindow('app://daixa/index.html')
    const foreign = fakeWindow('https://evil.example/')
    closed.destroy()
    const { invoke } = register([app.receiver, closed.receiver, foreign.receiver])
    await invoke('app://daixa/', 'settings:update', { language: 'en' })
    expect(app.sent).toEqual([
      [ELECTRON_EVENT_CHANNEL, 'settings:changed', expect.objectContaining({ language: 'en' })],
    ])
    expect(closed.sent).toEqual([])
    expect(foreign.sent).toEqual([])
  })

  it('stops answering and forwarding once disposed', () => {
    const app = fakeWindow('app://daixa/index.html')
    const { handlers, dispose } = register([app.receiver])
    dispose()
    expect(handlers.has(ELECTRON_INVOKE_CHANNEL)).toBe(false)
    services.bus.emit('app:menu', { action: 'open-record' })
    expect(app.sent).toEqual([])
  })
})
