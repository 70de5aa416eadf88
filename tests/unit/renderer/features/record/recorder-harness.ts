/**
 * The recorder's surroundings, real where it matters: the main services (createAppServices over a
 * temporary data folder) answer every call through the real dispatcher, as the browser host does.
 * The connection between page and host is simulated the way the WebSocket bridge behaves: when it
 * drops, calls fail 'disconnected' (an answer on its way is lost, though the host did the work) and
 * the host ends what the page's connection owned; when it comes back, it is a new connection. The
 * host can also be restarted on the same data folder. The microphone is a source the test feeds.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAppServices, type AppServices } from '../../../../../src/main/app-services'
import { createLogger } from '../../../../../src/main/services/logger'
import type { CaptureBlock } from '../../../../../src/renderer/audio/capture/capture'
import { BridgeError } from '../../../../../src/renderer/bridge/bridge-error'
import type { RecorderHost } from '../../../../../src/renderer/features/record/recorder-host'
import type { BlockListener, MicrophoneSource } from '../../../../../src/renderer/features/record/useMicrophone'
import type { Channel, CommandInput, CommandOutput } from '../../../../../src/shared/ipc/contract'

export interface TestHost extends RecorderHost {
  readonly dataDir: string
  services(): AppServices
  /** The connection drops: calls fail, the host ends what this connection owned. */
  drop(): Promise<void>
  /** The connection comes back (a new connection). */
  reconnect(): void
  /** The host process stops (while the connection is down) and starts again on the same folder. */
  restart(): Promise<void>
  /** The next answer is lost: the host does the work, then the connection drops. */
  loseNextAnswer(): void
  /** Calls get no answer until `thaw` (a host frozen, its socket still open). */
  freeze(): void
  thaw(): void
  close(): Promise<void>
}

const log = createLogger(() => undefined)

async function startServices(dataDir: string): Promise<AppServices> {
  const services = await createAppServices({
    dataDir,
    info: { version: '0.0.0-test', host: 'browser', platform: 'linux', mediaBaseUrl: '/media/' },
    log,
  })
  await services.dispatch('settings:update', { minRecordingSeconds: 0 }, { sender: 'test' })
  return services
}

export async function startTestHost(): Promise<TestHost> {
  const dataDir = await mkdtemp(join(tmpdir(), 'daixa-recorder-'))
  let services = await startServices(dataDir)
  let connection = 1
  let isUp = true
  let frozen: Promise<void> | null = null
  let isLosingNextAnswer = false
  let thaw = (): void => undefined
  const listeners = new Set<(isConnected: boolean) => void>()
  const tell = (value: boolean) => listeners.forEach((l) => l(value))
  const owner = () => `ws:${connection}`

  async function call<C extends Channel>(channel: C, input: CommandInput<C>): Promise<CommandOutput<C>> {
    if (!isUp) throw new BridgeError('disconnected', 'test: the host cannot be reached')
    if (frozen) await frozen
    const sentOn = connection
    const result = await services.dispatch(channel, input, { sender: 'test', owner: `ws:${sentOn}` })
    if (isLosingNextAnswer) {
      isLosingNextAnswer = false
      await host.drop()
    }
    // The answer travels back on the connection the call went out on.
    if (!isUp || connection !== sentOn) throw new BridgeError('disconnected', 'test: the answer was lost')
    if (!result.ok) throw new BridgeError(result.error.code, result.error.message)
    return result.value as CommandOutput<C>
  }

  const host: TestHost = {
    dataDir,
    call,
    connection: {
      isConnected: () => isUp,
      subscribe(listener) {
        listeners.add(listener)
        return () => void listeners.delete(listener)
      },
    },
    services: () => services,
    async drop() {
      isUp = false
      tell(false)
      await services.ownerGone(owner())
    },
    reconnect() {
      connection++
      isUp = true
      tell(true)
    },
    async restart() {
      await services.stop()
      services = await startServices(dataDir)
    },
    loseNextAnswer() {
      isLosingNextAnswer = true
    },
    freeze() {
      frozen = new Promise((resolve) => (thaw = resolve))
    },
    thaw() {
      frozen = null
      thaw()
    },
    async close() {
      await services.stop()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
  return host
}

export interface TestMicrophone extends MicrophoneSource {
  /** Delivers one block of 16-bit PCM to the recorder, as the capture worklet does. */
  push(pcm: Uint8Array): void
  /** The microphone was unplugged. */
  unplug(): void
}

export function testMicrophone(sampleRate: number): TestMicrophone {
  const listeners = new Set<BlockListener>()
  let totalFrames = 0
  return {
    sampleRate,
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    push(pcm) {
      const frames = pcm.byteLength / 2
      totalFrames += frames
      const block: CaptureBlock = { pcm: pcm.slice().buffer, frames, peak: 0.5, rms: 0.3, totalFrames }
      for (const l of listeners) l.onBlock(block)
    },
    unplug() {
      for (const l of listeners) l.onEnded()
    },
  }
}
