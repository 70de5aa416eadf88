/**
 * Driver for UECP RDS encoders (codec: uecp-frame.ts, uecp-messages.ts), one element per frame.
 * - unidirectional (default): frames are written and not answered (FMUSER RDS-C / PIRA32 with
 *   UECP=1 "never respond"), so only a vanished port is noticed;
 * - bidirectional: every frame carries a sequence counter and waits for the MEC 18 ACK; a
 *   non-zero ACK code rejects with 'io'; a request for PI (MEC 17) is the keepalive poll.
 * Each element has a DESIRED value, recorded before it is sent; after a reconnect every desired
 * element is written again (the encoder may have been power-cycled and lost RAM settings), and a
 * failed write is retried with back-off until it lands (link/keeper.ts) — so a radiotext cleared
 * while the encoder was away is cleared when it comes back, never restored.
 * Text goes as RDS-table bytes or as plain ASCII (`textEncoding`, default 'ascii', the same
 * setting as the ASCII encoders). Each new radiotext flips the A/B flag (MEC 0A bit 0), so
 * receivers clear the old text instead of mixing the two.
 * Reference: hardware-protocols.md §1.1.3–1.1.5.
 */
import { ServiceError } from '../../../shared/result'
import { createDeviceLink, linkOptionsFrom, type DriverBaseOptions } from '../link/device-link'
import type { Exchange, ParseStep } from '../link/exchange'
import type { RdsTarget } from '../rds-charset'
import { formatRt } from '../rds-charset'
import type { RdsEncoder } from '../rds-encoder'
import { decodeUecpFrameBody, encodeUecpFrame, UECP_STA, UECP_STP, type UecpFrame } from './uecp-frame'
import { decodeUecpMessage } from './uecp-message-decoder'
import * as el from './uecp-messages'

export interface UecpDriverOptions extends DriverBaseOptions {
  site?: number
  encoder?: number
  mode?: 'unidirectional' | 'bidirectional'
  service?: el.Service
  /** 'ascii' (default): plain ASCII; 'rds': the RDS character table (keeps some accents) */
  textEncoding?: RdsTarget
}

export const UECP_FRAME_GAP_MS = 50

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
  const target = options.textEncoding ?? 'ascii'
  /** desired element per MEC, and the MECs whose desired element the encoder is known to have */
  const desired = new Map<number, number[]>()
  const known = new Set<number>()
  const flags = { ta: false, tp: false }
  let sequence = 0
  let lastRt: string | null = null
  let abFlag = false

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
    if (!isBidirectional) return exchange.send(frame.bytes)
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

  async function write(exchange: Exchange, mec: number, element: number[]): Promise<void> {
    known.delete(mec)
    await transmit(exchange, element)
    if (desired.get(mec) === element) known.add(mec)
  }

  async function reconcile(exchange: Exchange): Promise<void> {
    for (const [mec, element] of desired) if (!known.has(mec)) await write(exchange, mec, element)
  }

  const link = createDeviceLink({
    ...linkOptionsFrom(options, 500, UECP_FRAME_GAP_MS),
    module: 'rds-uecp',
    ...(isBidirectional ? { probe } : {}),
    onConnected: () => Promise.resolve(known.clear()),
    keep: { reconcile, isSettled: () => [...desired.keys()].every((mec) => known.has(mec)) },
  })

  async function send(element: number[]): Promise<void> {
    const mec = element[0]
    if (mec === undefined) throw new ServiceError('invalid-input', 'rds-uecp: empty element')
    desired.set(mec, element)
    try {
      await write(link.exchange, mec, element)
    } catch (error) {
      // a value the encoder refuses will never land: do not retry it
      if (error instanceof ServiceError && error.code === 'invalid-input') desired.delete(mec)
      else link.kick(true)
      throw error
    }
  }

  /** A new text flips the A/B flag; the same text again keeps it (receivers keep showing it). */
  function rtOf(text: string): number[] {
    const shown = formatRt(text, target)
    if (shown !== '' && shown !== lastRt) abFlag = !abFlag
    lastRt = shown
    return el.rtElement(text, { toggle: abFlag, target }, service)
  }

  return {
    sendElement: async (element) => send([...element]),
    setPi: async (pi) => send(el.piElement(pi, service)),
    setPs: async (text) => send(el.psElement(text, service, target)),
    setRt: async (text) => send(rtOf(text)),
    wantRt(text) {
      const current = desired.get(el.MEC.rt)
      if (current === undefined || formatRt(text, target) !== lastRt) {
        desired.set(el.MEC.rt, rtOf(text))
        known.delete(el.MEC.rt)
      }
      link.kick()
    },
    setTa: async (isOn) => {
      await send(el.taTpElement({ ...flags, ta: isOn }, service))
      flags.ta = isOn
    },
    setTp: async (isOn) => {
      await send(el.taTpElement({ ...flags, tp: isOn }, service))
      flags.tp = isOn
    },
    setPty: async (pty) => send(el.ptyElement(pty, service)),
    setPtyn: async (text) => send(el.ptynElement(text, service, target)),
    setMs: async (isMusic) => send(el.msElement(isMusic, service)),
    start: link.start,
    stop: link.stop,
    status: link.status,
    on: link.on,
  }
}
