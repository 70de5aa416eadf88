/**
 * Driver for Modbus RTU relay modules (codec: modbus-codec.ts). Every command waits for its reply
 * (echo for FC05/0F, bitmap for FC01); an exception reply rejects with ModbusException (code 'io').
 * Reading the coils is the keepalive poll. Broadcast unit 0 is not supported: it gets no reply,
 * so health could not be checked.
 * Options cover non-standard boards: unit id (Waveshare 1, LCTech 255), first coil address
 * (some V1 boards number relays from 1) and the ON value (some V1 boards want 0100).
 * The driver keeps the DESIRED state of each relay (relay-switch.ts): after a (re)connect, and
 * after a failed write until it lands, it reads the coils and writes every relay that differs.
 * When a fresh connection gets no answer, the factory unit ids (1, 255) are tried once so "Thử"
 * can tell a wrong unit id from a dead board (`strayUnit()`).
 */
import { ServiceError } from '../../../shared/result'
import { createDeviceLink, linkOptionsFrom, type DriverBaseOptions } from '../link/device-link'
import type { Exchange } from '../link/exchange'
import { createRelayBook, type RelaySwitch } from '../relay-switch'
import {
  COIL_OFF,
  COIL_ON,
  encodeModbusRequest,
  ModbusException,
  FC_READ_COILS,
  FC_WRITE_COIL,
  FC_WRITE_COILS,
  modbusReplyParser,
  type ModbusRequest,
} from './modbus-codec'

export interface ModbusRelayDriverOptions extends DriverBaseOptions {
  /** 1…247, or 255 for LCTech boards (default 1) */
  unitId?: number
  /** default 8 */
  channels?: number
  /** coil address of relay 1 (default 0) */
  coilBase?: number
  /** value written for ON (default 0xFF00) */
  onValue?: number
}

export interface ModbusRelayDriver extends RelaySwitch {
  /** a unit id that answered when the configured one did not (a wrong setting), else null */
  strayUnit(): number | null
}

/** The unit ids boards ship with: Waveshare 1, LCTech 255 (hardware-protocols.md §3.3). */
export const FACTORY_UNIT_IDS = [1, 255] as const
/** RS-485 turnaround and USB adapter latency: well above the 3.5 characters (4 ms at 9600) of RTU. */
export const MODBUS_FRAME_GAP_MS = 20

export function createModbusRelayDriver(options: ModbusRelayDriverOptions): ModbusRelayDriver {
  const unit = options.unitId ?? 1
  const channels = options.channels ?? 8
  const base = options.coilBase ?? 0
  const onValue = options.onValue ?? COIL_ON
  const book = createRelayBook(channels)
  let stray: number | null = null
  if (!Number.isInteger(unit) || unit < 1 || unit > 255) {
    throw new ServiceError('invalid-input', `relay-modbus: unit id must be 1…255, got ${unit}`)
  }

  const call = (exchange: Exchange, request: ModbusRequest, label: string, timeoutMs?: number) =>
    exchange.request(encodeModbusRequest(request), modbusReplyParser(request), {
      label,
      ...(timeoutMs ? { timeoutMs } : {}),
    })

  async function readAt(exchange: Exchange, at: number, timeoutMs?: number): Promise<boolean[]> {
    const request = { fc: FC_READ_COILS, unit: at, address: base, count: channels } as const
    const reply = await call(exchange, request, 'read coils', timeoutMs)
    if (reply.kind !== 'coils') throw new ServiceError('io', 'relay-modbus: unexpected reply to read coils')
    return reply.bits.slice(0, channels)
  }

  async function read(exchange: Exchange, timeoutMs?: number): Promise<boolean[]> {
    const states = await readAt(exchange, unit, timeoutMs)
    stray = null
    states.forEach((isOn, i) => (book.known[i] = isOn))
    return states
  }

  async function write(exchange: Exchange, channel: number, isOn: boolean): Promise<void> {
    const value = isOn ? onValue : COIL_OFF
    const request = { fc: FC_WRITE_COIL, unit, address: base + channel - 1, value } as const
    book.known[channel - 1] = undefined
    const reply = await call(exchange, request, `write relay ${channel}`)
    if (reply.kind !== 'write-coil' || reply.address !== request.address || reply.value !== value) {
      throw new ServiceError('io', `relay-modbus: relay ${channel} echo does not match the request`)
    }
    book.known[channel - 1] = isOn
  }

  async function reconcile(exchange: Exchange): Promise<void> {
    const actual = await read(exchange)
    for (const { channel, isOn } of book.pending(actual)) {
      await write(exchange, channel, isOn)
      link.corrected({ channel, wasOn: actual[channel - 1] ?? !isOn, isOn })
    }
  }

  /** Which factory unit id answers, when the configured one does not (diagnosis for "Thử"). */
  async function findStrayUnit(exchange: Exchange): Promise<void> {
    for (const candidate of FACTORY_UNIT_IDS.filter((u) => u !== unit)) {
      try {
        await readAt(exchange, candidate, options.probeTimeoutMs ?? 500)
        stray = candidate
        options.log.warn(`relay-modbus: no reply as unit ${unit}, but unit ${candidate} answers: check the unit id`)
        return
      } catch {
        // not this one either
      }
    }
  }

  async function probe(exchange: Exchange): Promise<void> {
    const actual = await read(exchange, options.probeTimeoutMs ?? 500)
    if (book.pending(actual).length > 0) link.kick()
  }

  const link = createDeviceLink({
    ...linkOptionsFrom(options, 500, MODBUS_FRAME_GAP_MS),
    module: 'relay-modbus',
    probe,
    onProbeFailed: findStrayUnit,
    onConnected: () => Promise.resolve(book.forget()),
    keep: { reconcile, isSettled: book.isSettled },
  })

  function assertChannel(channel: number): void {
    if (!Number.isInteger(channel) || channel < 1 || channel > channels) {
      throw new ServiceError('invalid-input', `relay channel must be 1…${channels}, got ${channel}`)
    }
  }

  /** Records the wish first, so a failed write is retried and a reconnect applies it. */
  async function wish(targets: readonly number[], isOn: boolean, run: () => Promise<void>): Promise<void> {
    for (const channel of targets) book.desired[channel - 1] = isOn
    try {
      await run()
    } catch (error) {
      // a board that refuses ON (wrong ON value) will never take it: no retry; OFF is retried
      if (isOn && error instanceof ModbusException) for (const channel of targets) book.desired[channel - 1] = undefined
      else link.kick(true)
      throw error
    }
  }

  const all = Array.from({ length: channels }, (_, i) => i + 1)

  return {
    channels,
    async setRelay(channel, isOn) {
      assertChannel(channel)
      await wish([channel], isOn, () => write(link.exchange, channel, isOn))
    },
    async setAll(isOn) {
      await wish(all, isOn, async () => {
        book.forget()
        const values = all.map(() => isOn)
        const request = { fc: FC_WRITE_COILS, unit, address: base, values } as const
        const reply = await call(link.exchange, request, 'write all relays')
        if (reply.kind !== 'write-coils' || reply.count !== channels) {
          throw new ServiceError('io', 'relay-modbus: write-all reply does not match the request')
        }
        book.known.fill(isOn)
      })
    },
    readRelays: () => read(link.exchange),
    want(channel, isOn) {
      assertChannel(channel)
      book.desired[channel - 1] = isOn
      link.kick()
    },
    desired: () => [...book.desired],
    strayUnit: () => stray,
    start: link.start,
    stop: link.stop,
    status: link.status,
    on: link.on,
  }
}
