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
import type { DriverFactory, HardwareDriver } from './hardware-driver'

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

export const createHardwareDriver: DriverFactory = (config: DeviceConfig, { log, relayOf }): HardwareDriver => {
  switch (config.family) {
    case 'relay-lcus':
      return {
        kind: 'relay',
        device: createLcusDriver({ transport: createTransport(config.transport), log, ...config.options }),
      }
    case 'relay-modbus':
      return {
        kind: 'relay',
        device: createModbusRelayDriver({ transport: createTransport(config.transport), log, ...config.options }),
      }
    case 'rds-ascii': {
      const device = createRdsAsciiDriver({ transport: createTransport(config.transport), log, ...config.options })
      return { kind: 'rds', device, readPs: () => device.query('PS'), isAcknowledged: true }
    }
    case 'rds-uecp': {
      const { mode, site, encoder } = config.options
      const device = createUecpDriver({ transport: createTransport(config.transport), log, mode, site, encoder })
      return { kind: 'rds', device, isAcknowledged: mode === 'bidirectional' }
    }
    case 'exciter': {
      const { profile, licenceMaxPowerW } = config.options
      const device = createExciterDriver({
        transport: createTransport(config.transport),
        log,
        profile,
        ...(licenceMaxPowerW !== null ? { licenceMaxPowerW } : {}),
      })
      return { kind: 'exciter', device }
    }
    case 'exciter-relay': {
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
    }
  }
}
