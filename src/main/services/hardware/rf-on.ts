/**
 * RF on, the licensed way: before the carrier goes up, the exciter is set to the station's plan
 * (frequency, power set-point) where its profile can, then asked what it is set to; RF is
 * REFUSED when it reports a frequency outside 54–68 MHz or a power above the licence
 * (`LicenceRefusal`, code 'forbidden': the session goes on without RF, the service raises a loud
 * alert). An exciter that cannot report its settings (relay-switched, read-only profiles) is
 * switched as it is: its settings are the front panel's.
 * Example: plan 60.5 MHz / 25 W on a daixa-bridge exciter → `FREQ=60.50`, `PWR=25.0`, `FREQ?`,
 * `PWR?`, then `RF=1`; an exciter answering `FREQ=100.00` gets no `RF=1`.
 */
import type { DeviceConfig } from '../../../shared/ipc/hardware'
import { ServiceError } from '../../../shared/result'
import type { Exciter } from '../../devices/exciter/exciter'
import type { Logger } from '../logger'
import { licenceBreaches, type Trip } from './licence'

export class LicenceRefusal extends ServiceError {
  readonly breaches: readonly Trip[]
  constructor(deviceName: string, breaches: readonly Trip[]) {
    const what = breaches.map((b) => `${b.reason} ${b.value ?? '?'}`).join(', ')
    super('forbidden', `hardware: RF of "${deviceName}" refused, outside the licence: ${what}`)
    this.breaches = breaches
  }
}

type ExciterConfig = Extract<DeviceConfig, { family: 'exciter' | 'exciter-relay' }>

export async function licensedRfOn(
  config: ExciterConfig,
  exciter: Exciter,
  log: Logger,
): Promise<{ settleMs: number }> {
  const plan = config.options
  const can = exciter.capabilities
  if (plan.frequencyMHz !== null && can.canSetFrequency) await exciter.setFrequency(plan.frequencyMHz)
  if (plan.powerW !== null && can.canSetPower) await exciter.setPower(plan.powerW)
  if (can.canReadFrequency || can.canReadPower) {
    const settings = await exciter.readSettings()
    const breaches = licenceBreaches(settings, config)
    if (breaches.length > 0) {
      // whatever happened before, the carrier of an unlicensed exciter must be down
      exciter.wantRfOff()
      throw new LicenceRefusal(config.name, breaches)
    }
    log.info(
      `hardware: "${config.name}" reports ${settings.frequencyMHz ?? '?'} MHz, ${settings.powerSetW ?? '?'} W: RF on`,
    )
  }
  await exciter.rfOn()
  return { settleMs: plan.rfSettleMs }
}
