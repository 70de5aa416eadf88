/**
 * Simulated UECP RDS encoder: splits frames on FE…FF, checks stuffing/CRC/MFL, applies PI, PS,
 * TA/TP, DI, MS, PTY, RT, PTYN to its state. In bidirectional mode it answers every frame with a
 * MEC 18 ACK (1 = CRC error, 3 = unknown MEC, 6 = parameter out of range) and a PI request with a
 * PI message; in unidirectional mode (the FMUSER/PIRA default) it never answers.
 * Records one action per element: `pi` {pi}, `ps` {text}, `rt` {text}, `ta-tp` {ta, tp}, `pty`
 * {pty}, `ptyn` {text}, `ms` {isMusic}, `di` {flags}, `request` {target}, `unknown` {mec}, and
 * `bad-frame` {reason} for frames that fail the checks.
 */
import { createSimRecorder, type SimRecorder } from '../sim/recorder'
import { createSimulatorCore, type DeviceSimulator } from '../sim/simulator-core'
import type { Transport } from '../transport/transport'
import { createUecpStreamDecoder, encodeUecpFrame, type UecpFrame } from './uecp-frame'
import { decodeUecpMessage } from './uecp-message-decoder'
import { ackElement, MEC, piElement, type UecpElement } from './uecp-messages'

export interface UecpSimulatorOptions {
  transport: Transport
  mode?: 'unidirectional' | 'bidirectional'
  recorder?: SimRecorder
  device?: string
}

export interface UecpEncoderState {
  pi: number
  ps: string
  rt: string
  ta: boolean
  tp: boolean
  pty: number
  ptyn: string
  isMusic: boolean
}

export interface UecpSimulator extends DeviceSimulator {
  state(): UecpEncoderState
}

export function createUecpSimulator(options: UecpSimulatorOptions): UecpSimulator {
  const recorder = options.recorder ?? createSimRecorder()
  const device = options.device ?? 'rds-uecp'
  const isBidirectional = options.mode === 'bidirectional'
  const state: UecpEncoderState = {
    pi: 0,
    ps: '        ',
    rt: '',
    ta: false,
    tp: false,
    pty: 0,
    ptyn: '',
    isMusic: false,
  }
  const decoder = createUecpStreamDecoder()
  const core = createSimulatorCore({ transport: options.transport, recorder, device, onData })

  function onData(chunk: Uint8Array): void {
    for (const item of decoder.push(chunk)) {
      if (item.kind === 'error') {
        recorder.record(device, 'bad-frame', { reason: item.error.message })
        if (isBidirectional) respond(0, ackElement(item.error.message.includes('CRC') ? 1 : 12, 0))
      } else handleFrame(item.frame)
    }
  }

  function respond(sequence: number, element: number[]): void {
    core.reply(encodeUecpFrame({ sequence, message: element }))
  }

  function handleFrame(frame: UecpFrame): void {
    let code = 0
    for (const element of decodeUecpMessage(frame.message)) {
      if (element.kind === 'request' && element.target === MEC.pi) {
        recorder.record(device, 'request', { target: element.target })
        respond(frame.sequence, piElement(state.pi))
        return
      }
      code = Math.max(code, apply(element))
    }
    if (isBidirectional) respond(code === 0 ? frame.sequence : 0, ackElement(code, frame.sequence))
  }

  /** Applies one element; returns the ACK code. */
  function apply(e: UecpElement): number {
    switch (e.kind) {
      case 'pi':
        state.pi = e.pi
        return ok('pi', { pi: e.pi })
      case 'ps':
        state.ps = e.text
        return ok('ps', { text: e.text })
      case 'rt':
        state.rt = e.buffer === 'append' ? state.rt + e.text : e.text
        return ok('rt', { text: state.rt, toggle: e.toggle })
      case 'rt-clear':
        state.rt = ''
        return ok('rt', { text: '' })
      case 'ta-tp':
        Object.assign(state, { ta: e.ta, tp: e.tp })
        return ok('ta-tp', { ta: e.ta, tp: e.tp })
      case 'pty':
        if (e.pty > 31) return 6
        state.pty = e.pty
        return ok('pty', { pty: e.pty })
      case 'ptyn':
        state.ptyn = e.text
        return ok('ptyn', { text: e.text })
      case 'ms':
        state.isMusic = e.isMusic
        return ok('ms', { isMusic: e.isMusic })
      case 'di':
        return ok('di', { flags: e.flags })
      default:
        recorder.record(device, 'unknown', { mec: e.kind === 'unknown' ? e.code : -1 })
        return 3
    }
  }

  function ok(action: string, detail: Record<string, string | number | boolean>): number {
    recorder.record(device, action, detail)
    return 0
  }

  return {
    start: core.start,
    stop: core.stop,
    setResponsive: core.setResponsive,
    recorder,
    state: () => ({ ...state }),
  }
}
