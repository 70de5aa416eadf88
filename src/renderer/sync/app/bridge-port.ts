/**
 * The two bridge functions the sync adapters use, passed in so tests can hand them the real main
 * services in-process (the renderer's `bridge.ts` needs a window).
 */
import type { Channel, CommandInput, CommandOutput, EventChannel, EventPayload } from '../../../shared/ipc/contract'

export type BridgeCall = <C extends Channel>(channel: C, input: CommandInput<C>) => Promise<CommandOutput<C>>

export type BridgeOn = <E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void) => () => void
