/**
 * Driver for LCUS-1/2/4/8 relay boards (codec: lcus-codec.ts). Switching is write-only; when the
 * board answers the FF status query (LCUS-4/8) it doubles as the keepalive poll, otherwise only a
 * vanished port is noticed. The driver keeps the DESIRED state of each relay (relay-switch.ts):
 * after a (re)connect it reads the board (when it can) and writes every relay that differs, or
 * writes every desired state (no status query: a replugged board's state is unknown). A failed
 * write is retried with back-off until it lands (link/keeper.ts). Frames are at least
 * `frameGapMs` apart, after a status query too (boards drop frames sent back to back).
 */
import { ServiceError } from '../../../shared/result'
import { createDeviceLink, linkOptionsFrom, type DriverBaseOptions } from '../link/device-link'
import type { Exchange } from '../link/exchange'
import { createRelayBook, type RelaySwitch } from '../relay-switch'
import { assertLcusChannel, encodeLcusFrame, LCUS_STATUS_QUERY, lcusStatusParser } from './lcus-codec'

export interface LcusDriverOptions extends DriverBaseOptions {
  /** 1, 2, 4 or 8 (default 4) */
  channels?: number
  /** board answers FF with CHn lines (default true; false for most LCUS-1) */
  hasStatusQuery?: boolean
}

export type LcusDriver = RelaySwitch

/** Quiet time between frames: the C# reference driver uses 50 ms, another 100 ms (hardware-protocols.md §3.1). */
export const LCUS_FRAME_GAP_MS = 50

export function createLcusDriver(options: LcusDriverOptions): LcusDriver {
  const channels = options.channels ?? 4
  const hasStatusQuery = options.hasStatusQuery ?? true
  const book = createRelayBook(channels)

  const query = async (exchange: Exchange, timeoutMs?: number): Promise<boolean[]> => {
    const states = await exchange.request(LCUS_STATUS_QUERY, lcusStatusParser(channels), {
      label: 'status query',
      ...(timeoutMs ? { timeoutMs } : {}),
    })
    states.forEach((isOn, i) => (book.known[i] = isOn))
    return states
  }

  async function write(exchange: Exchange, channel: number, isOn: boolean): Promise<void> {
    book.known[channel - 1] = undefined
    await exchange.send(encodeLcusFrame(channel, isOn))
    book.known[channel - 1] = isOn
  }

  async function reconcile(exchange: Exchange): Promise<void> {
    const actual = hasStatusQuery ? await query(exchange) : undefined
    for (const { channel, isOn } of book.pending(actual)) {
      await write(exchange, channel, isOn)
      const wasOn = actual?.[channel - 1]
      if (wasOn !== undefined) link.corrected({ channel, wasOn, isOn })
    }
  }

  /** The keepalive: a relay found in another state than wanted (power cut, hand) is put back. */
  async function probe(exchange: Exchange): Promise<void> {
    const actual = await query(exchange, options.probeTimeoutMs ?? 500)
    if (book.pending(actual).length > 0) link.kick()
  }

  const link = createDeviceLink({
    ...linkOptionsFrom(options, 500, LCUS_FRAME_GAP_MS),
    module: 'relay-lcus',
    ...(hasStatusQuery ? { probe } : {}),
    // a replugged board may have been power-cycled (all off) or not (as it was): read, don't guess
    onConnected: () => Promise.resolve(book.forget()),
    keep: { reconcile, isSettled: book.isSettled },
  })

  async function setRelay(channel: number, isOn: boolean): Promise<void> {
    assertLcusChannel(channel, channels)
    book.desired[channel - 1] = isOn
    try {
      await write(link.exchange, channel, isOn)
    } catch (error) {
      link.kick(true)
      throw error
    }
  }

  async function readRelays(): Promise<boolean[]> {
    if (!hasStatusQuery) {
      if (link.status().state !== 'online') throw new ServiceError('disconnected', 'relay-lcus: board is not connected')
      return book.known.map((isOn) => isOn ?? false)
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
    want(channel, isOn) {
      assertLcusChannel(channel, channels)
      book.desired[channel - 1] = isOn
      link.kick()
    },
    desired: () => [...book.desired],
    start: link.start,
    stop: link.stop,
    status: link.status,
    on: link.on,
  }
}
