/**
 * The whole bridge: every command and event of every domain. Adding a command means adding one
 * entry to a domain file here and one handler in `src/main/ipc/handlers`; the preload, the
 * WebSocket bridge and the dispatcher are generic over this map.
 */
import type { z } from 'zod'
import type { Result } from '../result'
import { appCommands, appEvents } from './app'
import { hardwareCommands, hardwareEvents } from './hardware'
import { hardwareOnAirCommands, hardwareOnAirEvents } from './hardware-onair'
import { mediaCommands } from './media'
import { recordingCommands, recordingEvents } from './recording'
import { oplogCommands } from './oplog'
import { reportsCommands } from './reports'
import { rolesCommands } from './roles'
import { provinceCommands } from './province'
import { settingsCommands, settingsEvents } from './settings'
import { uploadsCommands, uploadsEvents } from './uploads'

export const commands = {
  ...appCommands,
  ...settingsCommands,
  ...recordingCommands,
  ...mediaCommands,
  ...hardwareCommands,
  ...hardwareOnAirCommands,
  ...uploadsCommands,
  ...provinceCommands,
  ...reportsCommands,
  ...rolesCommands,
  ...oplogCommands,
}

export const events = {
  ...appEvents,
  ...settingsEvents,
  ...recordingEvents,
  ...hardwareEvents,
  ...hardwareOnAirEvents,
  ...uploadsEvents,
}

export type Commands = typeof commands
export type Channel = keyof Commands
export type Events = typeof events
export type EventChannel = keyof Events

/** What the caller passes (defaults may be omitted). */
export type CommandInput<C extends Channel> = z.input<Commands[C]['input']>
/** What a handler receives, after parsing. */
export type ParsedInput<C extends Channel> = z.output<Commands[C]['input']>
export type CommandOutput<C extends Channel> = z.output<Commands[C]['output']>
export type EventPayload<E extends EventChannel> = z.output<Events[E]['payload']>

export const isChannel = (name: string): name is Channel => Object.hasOwn(commands, name)
export const isEventChannel = (name: string): name is EventChannel => Object.hasOwn(events, name)

/** `window.daixa`: the same shape whether the preload (Electron) or the WebSocket bridge provides it. */
export interface DaixaBridge {
  invoke<C extends Channel>(channel: C, input: CommandInput<C>): Promise<Result<CommandOutput<C>>>
  on<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): () => void
}

export { ELECTRON_EVENT_CHANNEL, ELECTRON_INVOKE_CHANNEL } from './electron-channels'
