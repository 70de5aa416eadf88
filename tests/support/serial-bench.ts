/**
 * The bench every serial device test stands on: socat pairs, device simulators on their far ends
 * (`pair.b`) and drivers on their near ends (`pair.a`). `useSerialBench()` registers the vitest
 * hooks where it is called: before each test it opens `pairCount` fresh pairs; after each test it
 * stops every driver, then every simulator, then every pair it opened (stopping twice is harmless,
 * so a test may stop and restart a simulator to play a power cycle).
 */
import { afterEach, beforeEach } from 'vitest'
import type { DeviceDriver } from '../../src/main/devices/link/status'
import type { DeviceSimulator } from '../../src/main/devices/sim/simulator-core'
import { createSerialTransport } from '../../src/main/devices/transport/serial-transport'
import type { Transport } from '../../src/main/devices/transport/transport'
import type { Logger } from '../../src/main/services/logger'
import { collectingLogger, waitForState, type CollectingLogger } from './device-helpers'
import { startSocatPair, type SocatPair } from './serial-pair'

export type BaudRate = 9600 | 2400
type Driver = Pick<DeviceDriver, 'start' | 'stop' | 'on' | 'status'>

export interface SerialBenchOptions {
  /** The default line speed of simulators and drivers; 9600 unless given. */
  baudRate?: BaudRate
  /** How many pairs to open before each test; 1 unless given. */
  pairCount?: number
}

export interface SerialBench {
  /** Collects what every driver started on the bench logs (kept across tests, like one app run). */
  readonly log: CollectingLogger
  /** The first pair of this test. */
  readonly pair: SocatPair
  /** The pair of this test opened in place `index` (0 = `pair`); throws when there is none. */
  pairAt(index: number): SocatPair
  /** Starts a simulator on the far end of `pair`. */
  simulator<S extends DeviceSimulator>(
    make: (transport: Transport) => S,
    pair?: SocatPair,
    baudRate?: BaudRate,
  ): Promise<S>
  /** Starts a driver on the near end of `pair` and waits until it reports online. */
  driver<D extends Driver>(
    make: (transport: Transport, log: Logger) => D,
    pair?: SocatPair,
    baudRate?: BaudRate,
  ): Promise<D>
}

export function useSerialBench(options: SerialBenchOptions = {}): SerialBench {
  const baud = options.baudRate ?? 9600
  const log = collectingLogger()
  let pairs: SocatPair[] = []
  const sims: DeviceSimulator[] = []
  const drivers: Driver[] = []

  const pairAt = (index: number): SocatPair => {
    const pair = pairs[index]
    if (pair === undefined) throw new Error(`serial-bench: no pair ${index} open (pairCount, or outside a test?)`)
    return pair
  }
  const first = (): SocatPair => pairAt(0)
  const port = (path: string, baudRate: BaudRate): Transport => createSerialTransport({ path, baudRate })

  beforeEach(async () => {
    const opened = await Promise.allSettled(Array.from({ length: options.pairCount ?? 1 }, () => startSocatPair()))
    pairs = opened.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []))
    // One socat that did not start fails the test; afterEach still stops the ones that did.
    const failed = opened.find((result) => result.status === 'rejected')
    if (failed) throw failed.reason
  })

  afterEach(async () => {
    for (const driver of drivers.splice(0)) await driver.stop()
    for (const sim of sims.splice(0)) await sim.stop()
    await Promise.all(pairs.splice(0).map((pair) => pair.stop()))
  })

  return {
    log,
    get pair() {
      return first()
    },
    pairAt,
    async simulator(make, pair = first(), baudRate = baud) {
      const sim = make(port(pair.b, baudRate))
      sims.push(sim)
      await sim.start()
      return sim
    },
    async driver(make, pair = first(), baudRate = baud) {
      const driver = make(port(pair.a, baudRate), log)
      drivers.push(driver)
      driver.start()
      await waitForState(driver, 'online')
      return driver
    },
  }
}
