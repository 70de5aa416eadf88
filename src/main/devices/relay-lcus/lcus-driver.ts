/**
 * Driver for LCUS-1/2/4/8 relay boards (codec: lcus-codec.ts). Switching is write-only; when the
 * board answers the FF status query (LCUS-4/8) it doubles as the keepalive poll, otherwise only a
 * vanished port is noticed. After a replug the board powers up with all relays off, so the
 * commanded states are written again (restoreOnReconnect, default true).
 */
import { ServiceError } from '../../../shared/result'
import { createDeviceLink, linkOptionsFrom, type DriverBaseOptions } from '../link/device-link'
import type { Exchange } from '../link/exchange'
import type { RelaySwitch } from '../relay-switch'
import { assertLcusChannel, encodeLcusFrame, LCUS_STATUS_QUERY, lcusStatusParser } from './lcus-codec'

export interface LcusDriverOptions extends DriverBaseOptions {
  /** 1, 2, 4 or 8 (default 4) */
  channels?: number
  /** board answers FF with CHn lines (default true; false for most LCUS-1) */
  hasStatusQuery?: boolean
  /** pause after each frame; boards drop frames sent back to back (default 50 ms) */
  frameGapMs?: number
  restoreOnReconnect?: boolean
}

export type LcusDriver = RelaySwitch

export function createLcusDriver(options: LcusDriverOptions): LcusDriver {
  const channels = options.channels ?? 4
  const hasStatusQuery = options.hasStatusQuery ?? true
  const gapMs = options.frameGapMs ?? 50
  const commanded: (boolean | undefined)[] = Array.from({ length: channels }, () => undefined)
  const log = options.log

  const query = (exchange: Exchange, timeoutMs?: number): Promise<boolean[]> =>
    exchange.request(LCUS_STATUS_QUERY, lcusStatusParser(channels), {
      label: 'status query',
      ...(timeoutMs ? { timeoutMs } : {}),
    })

  async function restore(exchange: Exchange): Promise<void> {
    for (const [i, isOn] of commanded.entries()) {
      if (isOn !== undefined) await exchange.send(encodeLcusFrame(i + 1, isOn), { gapMs })
    }
    log.info(`relay-lcus: ${options.transport.name} restored commanded states after reconnect`)
  }

  const link = createDeviceLink({
    ...linkOptionsFrom(options, 500),
    module: 'relay-lcus',
    ...(hasStatusQuery
      ? { probe: async (exchange: Exchange) => void (await query(exchange, options.probeTimeoutMs ?? 500)) }
      : {}),
    onConnected: async (exchange, { isReconnect }) => {
      if (isReconnect && (options.restoreOnReconnect ?? true)) await restore(exchange)
    },
  })

  async function setRelay(channel: number, isOn: boolean): Promise<void> {
    assertLcusChannel(channel, channels)
    await link.exchange.send(encodeLcusFrame(channel, isOn), { gapMs })
    commanded[channel - 1] = isOn
  }

  async function readRelays(): Promise<boolean[]> {
    if (!hasStatusQuery) {
      if (link.status().state !== 'online') throw new ServiceError('disconnected', 'relay-lcus: board is not connected')
      return commanded.map((isOn) => isOn ?? false)
    }
    return query(link.exchange)
  }

  return {
    channels,
    setRelay,
    async setAll(isOn) {
      for (let channel = 1; channel <= channels; channel += 1) await setRelay(channel, isOn)
    },
    readRelays,
    start: link.start,
    stop: link.stop,
    status: link.status,
    on: link.on,
  }
}
