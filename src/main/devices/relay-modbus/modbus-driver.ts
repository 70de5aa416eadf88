/**
 * Driver for Modbus RTU relay modules (codec: modbus-codec.ts). Every command waits for its reply
 * (echo for FC05/0F, bitmap for FC01); an exception reply rejects with ModbusException (code 'io').
 * Reading the coils is the keepalive poll. Broadcast unit 0 is not supported: it gets no reply,
 * so health could not be checked.
 * Options cover non-standard boards: unit id (Waveshare 1, LCTech 255), first coil address
 * (some V1 boards number relays from 1) and the ON value (some V1 boards want 0100).
 */
import { ServiceError } from '../../../shared/result'
import { createDeviceLink, linkOptionsFrom, type DriverBaseOptions } from '../link/device-link'
import type { Exchange } from '../link/exchange'
import type { RelaySwitch } from '../relay-switch'
import {
  COIL_OFF,
  COIL_ON,
  encodeModbusRequest,
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
  restoreOnReconnect?: boolean
}

export type ModbusRelayDriver = RelaySwitch

export function createModbusRelayDriver(options: ModbusRelayDriverOptions): ModbusRelayDriver {
  const unit = options.unitId ?? 1
  const channels = options.channels ?? 8
  const base = options.coilBase ?? 0
  const onValue = options.onValue ?? COIL_ON
  const commanded: (boolean | undefined)[] = Array.from({ length: channels }, () => undefined)
  if (!Number.isInteger(unit) || unit < 1 || unit > 255) {
    throw new ServiceError('invalid-input', `relay-modbus: unit id must be 1…255, got ${unit}`)
  }

  const call = (exchange: Exchange, request: ModbusRequest, label: string, timeoutMs?: number) =>
    exchange.request(encodeModbusRequest(request), modbusReplyParser(request), {
      label,
      ...(timeoutMs ? { timeoutMs } : {}),
    })

  async function read(exchange: Exchange, timeoutMs?: number): Promise<boolean[]> {
    const request = { fc: FC_READ_COILS, unit, address: base, count: channels } as const
    const reply = await call(exchange, request, 'read coils', timeoutMs)
    if (reply.kind !== 'coils') throw new ServiceError('io', 'relay-modbus: unexpected reply to read coils')
    return reply.bits.slice(0, channels)
  }

  async function restore(exchange: Exchange): Promise<void> {
    const states = await read(exchange)
    for (const [i, isOn] of commanded.entries()) {
      if (isOn === undefined || states[i] === isOn) continue
      await write(exchange, i + 1, isOn)
      options.log.warn(`relay-modbus: relay ${i + 1} was ${states[i] ? 'on' : 'off'} after reconnect, restored`)
    }
  }

  async function write(exchange: Exchange, channel: number, isOn: boolean): Promise<void> {
    const value = isOn ? onValue : COIL_OFF
    const request = { fc: FC_WRITE_COIL, unit, address: base + channel - 1, value } as const
    const reply = await call(exchange, request, `write relay ${channel}`)
    if (reply.kind !== 'write-coil' || reply.address !== request.address || reply.value !== value) {
      throw new ServiceError('io', `relay-modbus: relay ${channel} echo does not match the request`)
    }
  }

  const link = createDeviceLink({
    ...linkOptionsFrom(options, 500),
    module: 'relay-modbus',
    probe: async (exchange) => void (await read(exchange, options.probeTimeoutMs ?? 500)),
    onConnected: async (exchange, { isReconnect }) => {
      if (isReconnect && (options.restoreOnReconnect ?? true)) await restore(exchange)
    },
  })

  function assertChannel(channel: number): void {
    if (!Number.isInteger(channel) || channel < 1 || channel > channels) {
      throw new ServiceError('invalid-input', `relay channel must be 1…${channels}, got ${channel}`)
    }
  }

  return {
    channels,
    async setRelay(channel, isOn) {
      assertChannel(channel)
      await write(link.exchange, channel, isOn)
      commanded[channel - 1] = isOn
    },
    async setAll(isOn) {
      const values = Array.from({ length: channels }, () => isOn)
      const reply = await call(link.exchange, { fc: FC_WRITE_COILS, unit, address: base, values }, 'write all relays')
      if (reply.kind !== 'write-coils' || reply.count !== channels) {
        throw new ServiceError('io', 'relay-modbus: write-all reply does not match the request')
      }
      commanded.fill(isOn)
    },
    readRelays: () => read(link.exchange),
    start: link.start,
    stop: link.stop,
    status: link.status,
    on: link.on,
  }
}
