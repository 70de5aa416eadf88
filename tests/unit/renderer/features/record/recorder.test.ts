/**
 * The recorder against the real main services: what the officer says while the host is away is
 * kept and saved when it returns, answers lost on the way are not written twice, a stop never
 * hangs, and a recording the page leaves is offered back.
 */
import { readFile } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  startRecorder,
  type RecorderEnd,
  type RecorderStatus,
} from '../../../../../src/renderer/features/record/recorder'
import type { FinishedMedia, InterruptedRecording } from '../../../../../src/shared/ipc/recording'
import { concatBytes, noiseBytes } from '../../../helpers/pcm'
import { startTestHost, testMicrophone, type TestHost, type TestMicrophone } from './recorder-harness'

const RATE = 8000
/** 100 ms at 8 kHz, as the capture worklet delivers it. */
const BLOCK_BYTES = 1600

let host: TestHost
let mic: TestMicrophone
let statuses: RecorderStatus[]
let ends: RecorderEnd[]
let sent: Uint8Array[]
let seed: number

beforeEach(async () => {
  host = await startTestHost()
  mic = testMicrophone(RATE)
  statuses = []
  ends = []
  sent = []
  seed = 1
})
afterEach(() => host.close())

const record = (extra: { maxUnsavedSeconds?: number; stopWaitMs?: number } = {}) =>
  startRecorder({
    source: mic,
    title: 'Thông báo',
    maxMinutes: 60,
    host,
    onStatus: (s) => statuses.push(s),
    onEnd: (reason) => ends.push(reason),
    ...extra,
  })

/** Speaks `count` blocks into the microphone, letting the recorder send between them. */
async function speak(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const block = noiseBytes(BLOCK_BYTES, seed++)
    sent.push(block)
    mic.push(block)
    await new Promise((r) => setTimeout(r, 2))
  }
}

const last = (): RecorderStatus => statuses[statuses.length - 1] ?? expect.fail('no status yet')
const until = async (check: () => boolean, what: string, ms = 5000): Promise<void> => {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error(`recorder test: ${what} did not happen in ${ms} ms`)
    await new Promise((r) => setTimeout(r, 10))
  }
}
async function expectFileHoldsEverything(media: FinishedMedia): Promise<void> {
  const file = await readFile(host.services().store.pathOf(media.hash))
  const all = concatBytes(sent)
  expect(media.sampleCount).toBe(all.byteLength / 2)
  expect(file.subarray(44).equals(Buffer.from(all))).toBe(true)
}
const listInterrupted = async () => (await host.call('recording:listInterrupted', {})) satisfies InterruptedRecording[]

describe('recorder', () => {
  it('stores exactly the blocks captured when nothing goes wrong', async () => {
    const recorder = await record()
    await speak(20)
    const media = await recorder.stop('Thông báo họp')
    expect(media.title).toBe('Thông báo họp')
    await expectFileHoldsEverything(media)
    expect(last().phase).toBe('stopped')
  })

  it('warns at once when the connection drops, keeps what is said, and saves it when the host returns', async () => {
    const recorder = await record()
    await speak(5)
    await until(() => last().savedSampleCount === 4000, 'saving the first half second')
    await host.drop()
    expect(last().hostLostAt).toBe(4000)
    await speak(10) // said while the host cannot be reached
    expect(last().savedSampleCount).toBe(4000)
    expect(last().sampleCount).toBe(12_000)
    host.reconnect()
    await until(() => last().savedSampleCount === 12_000, 'saving what was kept in memory')
    expect(last().hostLostAt).toBeNull()
    await speak(5)
    await expectFileHoldsEverything(await recorder.stop('t'))
    expect(ends).toEqual([])
  })

  it('continues the same take after the host restarted', async () => {
    const recorder = await record()
    await speak(8)
    await host.drop()
    await host.restart()
    await speak(8)
    host.reconnect()
    await speak(4)
    const media = await recorder.stop('t')
    await expectFileHoldsEverything(media)
    // Stored; offered back until the page writes the library row and commits.
    expect(await listInterrupted()).toMatchObject([{ id: recorder.id, hash: media.hash }])
    await host.call('recording:commit', { id: recorder.id })
    expect(await listInterrupted()).toEqual([])
  })

  it('writes a block once when the host wrote it but its answer was lost', async () => {
    const recorder = await record()
    await speak(3)
    await until(() => last().savedSampleCount === 2400, 'saving three blocks')
    host.loseNextAnswer()
    await speak(1)
    await until(() => last().hostLostAt !== null, 'noticing the lost host')
    await speak(2)
    host.reconnect()
    await speak(2)
    await expectFileHoldsEverything(await recorder.stop('t'))
  })

  it('shows a host that stops answering within 2 s and loses nothing when it answers again', async () => {
    const recorder = await record()
    await speak(2)
    await until(() => last().savedSampleCount === 1600, 'saving two blocks')
    host.freeze()
    const frozenAt = Date.now()
    await speak(1)
    await until(() => last().hostLostAt !== null, 'the warning', 2500)
    expect(Date.now() - frozenAt).toBeLessThan(2000)
    await speak(3)
    host.thaw()
    await until(() => last().hostLostAt === null, 'the warning going away')
    await expectFileHoldsEverything(await recorder.stop('t'))
  })

  it('stores what was said during an outage when stop is pressed before the host returns', async () => {
    const recorder = await record({ stopWaitMs: 10_000 })
    await speak(4)
    await host.drop()
    await speak(4)
    const stopping = recorder.stop('t')
    await until(() => last().phase === 'stopping' && last().hostLostAt !== null, 'waiting for the host')
    host.reconnect()
    await expectFileHoldsEverything(await stopping)
  })

  it("gives up a stop at its deadline with 'disconnected' when the host never returns", async () => {
    const recorder = await record({ stopWaitMs: 300 })
    await speak(4)
    await until(() => last().savedSampleCount === 3200, 'saving four blocks')
    await host.drop()
    await speak(2)
    const startedAt = Date.now()
    await expect(recorder.stop('t')).rejects.toMatchObject({ code: 'disconnected' })
    expect(Date.now() - startedAt).toBeLessThan(2000)
    expect(last().phase).toBe('failed')
    // What the host has is offered back once it is reachable again.
    host.reconnect()
    expect(await listInterrupted()).toMatchObject([{ sampleCount: 3200, hash: null }])
  })

  it('returns the stored take when the stop went through and only its answer was lost', async () => {
    const recorder = await record()
    await speak(6)
    await until(() => last().savedSampleCount === 4800, 'saving six blocks')
    host.loseNextAnswer()
    const stopping = recorder.stop('Bản tin')
    await until(() => !host.connection.isConnected(), 'the connection dropping')
    host.reconnect()
    const media = await stopping
    expect(media.title).toBe('Bản tin')
    await expectFileHoldsEverything(media)
  })

  it('pauses with buffer-full when the host stays away longer than memory may hold', async () => {
    const recorder = await record({ maxUnsavedSeconds: 0.5 })
    await speak(2)
    await host.drop()
    await speak(6)
    expect(ends).toEqual(['buffer-full'])
    expect(last().phase).toBe('paused')
    expect(last().sampleCount).toBe(5 * 800 + 2 * 800) // taking stopped once 0.5 s was held
    sent.splice(7)
    host.reconnect()
    await expectFileHoldsEverything(await recorder.stop('t'))
  })

  it('ends with the failure when the take is gone from the host (discarded by another page)', async () => {
    const recorder = await record()
    await speak(3)
    await host.drop()
    const [item] = await host
      .services()
      .dispatch('recording:listInterrupted', {}, { sender: 'other page' })
      .then((r) => (r.ok ? (r.value as InterruptedRecording[]) : []))
    await host.services().dispatch('recording:discard', { id: item?.id ?? '' }, { sender: 'other page' })
    await speak(2)
    host.reconnect()
    await until(() => ends.length > 0, 'the failure')
    expect(ends).toEqual(['not-found'])
    expect(last().phase).toBe('failed')
    void recorder
  })

  it('sends what was captured and offers the take back when the page leaves it', async () => {
    const recorder = await record()
    await speak(5)
    recorder.abandon()
    let offered: InterruptedRecording[] = []
    const deadline = Date.now() + 5000
    while (offered.length === 0 && Date.now() < deadline) {
      offered = await listInterrupted()
      await new Promise((r) => setTimeout(r, 20))
    }
    expect(offered).toMatchObject([{ sampleCount: 4000, title: 'Thông báo', hash: null }])
  })
})
