/**
 * One on-air device action (`hardware:act`): a relay channel on/off, the exciter's RF on/off, the
 * RDS programme service name or radiotext. The playout engine in the renderer sends these in
 * its pre-roll, per item and in its post-roll; a device that fails answers a ServiceError for
 * that action only, and the engine goes on with the audio.
 * - Switching a relay or RF ON needs a session on air (`hardware:onair` begin): outside sessions
 *   the station's desired state is "off" ('conflict' otherwise). Boards with the role 'other'
 *   are not station audio and are exempt, but for channels that switch an exciter.
 * - RF on goes through the licence checks (rf-on.ts): refused with 'forbidden' when the exciter
 *   reports a frequency or power outside the licence. The answer carries the exciter's settle
 *   time, which the engine waits before DTMF codes.
 * RDS text is folded to what the encoder shows (rds-charset.ts) by the driver; the answer carries
 * the folded text so the as-played log says what listeners saw.
 */
import type { ActResult, DeviceAct, DeviceConfig } from '../../../shared/ipc/hardware'
import { ServiceError } from '../../../shared/result'
import { formatPs, formatRt, type RdsTarget } from '../../devices/rds-charset'
import type { Logger } from '../logger'
import type { HardwareDriver } from './hardware-driver'
import { licensedRfOn } from './rf-on'
import { isGuardedChannel } from './safe-state'

export interface ActContext {
  isOnAir: boolean
  /** every configured device (which relay channels switch an exciter) */
  configs: readonly DeviceConfig[]
  log: Logger
  now?: () => number
}

/** The wrong kind of device for an action: the officer picked, e.g., an RDS encoder as a relay. */
function wrongDevice(action: DeviceAct, config: DeviceConfig): ServiceError {
  return new ServiceError('invalid-input', `hardware: "${config.name}" (${config.family}) cannot do ${action.kind}`)
}

/** The character set an RDS device's text ends up in. */
function rdsTarget(config: DeviceConfig): RdsTarget {
  return config.family === 'rds-ascii' || config.family === 'rds-uecp' ? config.options.textEncoding : 'rds'
}

function assertOnAir(action: DeviceAct, config: DeviceConfig, context: ActContext): void {
  if (context.isOnAir || !('isOn' in action) || !action.isOn) return
  if (action.kind === 'relay' && !isGuardedChannel(config, context.configs, action.channel)) return
  throw new ServiceError('conflict', `hardware: no session on air, "${config.name}" stays off (${action.kind} on)`)
}

/** Carries the action out on a running driver; throws ServiceError when it cannot. */
export async function runDeviceAct(
  action: DeviceAct,
  config: DeviceConfig,
  driver: HardwareDriver,
  context: ActContext,
): Promise<ActResult> {
  const now = context.now ?? Date.now
  const startedAt = now()
  const done = (extra: { sentText?: string; settleMs?: number } = {}): ActResult => ({
    kind: action.kind,
    deviceId: action.deviceId,
    tookMs: Math.max(0, Math.round(now() - startedAt)),
    ...extra,
  })
  switch (action.kind) {
    case 'relay': {
      if (driver.kind !== 'relay') throw wrongDevice(action, config)
      if (action.channel > driver.device.channels) {
        throw new ServiceError('invalid-input', `hardware: "${config.name}" has ${driver.device.channels} channels`)
      }
      assertOnAir(action, config, context)
      await driver.device.setRelay(action.channel, action.isOn)
      return done()
    }
    case 'rf': {
      if (driver.kind !== 'exciter' && driver.kind !== 'exciter-relay') throw wrongDevice(action, config)
      if (config.family !== 'exciter' && config.family !== 'exciter-relay') throw wrongDevice(action, config)
      assertOnAir(action, config, context)
      if (!action.isOn) {
        await driver.device.rfOff()
        return done()
      }
      return done(await licensedRfOn(config, driver.device, context.log))
    }
    case 'rds-ps': {
      if (driver.kind !== 'rds') throw wrongDevice(action, config)
      await driver.device.setPs(action.text)
      return done({ sentText: formatPs(action.text, rdsTarget(config)) })
    }
    case 'rds-rt': {
      if (driver.kind !== 'rds') throw wrongDevice(action, config)
      await driver.device.setRt(action.text)
      return done({ sentText: formatRt(action.text, rdsTarget(config)) })
    }
  }
}
