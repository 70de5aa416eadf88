/**
 * What the hardware service holds for one configured device: the running driver, tagged by what
 * it can do, so the "Thử" test and later the on-air sequence know which commands exist.
 * A factory builds one from a DeviceConfig; tests inject their own factory.
 */
import type { DeviceConfig } from '../../../shared/ipc/hardware'
import type { Exciter } from '../../devices/exciter/exciter'
import type { RdsEncoder } from '../../devices/rds-encoder'
import type { RelaySwitch } from '../../devices/relay-switch'
import type { Logger } from '../logger'

export type HardwareDriver =
  | {
      kind: 'relay'
      device: RelaySwitch
      /** a Modbus unit id that answered when the configured one did not ("Thử" diagnosis) */
      strayUnit?: () => number | null
    }
  | {
      kind: 'rds'
      device: RdsEncoder
      /** asks the encoder for its current PS, when the protocol can (PIRA ASCII) */
      readPs?: () => Promise<string>
      /** every command waits for the encoder's acknowledgement (UECP bidirectional, ASCII) */
      isAcknowledged: boolean
    }
  | { kind: 'exciter'; device: Exciter }
  | { kind: 'exciter-relay'; device: Exciter; relay: RelaySwitch; channel: number; isInhibit: boolean }

export interface DriverFactoryContext {
  log: Logger
  /** the running relay board with this id, if any (exciter-relay switches RF with one) */
  relayOf(id: string): RelaySwitch | null
}

/** Builds (does not start) the driver for a device; throws ServiceError when it cannot. */
export type DriverFactory = (config: DeviceConfig, context: DriverFactoryContext) => HardwareDriver

/** One builder per family: a family without one does not compile (traits in hardware-config.ts). */
export type FamilyBuilders = {
  [F in DeviceConfig['family']]: (
    config: Extract<DeviceConfig, { family: F }>,
    context: DriverFactoryContext,
  ) => HardwareDriver
}
