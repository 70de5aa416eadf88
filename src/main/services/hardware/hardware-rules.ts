/**
 * What a saved device must not break (pure over the configured list): two enabled devices on one
 * port or TCP endpoint ('conflict'), an exciter on a missing relay board or channel
 * ('invalid-input'), a board shrunk below the channel an exciter uses ('conflict').
 */
import { isRelayFamily, type DeviceConfig } from '../../../shared/ipc/hardware'
import { ServiceError } from '../../../shared/result'

export const dependentsOf = (configs: readonly DeviceConfig[], relayId: string): DeviceConfig[] =>
  configs.filter((c) => c.family === 'exciter-relay' && c.options.relayDeviceId === relayId)

const channelsOf = (config: DeviceConfig): number =>
  config.family === 'relay-lcus' || config.family === 'relay-modbus' ? config.options.channels : 0

export function checkDraft(configs: readonly DeviceConfig[], config: DeviceConfig): void {
  if (config.family === 'exciter-relay') {
    const relay = configs.find((c) => c.id === config.options.relayDeviceId)
    if (!relay || !isRelayFamily(relay.family)) {
      throw new ServiceError('invalid-input', 'hardware: the exciter must use a configured relay board')
    }
    if (config.options.channel > channelsOf(relay)) {
      throw new ServiceError('invalid-input', `hardware: relay board "${relay.name}" has ${channelsOf(relay)} channels`)
    }
  }
  const stranded = dependentsOf(configs, config.id).find(
    (d) => d.family === 'exciter-relay' && d.options.channel > channelsOf(config),
  )
  if (stranded) {
    throw new ServiceError('conflict', `hardware: "${stranded.name}" switches RF through a channel of this board`)
  }
  const key = connectionKey(config)
  const clash = key && configs.find((c) => c.id !== config.id && connectionKey(c) === key)
  if (clash) throw new ServiceError('conflict', `hardware: "${clash.name}" already uses ${key}`)
}

/** What two devices must not share: one serial port, or one TCP endpoint. */
function connectionKey(config: DeviceConfig): string | null {
  if (config.family === 'exciter-relay' || !config.isEnabled) return null
  const t = config.transport
  if (t.kind === 'tcp') return `tcp:${t.host.toLowerCase()}:${t.port}`
  // Windows port names are case-insensitive
  return `serial:${/COM\d+$/i.test(t.path) ? t.path.toUpperCase() : t.path}`
}
