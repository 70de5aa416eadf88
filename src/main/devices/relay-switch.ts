/**
 * What a relay board offers to the rest of the station (amplifier mains, wired zones, the
 * exciter's mains or RF-inhibit input), whichever board family drives it.
 */
import type { DeviceDriver } from './link/status'

export interface RelaySwitch extends DeviceDriver {
  readonly channels: number
  /** channel is 1-based, as printed on the board */
  setRelay(channel: number, isOn: boolean): Promise<void>
  setAll(isOn: boolean): Promise<void>
  /** states read from the board when it can report them, else the last commanded states */
  readRelays(): Promise<boolean[]>
}
