/**
 * Driver for PIRA-compatible ASCII RDS encoders (codec: ascii-codec.ts). Commands are serialized
 * and each waits for its reply (PS can take ~400 ms to process, so the default timeout is
 * 1200 ms); `!` rejects with 'io', `-` with 'invalid-input', `/` resolves with a warning.
 * Keepalive: the `PI` query, with its own short timeout so a silent encoder is noticed in < 2 s.
 * Each setting has a DESIRED value, recorded before it is sent: after a reconnect every desired
 * setting is sent again, and a failed one is retried with back-off until it lands
 * (link/keeper.ts) — a radiotext cleared while the encoder was away stays cleared.
 */
import { ServiceError } from '../../../shared/result'
import { latin1 } from '../bytes'
import { createDeviceLink, linkOptionsFrom, type DriverBaseOptions } from '../link/device-link'
import type { Exchange } from '../link/exchange'
import type { RdsEncoder } from '../rds-encoder'
import {
  asciiCommands as cmd,
  asciiReplyParser,
  encodeAsciiCommand,
  formatAsciiCommand,
  type AsciiCommand,
  type AsciiReply,
  type AsciiTextEncoding,
} from './ascii-codec'

export interface RdsAsciiDriverOptions extends DriverBaseOptions {
  /** 'ascii' (default): fold Vietnamese to plain ASCII; 'rds': send RDS-table bytes */
  textEncoding?: AsciiTextEncoding
  /** use `*CMD=` so settings survive a power cut (EEPROM wear: not for RT updates) */
  isStoring?: boolean
}

export const RDS_ASCII_FRAME_GAP_MS = 20

export interface RdsAsciiDriver extends RdsEncoder {
  setRt2(text: string): Promise<void>
  setAf(frequenciesMHz: readonly number[]): Promise<void>
  /** `*ALL`: store the current settings to EEPROM */
  store(): Promise<void>
  /** query a setting by name, e.g. 'PS'; resolves with the value the encoder reports */
  query(name: string): Promise<string>
  /** an installer-entered line such as `UECP=1` or `G=…`; not folded, not restored */
  sendRaw(line: string): Promise<AsciiReply>
}

function checkReply(command: AsciiCommand, reply: AsciiReply): AsciiReply {
  const line = formatAsciiCommand(command)
  if (reply.kind === 'unknown-command') throw new ServiceError('io', `rds-ascii: encoder does not know "${line}"`)
  if (reply.kind === 'invalid-argument') {
    throw new ServiceError('invalid-input', `rds-ascii: encoder refused the value in "${line}"`)
  }
  return reply
}

export function createRdsAsciiDriver(options: RdsAsciiDriverOptions): RdsAsciiDriver {
  const encoding = options.textEncoding ?? 'ascii'
  /** desired command per setting, and the settings the encoder is known to have */
  const desired = new Map<string, AsciiCommand>()
  const known = new Set<string>()
  const log = options.log

  async function run(exchange: Exchange, command: AsciiCommand, timeoutMs?: number): Promise<AsciiReply> {
    const bytes = encodeAsciiCommand(command, encoding)
    const sent = latin1(bytes.subarray(0, bytes.length - 1))
    const reply = await exchange.request(bytes, asciiReplyParser(sent), {
      label: formatAsciiCommand(command).slice(0, 24),
      ...(timeoutMs ? { timeoutMs } : {}),
    })
    if (reply.kind === 'partial') log.warn(`rds-ascii: encoder processed "${sent}" only partially`)
    return checkReply(command, reply)
  }

  async function write(exchange: Exchange, command: AsciiCommand): Promise<void> {
    known.delete(command.name)
    await run(exchange, command)
    if (desired.get(command.name) === command) known.add(command.name)
  }

  async function reconcile(exchange: Exchange): Promise<void> {
    for (const command of desired.values()) if (!known.has(command.name)) await write(exchange, command)
  }

  const link = createDeviceLink({
    ...linkOptionsFrom(options, 1200, RDS_ASCII_FRAME_GAP_MS),
    module: 'rds-ascii',
    probe: async (exchange) => void (await run(exchange, cmd.query('PI'), options.probeTimeoutMs ?? 500)),
    onConnected: () => Promise.resolve(known.clear()),
    keep: { reconcile, isSettled: () => [...desired.keys()].every((name) => known.has(name)) },
  })

  async function set(command: AsciiCommand): Promise<void> {
    const stored = { ...command, isStored: options.isStoring ?? false }
    desired.set(command.name, stored)
    try {
      await write(link.exchange, stored)
    } catch (error) {
      // a value the encoder refuses will never land: do not retry it
      if (error instanceof ServiceError && error.code === 'invalid-input') desired.delete(command.name)
      else link.kick(true)
      throw error
    }
  }

  return {
    setPi: async (pi) => set(cmd.pi(pi)),
    setPs: async (text) => set(cmd.ps(text, encoding)),
    setRt: async (text) => {
      await set(cmd.rt(text, encoding, 1))
      if (!desired.has('RT1EN')) await set(cmd.rtEnable(true, 1))
    },
    wantRt(text) {
      const command = { ...cmd.rt(text, encoding, 1), isStored: options.isStoring ?? false }
      const current = desired.get(command.name)
      if (!current || formatAsciiCommand(current) !== formatAsciiCommand(command)) {
        desired.set(command.name, command)
        known.delete(command.name)
      }
      link.kick()
    },
    setRt2: async (text) => set(cmd.rt(text, encoding, 2)),
    setTa: async (isOn) => set(cmd.ta(isOn)),
    setTp: async (isOn) => set(cmd.tp(isOn)),
    setPty: async (pty) => set(cmd.pty(pty)),
    setPtyn: async (text) => set(cmd.ptyn(text, encoding)),
    setMs: async (isMusic) => set(cmd.ms(isMusic)),
    setAf: async (list) => set(cmd.af(list)),
    store: async () => void (await run(link.exchange, cmd.storeAll())),
    query: async (name) => {
      const reply = await run(link.exchange, cmd.query(name))
      if (reply.kind !== 'value') throw new ServiceError('io', `rds-ascii: no value returned for ${name}`)
      return reply.value
    },
    sendRaw: async (line) => {
      const at = line.indexOf('=')
      const command = at < 0 ? { name: line } : { name: line.slice(0, at), value: line.slice(at + 1) }
      return run(link.exchange, command)
    },
    start: link.start,
    stop: link.stop,
    status: link.status,
    on: link.on,
  }
}
