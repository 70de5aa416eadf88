/**
 * The station's safe state, device by device (pure over the drivers' desired states): outside
 * every session the amplifier and zone relays are off, RF is off — an exciter switched by a relay
 * has its channel off, or ON when the relay drives an RF-inhibit input. Relay boards with the
 * role 'other' (not station audio) are left alone but for the channels that switch RF.
 *
 * `wantSafe` records the safe state as each driver's desired state (the drivers write it as soon
 * as they can and keep retrying, link/keeper.ts) and returns what was wanted ON until then.
 * `readUnsafe` asks the devices that can tell (status queries, RF read-back) what they really do.
 */
import type { DeviceConfig } from '../../../shared/ipc/hardware'
import type { HardwareDriver } from './hardware-driver'

export interface GuardedDevice {
  config: DeviceConfig
  driver: HardwareDriver
}

/** Something found on that should be off: a relay channel, or an exciter's RF (no channel). */
export interface FoundOn {
  /** the device to name in the alert: the board, or the exciter a channel switches */
  config: DeviceConfig
  channel?: number
}

/** The guarded channels of a relay board and their safe value; RF channels name their exciter. */
export function safeChannels(board: DeviceConfig, all: readonly DeviceConfig[], channels: number) {
  const out = new Map<number, { isOn: boolean; exciter: DeviceConfig | null }>()
  if (board.role !== 'other') for (let ch = 1; ch <= channels; ch += 1) out.set(ch, { isOn: false, exciter: null })
  for (const c of all) {
    if (c.family !== 'exciter-relay' || !c.isEnabled || c.options.relayDeviceId !== board.id) continue
    out.set(c.options.channel, { isOn: c.options.isInhibit, exciter: c })
  }
  return out
}

/** Whether the watchdog keeps this relay channel off (or on, for an RF-inhibit input) outside sessions. */
export function isGuardedChannel(board: DeviceConfig, all: readonly DeviceConfig[], channel: number): boolean {
  return safeChannels(board, all, channel).has(channel)
}

export function wantSafe(device: GuardedDevice, all: readonly DeviceConfig[]): FoundOn[] {
  const { config, driver } = device
  const found: FoundOn[] = []
  if (driver.kind === 'relay') {
    const desired = driver.device.desired()
    for (const [channel, safe] of safeChannels(config, all, driver.device.channels)) {
      const wanted = desired[channel - 1]
      if (wanted !== undefined && wanted !== safe.isOn) found.push(foundOn(config, channel, safe.exciter))
      driver.device.want(channel, safe.isOn)
    }
  } else if (driver.kind === 'exciter-relay' || (driver.kind === 'exciter' && driver.device.capabilities.canSwitchRf)) {
    // an exciter, or one switched by a relay channel (wanted off on its board)
    if (driver.device.isRfWanted()) found.push({ config })
    driver.device.wantRfOff()
  }
  return found
}

/** Reads what the devices that can tell really do; each one found on is wanted safe again. */
export async function readUnsafe(device: GuardedDevice, all: readonly DeviceConfig[]): Promise<FoundOn[]> {
  const { config, driver } = device
  if (driver.device.status().state !== 'online') return []
  if (driver.kind === 'relay') {
    const states = await driver.device.readRelays()
    const found: FoundOn[] = []
    for (const [channel, safe] of safeChannels(config, all, driver.device.channels)) {
      if (states[channel - 1] === safe.isOn) continue
      found.push(foundOn(config, channel, safe.exciter))
      driver.device.want(channel, safe.isOn)
    }
    return found
  }
  if (driver.kind === 'exciter' && driver.device.capabilities.canReadRf) {
    const telemetry = await driver.device.readTelemetry()
    if (telemetry.isRfOn !== true) return []
    driver.device.wantRfOff()
    return [{ config }]
  }
  return []
}

const foundOn = (board: DeviceConfig, channel: number, exciter: DeviceConfig | null): FoundOn =>
  exciter ? { config: exciter } : { config: board, channel }

/**
 * Writes the safe state now for what is wanted otherwise (the app is closing: nothing may stay on
 * unattended). Resolves when each write is done or failed; nothing that was never asked for is
 * touched.
 */
export async function switchSafeNow(device: GuardedDevice, all: readonly DeviceConfig[]): Promise<void> {
  const { config, driver } = device
  const writes: Promise<unknown>[] = []
  if (driver.kind === 'relay') {
    const desired = driver.device.desired()
    for (const [channel, safe] of safeChannels(config, all, driver.device.channels)) {
      const wanted = desired[channel - 1]
      if (wanted !== undefined && wanted !== safe.isOn) writes.push(driver.device.setRelay(channel, safe.isOn))
    }
  } else if (driver.kind === 'exciter' && driver.device.isRfWanted()) {
    writes.push(driver.device.rfOff())
  }
  await Promise.allSettled(writes)
}
