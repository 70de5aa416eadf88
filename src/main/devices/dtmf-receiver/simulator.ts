/**
 * Simulated village FM loudspeaker receivers addressed by DTMF (no serial port: it "hears" the
 * PCM the station would put on air). Digits come from the Goertzel decoder; the receivers know
 * the installation's code plan and switch when the last digits heard form one of its codes, as
 * GAI-Tronics-style addressable receivers do (hardware-protocols.md §4.2).
 * Records: `code` {code} for every complete code heard, `zone` {zone, isOn} for each receiver
 * whose state changes.
 */
import { dtmfCodeFor, type DtmfCodePlan, type DtmfTarget } from '../../../shared/audio/dtmf'
import { createDtmfDecoder } from '../../../shared/audio/goertzel'
import { createSimRecorder, type SimRecorder } from '../sim/recorder'

export interface DtmfReceiverSimulatorOptions {
  sampleRate: number
  plan: DtmfCodePlan
  /** zone numbers of the receivers in the village */
  zones: readonly number[]
  /** group number → zones in it */
  groups?: Readonly<Record<number, readonly number[]>>
  recorder?: SimRecorder
  device?: string
}

export interface DtmfReceiverSimulator {
  /** feed on-air PCM; returns the digits decoded from it */
  hear(samples: Float32Array): string[]
  zonesOn(): number[]
  readonly recorder: SimRecorder
}

interface CodeAction {
  zones: readonly number[]
  isOn: boolean
}

function buildCodeTable(options: DtmfReceiverSimulatorOptions): Map<string, CodeAction> {
  const table = new Map<string, CodeAction>()
  const add = (target: DtmfTarget, zones: readonly number[]): void => {
    for (const isOn of [true, false]) {
      try {
        table.set(dtmfCodeFor(options.plan, target, isOn), { zones, isOn })
      } catch {
        // the plan has no code for this target (e.g. no group codes): receivers ignore it
      }
    }
  }
  for (const zone of options.zones) add({ zone }, [zone])
  for (const [group, zones] of Object.entries(options.groups ?? {})) add({ group: Number(group) }, zones)
  add('all', options.zones)
  return table
}

export function createDtmfReceiverSimulator(options: DtmfReceiverSimulatorOptions): DtmfReceiverSimulator {
  const recorder = options.recorder ?? createSimRecorder()
  const device = options.device ?? 'dtmf-receiver'
  const decoder = createDtmfDecoder({ sampleRate: options.sampleRate })
  const codes = buildCodeTable(options)
  const lengths = [...new Set([...codes.keys()].map((c) => c.length))].sort((a, b) => b - a)
  const on = new Set<number>()
  let heard = ''

  function onDigit(digit: string): void {
    heard = (heard + digit).slice(-16)
    for (const length of lengths) {
      const code = heard.slice(-length)
      const action = codes.get(code)
      if (!action || code.length < length) continue
      heard = ''
      recorder.record(device, 'code', { code })
      for (const zone of action.zones) {
        if (on.has(zone) === action.isOn) continue
        if (action.isOn) on.add(zone)
        else on.delete(zone)
        recorder.record(device, 'zone', { zone, isOn: action.isOn })
      }
      return
    }
  }

  return {
    hear(samples) {
      const digits = decoder.push(samples)
      digits.forEach(onDigit)
      return digits
    },
    zonesOn: () => [...on].sort((a, b) => a - b),
    recorder,
  }
}
