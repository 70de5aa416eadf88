/**
 * One on-air device action (`hardware:act`): a relay channel on/off, the exciter's RF on/off, the
 * RDS programme service name or radiotext. The playout engine in the renderer sends these in
 * its pre-roll, per item and in its post-roll; a device that fails answers a ServiceError for
 * that action only, and the engine goes on with the audio.
 * RDS text is folded to what the encoder shows (rds-charset.ts) by the driver; the answer carries
 * the folded text so the as-played log says what listeners saw.
 */
import type { ActResult, DeviceAct, DeviceConfig } from '../../../shared/ipc/hardware'
import { ServiceError } from '../../../shared/result'
import { formatPs, formatRt, type RdsTarget } from '../../devices/rds-charset'
import type { HardwareDriver } from './hardware-driver'

/** The wrong kind of device for an action: the officer picked, e.g., an RDS encoder as a relay. */
function wrongDevice(action: DeviceAct, config: DeviceConfig): ServiceError {
  return new ServiceError('invalid-input', `hardware: "${config.name}" (${config.family}) cannot do ${action.kind}`)
}

/** The character set an RDS device's text ends up in. */
function rdsTarget(config: DeviceConfig): RdsTarget {
  return config.family === 'rds-ascii' ? config.options.textEncoding : 'rds'
}

/** Carries the action out on a running driver; throws ServiceError when it cannot. */
export async function runDeviceAct(
  action: DeviceAct,
  config: DeviceConfig,
  driver: HardwareDriver,
  now: () => number = Date.now,
): Promise<ActResult> {
  const startedAt = now()
  const done = (sentText?: string): ActResult => ({
    kind: action.kind,
    deviceId: action.deviceId,
    tookMs: Math.max(0, Math.round(now() - startedAt)),
    ...(sentText !== undefined ? { sentText } : {}),
  })
  switch (action.kind) {
    case 'relay': {
      if (driver.kind !== 'relay') throw wrongDevice(action, config)
      if (action.channel > driver.device.channels) {
        throw new ServiceError('invalid-input', `hardware: "${config.name}" has ${driver.device.channels} channels`)
      }
      await driver.device.setRelay(action.channel, action.isOn)
      return done()
    }
    case 'rf': {
      if (driver.kind !== 'exciter' && driver.kind !== 'exciter-relay') throw wrongDevice(action, config)
      await (action.isOn ? driver.device.rfOn() : driver.device.rfOff())
      return done()
    }
    case 'rds-ps': {
      if (driver.kind !== 'rds') throw wrongDevice(action, config)
      await driver.device.setPs(action.text)
      return done(formatPs(action.text, rdsTarget(config)))
    }
    case 'rds-rt': {
      if (driver.kind !== 'rds') throw wrongDevice(action, config)
      await driver.device.setRt(action.text)
      return done(formatRt(action.text, rdsTarget(config)))
    }
  }
}
