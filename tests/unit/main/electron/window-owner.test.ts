import { EventEmitter } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAppServices, type AppServices } from '../../../../src/main/app-services'
import { registerIpcBridge, type InvokeEventLike } from '../../../../src/main/electron/ipc'
import { createOriginCheck } from '../../../../src/main/electron/schemes'
import { watchWindowOwner, type OwnerContentsLike } from '../../../../src/main/electron/window-owner'
import { createLogger } from '../../../../src/main/services/logger'
import { ELECTRON_INVOKE_CHANNEL } from '../../../../src/shared/ipc/contract'
import type { InterruptedRecording } from '../../../../src/shared/ipc/recording'
import { newId } from '../../../../src/shared/ids'
import type { Result } from '../../../../src/shared/result'
import { noiseBytes } from '../../helpers/pcm'

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>

/** A window's web contents as far as ipc.ts and window-owner.ts see it: an id and its events. */
class FakeContents extends EventEmitter implements OwnerContentsLike {
  constructor(readonly id: number) {
    super()
  }
}

const log = createLogger(() => undefined)

describe('window-owner', () => {
  let dir: string
  let services: AppServices
  let handler: Listener
  let dispose: () => void

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'daixa-owner-'))
    services = await createAppServices({
      dataDir: dir,
      info: { version: '0.1.0', host: 'electron', platform: 'linux', mediaBaseUrl: 'daixa-media://media/' },
      log,
    })
    const handlers = new Map<string, Listener>()
    dispose = registerIpcBridge({
      ipcMain: { handle: (c, l) => void handlers.set(c, l), removeHandler: (c) => void handlers.delete(c) },
      dispatch: services.dispatch,
      bus: services.bus,
      isTrustedOrigin: createOriginCheck(null),
      targets: () => [],
      log,
    })
    const registered = handlers.get(ELECTRON_INVOKE_CHANNEL)
    if (!registered) throw new Error('no handler registered')
    handler = registered
  })
  afterEach(async () => {
    dispose()
    await services.stop()
    await rm(dir, { recursive: true, force: true })
  })

  const call = async (contents: FakeContents, channel: string, input: unknown): Promise<unknown> => {
    const event = { senderFrame: { url: 'app://daixa/index.html' }, sender: { id: contents.id } }
    const result = (await handler(event, channel, input)) as Result<unknown>
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}`)
    return result.value
  }
  const interrupted = async (contents: FakeContents) =>
    ((await call(contents, 'recording:listInterrupted', {})) as InterruptedRecording[]).map((r) => r.id)

  /** A window that has started a recording and sent one chunk. */
  async function recordingIn(contents: FakeContents): Promise<string> {
    const id = newId()
    await call(contents, 'recording:start', { id, title: 'cửa sổ', sampleRate: 8000 })
    await call(contents, 'recording:append', { id, seq: 0, pcm: noiseBytes(400, 1) })
    return id
  }

  /** Lets the owner's end (closing the file) finish: it runs after the event, asynchronously. */
  const settle = () => call(new FakeContents(0), 'recording:listInterrupted', {})

  it('ends the recording of a window whose page reloads, and not on an in-page navigation', async () => {
    const contents = new FakeContents(3)
    const stop = watchWindowOwner(contents, services.ownerGone, log)
    const id = await recordingIn(contents)
    contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true })
    contents.emit('did-start-navigation', { isMainFrame: false, isSameDocument: false })
    await settle()
    expect(await interrupted(contents)).toEqual([])
    contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false })
    await settle()
    expect(await interrupted(contents)).toEqual([id])
    stop()
  })

  it('ends the recording when the renderer process dies or the contents is destroyed', async () => {
    const crashed = new FakeContents(4)
    const closed = new FakeContents(5)
    const other = new FakeContents(6)
    const stops = [crashed, closed, other].map((c) => watchWindowOwner(c, services.ownerGone, log))
    const [a, b, c] = [await recordingIn(crashed), await recordingIn(closed), await recordingIn(other)]
    crashed.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 })
    closed.emit('destroyed')
    await settle()
    expect((await interrupted(other)).sort()).toEqual([a, b].sort())
    expect(await interrupted(other)).not.toContain(c)
    for (const stop of stops) stop()
    // Once unwatched, a window's events end nothing.
    other.emit('destroyed')
    await settle()
    expect(await interrupted(other)).not.toContain(c)
  })
})
