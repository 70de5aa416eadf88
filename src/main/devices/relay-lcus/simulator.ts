/**
 * Simulated LCUS board: takes 4-byte A0 frames and the FF query, keeps the relay states, answers
 * the query with `CHn: ON|OFF` lines when it is a board that has status (LCUS-4/8).
 * Records: `relay` {channel, isOn} and `query`.
 */
import { fromLatin1 } from '../bytes'
import { createSimRecorder, type SimRecorder } from '../sim/recorder'
import { createSimulatorCore, type DeviceSimulator } from '../sim/simulator-core'
import type { Transport } from '../transport/transport'
import { decodeLcusCommand, encodeLcusStatus, type LcusCommand } from './lcus-codec'

export interface LcusSimulatorOptions {
  transport: Transport
  channels?: number
  hasStatusQuery?: boolean
  recorder?: SimRecorder
  device?: string
}

export interface LcusSimulator extends DeviceSimulator {
  relays(): boolean[]
  /** relays switched by something else than a frame (a board that powers up on, a hand) */
  force(states: readonly boolean[]): void
}

export function createLcusSimulator(options: LcusSimulatorOptions): LcusSimulator {
  const channels = options.channels ?? 4
  const recorder = options.recorder ?? createSimRecorder()
  const device = options.device ?? 'relay-lcus'
  const relays = Array.from({ length: channels }, () => false)
  let rx = new Uint8Array(0)

  const core = createSimulatorCore({ transport: options.transport, recorder, device, onData })

  function onData(chunk: Uint8Array): void {
    rx = Uint8Array.from([...rx, ...chunk])
    for (;;) {
      const step = decodeLcusCommand(rx)
      if (step.kind === 'need-more') return
      rx = rx.subarray(step.consumed)
      if (step.kind === 'command') handle(step.command)
    }
  }

  function handle(command: LcusCommand): void {
    if (command.kind === 'query') {
      recorder.record(device, 'query')
      if (options.hasStatusQuery ?? true) core.reply(fromLatin1(encodeLcusStatus(relays)))
      return
    }
    if (command.channel > channels) return
    relays[command.channel - 1] = command.isOn
    recorder.record(device, 'relay', { channel: command.channel, isOn: command.isOn })
  }

  return {
    start: core.start,
    stop: core.stop,
    setResponsive: core.setResponsive,
    recorder,
    relays: () => [...relays],
    force(states) {
      states.forEach((isOn, i) => {
        if (i < relays.length) relays[i] = isOn
      })
      recorder.record(device, 'forced', { states: [...relays] })
    },
  }
}
