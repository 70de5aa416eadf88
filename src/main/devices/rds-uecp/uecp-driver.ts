/**
 * Driver for UECP RDS encoders (codec: uecp-frame.ts, uecp-messages.ts), one element per frame.
 * - unidirectional (default): frames are written and not answered (FMUSER RDS-C / PIRA32 with
 *   UECP=1 "never respond"), so only a vanished port is noticed;
 * - bidirectional: every frame carries a sequence counter and waits for the MEC 18 ACK; a
 *   non-zero ACK code rejects with 'io'; a request for PI (MEC 17) is the keepalive poll.
 * The last value of each element is kept and written again after a reconnect (the encoder may
 * have been power-cycled and lost RAM settings).
 * Reference: hardware-protocols.md §1.1.4.
 */
import { ServiceError } from '../../../shared/result'
import { createDeviceLink, linkOptionsFrom, type DriverBaseOptions } from '../link/device-link'
import type { Exchange, ParseStep } from '../link/exchange'
import type { RdsEncoder } from '../rds-encoder'
import { decodeUecpFrameBody, encodeUecpFrame, UECP_STA, UECP_STP, type UecpFrame } from './uecp-frame'
import { decodeUecpMessage } from './uecp-message-decoder'
import * as el from './uecp-messages'

export interface UecpDriverOptions extends DriverBaseOptions {
  site?: number
  encoder?: number
  mode?: 'unidirectional' | 'bidirectional'
  service?: el.Service
  /** pause after each frame in unidirectional mode (default 50 ms) */
  frameGapMs?: number
  restoreOnReconnect?: boolean
}

export interface UecpDriver extends RdsEncoder {
  /** any element built with uecp-messages.ts, e.g. a future MEC */
  sendElement(element: readonly number[]): Promise<void>
}

/** Cut the next whole frame out of the stream and let `accept` judge it (null = not ours). */
export function uecpFrameParser<T>(accept: (frame: UecpFrame) => T | ServiceError | null) {
  return (buffer: Uint8Array): ParseStep<T> => {
    const start = buffer.indexOf(UECP_STA)
    if (start !== 0) return { kind: 'skip', consumed: start < 0 ? buffer.length : start }
    const end = buffer.indexOf(UECP_STP, 1)
    if (end < 0) return { kind: 'need-more' }
    const restart = buffer.subarray(1, end).indexOf(UECP_STA)
    if (restart >= 0) return { kind: 'skip', consumed: restart + 1 }
    let frame: UecpFrame
    try {
      frame = decodeUecpFrameBody(buffer.subarray(1, end))
    } catch {
      return { kind: 'skip', consumed: end + 1 }
    }
    const verdict = accept(frame)
    if (verdict === null) return { kind: 'skip', consumed: end + 1 }
    if (verdict instanceof ServiceError) return { kind: 'fail', error: verdict, consumed: end + 1 }
    return { kind: 'reply', value: verdict, consumed: end + 1 }
  }
}

function ackVerdict(frame: UecpFrame, sequence: number): true | ServiceError | null {
  const ack = decodeUecpMessage(frame.message).find((e) => e.kind === 'ack')
  if (!ack || ack.kind !== 'ack') return null
  const seq = ack.code === 0 ? frame.sequence : ack.sequence
  if (seq !== 0 && seq !== sequence) return null
  if (ack.code === 0) return true
  return new ServiceError(
    'io',
    `rds-uecp: encoder refused the message: ${el.ACK_NAMES[ack.code] ?? `code ${ack.code}`}`,
  )
}

export function createUecpDriver(options: UecpDriverOptions): UecpDriver {
  const isBidirectional = options.mode === 'bidirectional'
  const service = options.service ?? { dsn: 0, psn: 0 }
  const last = new Map<number, number[]>()
  const flags = { ta: false, tp: false }
  let sequence = 0

  function frameOf(element: readonly number[]): { bytes: Uint8Array; sequence: number } {
    sequence = isBidirectional ? (sequence % 255) + 1 : 0
    const bytes = encodeUecpFrame({
      site: options.site ?? 0,
      encoder: options.encoder ?? 0,
      sequence,
      message: element,
    })
    return { bytes, sequence }
  }

  async function transmit(exchange: Exchange, element: readonly number[]): Promise<void> {
    const frame = frameOf(element)
    if (!isBidirectional) return exchange.send(frame.bytes, { gapMs: options.frameGapMs ?? 50 })
    const label = `MEC ${(element[0] ?? 0).toString(16).padStart(2, '0')}`
    await exchange.request(
      frame.bytes,
      uecpFrameParser((f) => ackVerdict(f, frame.sequence)),
      { label },
    )
  }

  async function probe(exchange: Exchange): Promise<void> {
    const frame = frameOf(el.requestElement(el.MEC.pi, [service.dsn, service.psn]))
    const isPiOrAck = (f: UecpFrame): true | null =>
      decodeUecpMessage(f.message).some((e) => e.kind === 'pi' || e.kind === 'ack') ? true : null
    await exchange.request(frame.bytes, uecpFrameParser(isPiOrAck), {
      label: 'PI request',
      timeoutMs: options.probeTimeoutMs ?? 500,
    })
  }

  const link = createDeviceLink({
    ...linkOptionsFrom(options, 500),
    module: 'rds-uecp',
    ...(isBidirectional ? { probe } : {}),
    onConnected: async (exchange, { isReconnect }) => {
      if (!isReconnect || !(options.restoreOnReconnect ?? true)) return
      for (const element of last.values()) await transmit(exchange, element)
    },
  })

  async function send(element: number[]): Promise<void> {
    await transmit(link.exchange, element)
    if (element[0] !== undefined) last.set(element[0], element)
  }

  return {
    sendElement: async (element) => send([...element]),
    setPi: async (pi) => send(el.piElement(pi, service)),
    setPs: async (text) => send(el.psElement(text, service)),
    setRt: async (text) => send(el.rtElement(text, {}, service)),
    setTa: async (isOn) => {
      await send(el.taTpElement({ ...flags, ta: isOn }, service))
      flags.ta = isOn
    },
    setTp: async (isOn) => {
      await send(el.taTpElement({ ...flags, tp: isOn }, service))
      flags.tp = isOn
    },
    setPty: async (pty) => send(el.ptyElement(pty, service)),
    setPtyn: async (text) => send(el.ptynElement(text, service)),
    setMs: async (isMusic) => send(el.msElement(isMusic, service)),
    start: link.start,
    stop: link.stop,
    status: link.status,
    on: link.on,
  }
}
