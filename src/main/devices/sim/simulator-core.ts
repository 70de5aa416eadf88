/**
 * What every device simulator shares: it owns the device end of a Transport, hands received
 * bytes to the family's decoder, records decoded actions, and answers unless told to play dead
 * (`setResponsive(false)`: it still records what it hears, like a hung firmware would not).
 */
import type { Unsubscribe } from '../emitter'
import type { Transport } from '../transport/transport'
import type { SimRecorder } from './recorder'

export interface SimulatorCoreOptions {
  transport: Transport
  recorder: SimRecorder
  device: string
  onData(chunk: Uint8Array): void
}

export interface SimulatorCore {
  start(): Promise<() => Promise<void>>
  stop(): Promise<void>
  setResponsive(isResponsive: boolean): void
  isResponsive(): boolean
  reply(bytes: Uint8Array): void
}

export interface DeviceSimulator {
  start(): Promise<() => Promise<void>>
  stop(): Promise<void>
  /** false = the device hangs: it keeps listening but never answers */
  setResponsive(isResponsive: boolean): void
  readonly recorder: SimRecorder
}

export function createSimulatorCore(options: SimulatorCoreOptions): SimulatorCore {
  const { transport } = options
  let isResponsive = true
  let offs: Unsubscribe[] = []

  async function stop(): Promise<void> {
    for (const off of offs) off()
    offs = []
    await transport.close()
  }

  return {
    async start() {
      if (offs.length === 0) offs = [transport.on('data', (chunk) => options.onData(chunk))]
      await transport.open()
      return stop
    },
    stop,
    setResponsive(value) {
      isResponsive = value
    },
    isResponsive: () => isResponsive,
    reply(bytes) {
      if (!isResponsive || !transport.isOpen()) return
      transport.write(bytes).catch(() => undefined)
    },
  }
}
