/**
 * Fallback for exciters with no control port (most low-cost commune PLL exciters): RF on/off is
 * a relay in the exciter's mains or on its RF-inhibit input. Power and frequency are set on the
 * front panel; the values are still checked so a wrong plan is caught the same way, then refused.
 * Health is the relay board's health, and so is the desired state: RF off is the board's channel
 * wanted off (on, for an inhibit input), kept by the board's driver across failures and replugs.
 * The relay board is owned by whoever created it (it may also switch zones), so start()/stop()
 * here do not start or stop the board.
 * Reference: hardware-protocols.md §2 ("always offer a relay-based fallback").
 */
import { ServiceError } from '../../../shared/result'
import type { Logger } from '../../services/logger'
import type { RelaySwitch } from '../relay-switch'
import { checkFrequencyMHz, checkPowerW } from './band'
import type { Exciter } from './exciter'

export interface RelayExciterOptions {
  relay: RelaySwitch
  /** relay channel (1-based) that enables RF */
  channel: number
  /** true when the relay drives an RF-inhibit input: relay on = RF off */
  isInhibit?: boolean
  log: Logger
  licenceMaxPowerW?: number
}

export function createRelayExciter(options: RelayExciterOptions): Exciter {
  const { relay, channel, log } = options
  const relayStateFor = (isRfOn: boolean): boolean => (options.isInhibit ? !isRfOn : isRfOn)
  let isRfOn: boolean | undefined

  async function setRf(isOn: boolean): Promise<void> {
    await relay.setRelay(channel, relayStateFor(isOn))
    isRfOn = isOn
    log.info(`exciter: RF ${isOn ? 'on' : 'off'} via relay ${channel}`)
  }

  const noPort = (what: string): ServiceError =>
    new ServiceError('invalid-input', `exciter: no control port; set the ${what} on the exciter's front panel`)

  /** Runs the band check (which may throw its own error), then refuses: there is no port. */
  function refuseAfter(check: () => void, what: string): Promise<never> {
    try {
      check()
      return Promise.reject(noPort(what))
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : noPort(what))
    }
  }

  return {
    capabilities: {
      canSwitchRf: true,
      canSetPower: false,
      canSetFrequency: false,
      hasTelemetry: false,
      canReadRf: false,
      canReadFrequency: false,
      canReadPower: false,
    },
    rfOn: () => setRf(true),
    rfOff: () => setRf(false),
    wantRfOff: () => relay.want(channel, relayStateFor(false)),
    isRfWanted: () => relay.desired()[channel - 1] === relayStateFor(true),
    setPower: (watts) => refuseAfter(() => checkPowerW(watts, options.licenceMaxPowerW), 'power'),
    setFrequency: (mhz) => refuseAfter(() => checkFrequencyMHz(mhz), 'frequency'),
    readSettings: () => Promise.resolve({}),
    readTelemetry: () => Promise.resolve({ ...(isRfOn !== undefined ? { isRfOn } : {}), alarms: [] }),
    start: () => () => Promise.resolve(),
    stop: () => Promise.resolve(),
    status: () => relay.status(),
    on: (event, listener) => relay.on(event, listener),
  }
}
