/**
 * What a relay board offers to the rest of the station (amplifier mains, wired zones, the
 * exciter's mains or RF-inhibit input), whichever board family drives it, and the desired-state
 * book-keeping every relay driver shares.
 *
 * Each channel has a DESIRED state (what the station wants, recorded before the write) and a
 * KNOWN state (what the board is known to have: a write that went through, or a read). A
 * reconnect and every retry write the channels whose known state differs from the desired one
 * (link/keeper.ts), so a board replugged after a failed "off" is switched off, never back on.
 */
import type { DeviceDriver } from './link/status'

export interface RelaySwitch extends DeviceDriver {
  readonly channels: number
  /** channel is 1-based, as printed on the board; the desired state is recorded before the write */
  setRelay(channel: number, isOn: boolean): Promise<void>
  setAll(isOn: boolean): Promise<void>
  /** states read from the board when it can report them, else the known (last written) states */
  readRelays(): Promise<boolean[]>
  /**
   * Wants a state without waiting for it: nothing is sent when the board is known to have it;
   * otherwise it is written as soon as the board is online and retried until it lands.
   */
  want(channel: number, isOn: boolean): void
  /** the desired state of each channel (undefined: nobody asked yet) */
  desired(): readonly (boolean | undefined)[]
}

export interface RelayBook {
  readonly desired: (boolean | undefined)[]
  readonly known: (boolean | undefined)[]
  /** channels (1-based) whose desired state is not the one the board has (`actual`, else known) */
  pending(actual?: readonly boolean[]): { channel: number; isOn: boolean }[]
  isSettled(): boolean
  /** the board may have been power-cycled or switched by hand: forget what it had */
  forget(): void
}

export function createRelayBook(channels: number): RelayBook {
  const desired: (boolean | undefined)[] = Array.from({ length: channels }, () => undefined)
  const known: (boolean | undefined)[] = Array.from({ length: channels }, () => undefined)
  const pending = (actual?: readonly boolean[]) =>
    desired.flatMap((isOn, i) =>
      isOn === undefined || (actual?.[i] ?? known[i]) === isOn ? [] : [{ channel: i + 1, isOn }],
    )
  return {
    desired,
    known,
    pending,
    isSettled: () => pending().length === 0,
    forget: () => known.fill(undefined),
  }
}
