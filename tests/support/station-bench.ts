/**
 * A whole commune station on socat pairs, for the safety tests: the real app services (drivers,
 * watchdog) on the near ends, simulators on the far ends, all sharing one recorder.
 *   amp      LCUS-4 "Rơ-le tăng âm" (amplifier-relay, answers status queries)
 *   zones    Modbus 8-channel "Rơ-le vùng loa" (zone-relay)
 *   exciter  "Máy phát FM" (daixa-bridge profile)
 *   spare    LCUS-1-like 2-channel board without status replies (role other) whose channel 1
 *            switches "Máy phát dự phòng" (exciter-relay)
 * A simulator keeps its state across an unplug (a board with its own power supply): what it
 * shows after a replug is what the drivers made it do. `unplug`/`replug` pull and restore one
 * cable (the simulator reopens its end); `silence` makes one device hang.
 */
import { beforeEach } from 'vitest'
import { createExciterSimulator, type ExciterSimulator } from '../../src/main/devices/exciter/simulator'
import { createLcusSimulator, type LcusSimulator } from '../../src/main/devices/relay-lcus/simulator'
import { createModbusRelaySimulator, type ModbusRelaySimulator } from '../../src/main/devices/relay-modbus/simulator'
import { createSimRecorder, type SimRecorder } from '../../src/main/devices/sim/recorder'
import type { DeviceSimulator } from '../../src/main/devices/sim/simulator-core'
import type { StationTiming } from '../../src/main/services/hardware/station-ops'
import type { DeviceConfig } from '../../src/shared/ipc/hardware'
import { serialDevice, useHardwareServices, type HardwareServices } from './hardware-services'
import { useSerialBench, type SerialBench } from './serial-bench'

export const STATION_DEVICES = ['amp', 'zones', 'exciter', 'spare'] as const
export type StationDevice = (typeof STATION_DEVICES)[number]

export interface Station {
  readonly bench: SerialBench
  readonly hw: HardwareServices
  readonly recorder: SimRecorder
  sims(): { amp: LcusSimulator; zones: ModbusRelaySimulator; exciter: ExciterSimulator; spare: LcusSimulator }
  devices(): Record<StationDevice | 'spareExciter', DeviceConfig>
  unplug(device: StationDevice): Promise<void>
  replug(device: StationDevice): Promise<void>
  silence(device: StationDevice, isSilent: boolean): void
  /** every relay of every board off and both exciters' RF off, as the simulators show it */
  isAllOff(): boolean
  /** what is still on, for failure messages */
  describeOn(): string
}

export function useStation(timing: StationTiming = {}): Station {
  const bench = useSerialBench({ pairCount: STATION_DEVICES.length })
  const hw = useHardwareServices({ hardwareTiming: timing })
  const recorder = createSimRecorder()
  let sims: ReturnType<Station['sims']> | null = null
  let devices: ReturnType<Station['devices']> | null = null
  const pairOf = (d: StationDevice) => bench.pairAt(STATION_DEVICES.indexOf(d))
  const simOf = (d: StationDevice): DeviceSimulator => station.sims()[d]

  beforeEach(async () => {
    recorder.clear()
    sims = {
      amp: await bench.simulator((t) => createLcusSimulator({ transport: t, recorder, device: 'amp' }), pairOf('amp')),
      zones: await bench.simulator(
        (t) => createModbusRelaySimulator({ transport: t, recorder, device: 'zones' }),
        pairOf('zones'),
      ),
      exciter: await bench.simulator(
        (t) => createExciterSimulator({ transport: t, recorder, device: 'exciter' }),
        pairOf('exciter'),
      ),
      spare: await bench.simulator(
        (t) => createLcusSimulator({ transport: t, recorder, device: 'spare', channels: 2, hasStatusQuery: false }),
        pairOf('spare'),
      ),
    }
    const device = (name: string, role: 'amplifier-relay' | 'zone-relay' | 'exciter' | 'other', d: StationDevice) =>
      ({ name, role, path: pairOf(d).a }) as const
    const amp = await hw.save(
      serialDevice({ ...device('Rơ-le tăng âm', 'amplifier-relay', 'amp'), family: 'relay-lcus' }),
    )
    const zones = await hw.save(
      serialDevice({ ...device('Rơ-le vùng loa', 'zone-relay', 'zones'), family: 'relay-modbus' }),
    )
    const exciter = await hw.save(serialDevice({ ...device('Máy phát FM', 'exciter', 'exciter'), family: 'exciter' }))
    const spare = await hw.save(
      serialDevice({
        ...device('Bo rơ-le phụ', 'other', 'spare'),
        family: 'relay-lcus',
        options: { channels: 2, hasStatusQuery: false },
      }),
    )
    const spareExciter = await hw.save({
      name: 'Máy phát dự phòng',
      role: 'exciter',
      family: 'exciter-relay',
      options: { relayDeviceId: spare.id, channel: 1 },
    })
    devices = { amp, zones, exciter, spare, spareExciter }
    for (const d of [amp, zones, exciter, spare]) await hw.statusAfter(d.id, 'online', 0, 4000)
  })

  const station: Station = {
    bench,
    hw,
    recorder,
    sims() {
      if (!sims) throw new Error('station-bench: not set up (inside a test?)')
      return sims
    },
    devices() {
      if (!devices) throw new Error('station-bench: not set up (inside a test?)')
      return devices
    },
    unplug: (d) => pairOf(d).unplug(),
    async replug(d) {
      // the simulator lets go of its end of the vanished port before the new one appears
      await simOf(d).stop()
      await pairOf(d).replug()
      await simOf(d).start()
    },
    silence: (d, isSilent) => simOf(d).setResponsive(!isSilent),
    isAllOff() {
      const s = station.sims()
      return (
        !s.amp.relays().some(Boolean) &&
        !s.zones.relays().some(Boolean) &&
        !s.exciter.state().isRfOn &&
        !s.spare.relays().some(Boolean)
      )
    },
    describeOn() {
      const s = station.sims()
      return JSON.stringify({
        amp: s.amp.relays(),
        zones: s.zones.relays(),
        exciterRf: s.exciter.state().isRfOn,
        spare: s.spare.relays(),
      })
    },
  }
  return station
}
