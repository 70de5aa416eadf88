/**
 * Health of one device as the drivers report it through `on('status')`.
 * - connecting: first open and probe in progress
 * - online: open, and (for devices with a query) answering polls
 * - unresponsive: port open but the device stopped answering; the driver reopens with back-off
 * - disconnected: port could not be opened or vanished (USB unplugged, socket reset)
 * - stopped: stop() was called
 */
import type { Unsubscribe } from '../emitter'

export type DeviceState = 'stopped' | 'connecting' | 'online' | 'unresponsive' | 'disconnected'

export interface DeviceStatus {
  state: DeviceState
  /** ms since epoch (from the injected clock) when this status was entered */
  at: number
  /** English technical detail for logs, e.g. the OS error */
  detail?: string
  /** when state is unresponsive/disconnected: delay until the next reopen attempt */
  retryInMs?: number
}

/**
 * The driver found the device in another state than the station wants and put it back: a relay
 * on while wanted off after a replug or a power-up, RF on while wanted off. `channel` absent: RF.
 */
export interface Correction {
  channel?: number
  /** what the device was found doing, and what it was switched to */
  wasOn: boolean
  isOn: boolean
}

export interface DeviceEvents extends Record<string, unknown> {
  status: DeviceStatus
  corrected: Correction
}

/** What every driver has in common, whatever its commands. */
export interface DeviceDriver {
  /** Opens the port in the background and keeps it open; never throws. Returns stop(). */
  start(): () => Promise<void>
  stop(): Promise<void>
  status(): DeviceStatus
  on<E extends keyof DeviceEvents>(event: E, listener: (payload: DeviceEvents[E]) => void): Unsubscribe
}
