/**
 * Simulated Modbus RTU relay module: coil array, FC01 bitmap reply, FC05 echo, FC0F reply,
 * exception 01 for other functions, 02 for coils out of range, 03 for a bad FC05 value.
 * Unit 0 (broadcast) writes are executed without reply. Clears a half-received frame after
 * 50 ms of silence, like a slave's 3.5-character rule.
 * Records: `relay` {channel, isOn} per changed coil, `read`, `exception` {fc, code}.
 */
import { createSimRecorder, type SimRecorder } from '../sim/recorder'
import { createSimulatorCore, type DeviceSimulator } from '../sim/simulator-core'
import type { Transport } from '../transport/transport'
import {
  COIL_OFF,
  encodeModbusResponse,
  FC_READ_COILS,
  FC_WRITE_COIL,
  FC_WRITE_COILS,
  unpackBits,
} from './modbus-codec'
import type { ModbusResponse } from './modbus-codec'
import { decodeModbusRequest, type RawModbusRequest } from './modbus-request-decoder'

export interface ModbusRelaySimulatorOptions {
  transport: Transport
  unitId?: number
  coils?: number
  onValue?: number
  recorder?: SimRecorder
  device?: string
}

export interface ModbusRelaySimulator extends DeviceSimulator {
  relays(): boolean[]
}

export function createModbusRelaySimulator(options: ModbusRelaySimulatorOptions): ModbusRelaySimulator {
  const unit = options.unitId ?? 1
  const onValue = options.onValue ?? 0xff00
  const coils = Array.from({ length: options.coils ?? 8 }, () => false)
  const recorder = options.recorder ?? createSimRecorder()
  const device = options.device ?? 'relay-modbus'
  let rx = new Uint8Array(0)
  let silence: ReturnType<typeof setTimeout> | null = null
  const core = createSimulatorCore({ transport: options.transport, recorder, device, onData })

  function onData(chunk: Uint8Array): void {
    rx = Uint8Array.from([...rx, ...chunk])
    for (;;) {
      const step = decodeModbusRequest(rx)
      if (step.kind === 'need-more') break
      rx = rx.subarray(step.consumed)
      if (step.kind === 'request') handle(step.request)
    }
    if (silence) clearTimeout(silence)
    silence = rx.length > 0 ? setTimeout(() => (rx = new Uint8Array(0)), 50) : null
  }

  function setCoil(address: number, isOn: boolean): void {
    if (coils[address] === isOn) return
    coils[address] = isOn
    recorder.record(device, 'relay', { channel: address + 1, isOn })
  }

  function answer(request: RawModbusRequest): ModbusResponse {
    const word = (i: number): number => ((request.data[i] ?? 0) << 8) | (request.data[i + 1] ?? 0)
    const exception = (code: number): ModbusResponse => {
      recorder.record(device, 'exception', { fc: request.fc, code })
      return { kind: 'exception', unit, fc: request.fc, code }
    }
    const address = word(0)
    const count = word(2)
    if (request.fc === FC_READ_COILS) {
      if (count < 1 || address + count > coils.length) return exception(2)
      recorder.record(device, 'read', { address, count })
      return { kind: 'coils', unit, bits: coils.slice(address, address + count) }
    }
    if (request.fc === FC_WRITE_COIL) {
      if (address >= coils.length) return exception(2)
      if (count !== onValue && count !== COIL_OFF) return exception(3)
      setCoil(address, count === onValue)
      return { kind: 'write-coil', unit, address, value: count }
    }
    if (request.fc === FC_WRITE_COILS) {
      if (count < 1 || address + count > coils.length) return exception(2)
      unpackBits(request.data.subarray(5), count).forEach((isOn, i) => setCoil(address + i, isOn))
      return { kind: 'write-coils', unit, address, count }
    }
    return exception(1)
  }

  function handle(request: RawModbusRequest): void {
    if (request.unit !== unit && request.unit !== 0) return
    const response = answer(request)
    if (request.unit !== 0) core.reply(encodeModbusResponse(response))
  }

  return {
    start: core.start,
    async stop() {
      if (silence) clearTimeout(silence)
      silence = null
      await core.stop()
    },
    setResponsive: core.setResponsive,
    recorder,
    relays: () => [...coils],
  }
}
