/**
 * The real driver factory: a transport from the device's connection settings (serial port or
 * TCP) and the driver of its family, with the drivers' own defaults for timing and health
 * (a silent device is noticed in about 1.5 s, a vanished port at once).
 */
import type { DeviceConfig, TransportConfig } from '../../../shared/ipc/hardware'
import { ServiceError } from '../../../shared/result'
import { createExciterDriver } from '../../devices/exciter/exciter-driver'
import { createRelayExciter } from '../../devices/exciter/relay-exciter'
import { createRdsAsciiDriver } from '../../devices/rds-ascii/ascii-driver'
import { createUecpDriver } from '../../devices/rds-uecp/uecp-driver'
import { createLcusDriver } from '../../devices/relay-lcus/lcus-driver'
import { createModbusRelayDriver } from '../../devices/relay-modbus/modbus-driver'
import { createSerialTransport } from '../../devices/transport/serial-transport'
import { createTcpTransport } from '../../devices/transport/tcp-transport'
import type { Transport } from '../../devices/transport/transport'
import type { DriverFactory, DriverFactoryContext, FamilyBuilders, HardwareDriver } from './hardware-driver'

export function createTransport(config: TransportConfig): Transport {
  switch (config.kind) {
    case 'serial':
      return createSerialTransport({
        path: config.path,
        baudRate: config.baudRate,
        dataBits: config.dataBits,
        parity: config.parity,
        stopBits: config.stopBits,
      })
    case 'tcp':
      return createTcpTransport({ host: config.host, port: config.port })
  }
}

const builders: FamilyBuilders = {
  'relay-lcus': (config, { log }) => ({
    kind: 'relay',
    device: createLcusDriver({ transport: createTransport(config.transport), log, ...config.options }),
  }),
  'relay-modbus': (config, { log }) => {
    const device = createModbusRelayDriver({ transport: createTransport(config.transport), log, ...config.options })
    return { kind: 'relay', device, strayUnit: device.strayUnit }
  },
  'rds-ascii': (config, { log }) => {
    const device = createRdsAsciiDriver({ transport: createTransport(config.transport), log, ...config.options })
    return { kind: 'rds', device, readPs: () => device.query('PS'), isAcknowledged: true }
  },
  'rds-uecp': (config, { log }) => {
    const { mode, site, encoder, textEncoding } = config.options
    const transport = createTransport(config.transport)
    const device = createUecpDriver({ transport, log, mode, site, encoder, textEncoding })
    return { kind: 'rds', device, isAcknowledged: mode === 'bidirectional' }
  },
  exciter: (config, { log }) => {
    const { profile, licenceMaxPowerW } = config.options
    const device = createExciterDriver({
      transport: createTransport(config.transport),
      log,
      profile,
      ...(licenceMaxPowerW !== null ? { licenceMaxPowerW } : {}),
    })
    return { kind: 'exciter', device }
  },
  'exciter-relay': (config, { log, relayOf }) => {
    const { relayDeviceId, channel, isInhibit, licenceMaxPowerW } = config.options
    const relay = relayOf(relayDeviceId)
    if (!relay) throw new ServiceError('disconnected', `hardware: relay board ${relayDeviceId} is not running`)
    if (channel > relay.channels) {
      throw new ServiceError('invalid-input', `hardware: relay board has ${relay.channels} channels, not ${channel}`)
    }
    const device = createRelayExciter({
      relay,
      channel,
      isInhibit,
      log,
      ...(licenceMaxPowerW !== null ? { licenceMaxPowerW } : {}),
    })
    return { kind: 'exciter-relay', device, relay, channel, isInhibit }
  },
}

/** Looks the family's builder up; the cast is the one place the family ties config to builder. */
export const createHardwareDriver: DriverFactory = (config, context) =>
  (builders[config.family] as (c: DeviceConfig, ctx: DriverFactoryContext) => HardwareDriver)(config, context)
