import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newId } from '../../../../src/shared/ids'
import type { Preferences } from '../../../../src/shared/ipc/settings'
import { ServiceError, type Result } from '../../../../src/shared/result'
import { createAppServices, type AppServices } from '../../../../src/main/app-services'
import { createDispatcher, createEventBus, type EventListener } from '../../../../src/main/ipc/dispatcher'
import { createHandlers } from '../../../../src/main/ipc/handlers'
import { createHardwareService } from '../../../../src/main/services/hardware/hardware-service'
import { createMediaStore } from '../../../../src/main/services/media/media-store'
import { createRecordingService } from '../../../../src/main/services/recorder/recording-service'
import { createSettingsStore } from '../../../../src/main/services/settings-store'
import { createReportExportService } from '../../../../src/main/services/reports/export-uploads'
import { createImportService } from '../../../../src/main/services/media/import-service'
import type { MediaStore } from '../../../../src/main/services/media/media-store'
import { createProvinceAccount, ownerOnlyFileSealer } from '../../../../src/main/services/province/province-account'
import { openUploadJournal } from '../../../../src/main/services/uploads/upload-journal'
import { createUploadService } from '../../../../src/main/services/uploads/upload-service'
import { openOperationLog } from '../../../../src/main/services/oplog/operation-log'
import { openLocalUsers } from '../../../../src/main/services/roles/local-users'
import { createRolesService } from '../../../../src/main/services/roles/roles-service'
import { collectingLogger } from '../../helpers/collecting-logger'
import { sinePcm } from '../../helpers/pcm'
import { tempDirs } from '../../helpers/temp-dir'

const INFO = { version: '0.0.0-test', host: 'browser', platform: 'linux', mediaBaseUrl: '/media/' } as const
const ctx = { sender: 'test' }
const dirs = tempDirs()
let dataDir: string
let services: AppServices
let log: ReturnType<typeof collectingLogger>

beforeEach(async () => {
  dataDir = await dirs.make()
  log = collectingLogger()
  services = await createAppServices({ dataDir, info: INFO, log })
})

afterEach(async () => {
  await services.stop()
  await dirs.cleanup()
})

function expectError(result: Result<unknown>, code: string): string {
  expect(result.ok).toBe(false)
  if (result.ok) throw new Error('expected a failure')
  expect(result.error.code).toBe(code)
  return result.error.message
}

function expectOk<T = unknown>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`)
  return result.value as T
}

/** The services a hand-built handler map needs besides settings, recordings and the store. */
async function otherDeps(store: MediaStore) {
  const oplog = await openOperationLog({ dir: join(dataDir, 'oplog'), log })
  return {
    oplog,
    roles: createRolesService({ users: await openLocalUsers(dataDir, log), oplog }),
    hardware: createHardwareService({ dataDir, log, bus: createEventBus(log) }),
    uploads: createUploadService({
      journal: await openUploadJournal(join(dataDir, 'uploads.json'), log),
      pathOf: (hash) => store.fileOf(hash).path,
      onProgress: () => undefined,
      log,
    }),
    imports: await createImportService({ dir: join(dataDir, 'imports'), store, log }),
    province: createProvinceAccount(dataDir, ownerOnlyFileSealer, log),
    reportExports: createReportExportService({ log }),
  }
}

describe('dispatcher', () => {
  it("answers 'unknown-command' when the channel is not in the contract", async () => {
    const message = expectError(await services.dispatch('media:format', {}, ctx), 'unknown-command')
    expect(message).toContain('media:format')
    expectError(await services.dispatch('toString', {}, ctx), 'unknown-command')
    expectError(await services.dispatch('__proto__', {}, ctx), 'unknown-command')
    expect(log.lines.some((l) => l.startsWith('warn ipc: unknown channel media:format from test'))).toBe(true)
  })

  it('answers the ok value when the call is good', async () => {
    const info = expectOk(await services.dispatch('app:info', {}, ctx))
    expect(info).toEqual({ ...INFO, dataDir })
    const prefs = expectOk<Preferences>(await services.dispatch('settings:get', {}, ctx))
    expect(prefs.language).toBe('vi')
    expect(expectOk(await services.dispatch('media:list', {}, ctx))).toEqual([])
    expect(expectOk(await services.dispatch('recording:listInterrupted', {}, ctx))).toEqual([])
  })

  it("answers 'invalid-input' when a media hash is a path", async () => {
    for (const hash of ['../../etc/passwd', 'A'.repeat(64), 'a'.repeat(63), `${'a'.repeat(64)}/x`, '']) {
      const message = expectError(await services.dispatch('media:peaks', { hash }, ctx), 'invalid-input')
      expect(message).toContain('media:peaks')
    }
    expectError(await services.dispatch('media:delete', { hash: '../settings' }, ctx), 'invalid-input')
  })

  it("answers 'invalid-input' when pcm is not a Uint8Array or has an odd byte count", async () => {
    const id = newId()
    expectOk(await services.dispatch('recording:start', { id, title: 'Thông báo', sampleRate: 8000 }, ctx))
    for (const pcm of [[0, 1, 2, 3], 'AAAA', { 0: 1, length: 1 }, new Uint16Array(2), null]) {
      expectError(await services.dispatch('recording:append', { id, seq: 0, pcm }, ctx), 'invalid-input')
    }
    expectError(
      await services.dispatch('recording:append', { id, seq: 0, pcm: new Uint8Array(3) }, ctx),
      'invalid-input',
    )
    expectError(
      await services.dispatch('recording:append', { id, seq: 0, pcm: new Uint8Array(384_002) }, ctx),
      'invalid-input',
    )
    // None of the rejected calls reached the file: the first good chunk is still seq 0.
    const ack = expectOk(await services.dispatch('recording:append', { id, seq: 0, pcm: new Uint8Array(4) }, ctx))
    expect(ack).toEqual({ sampleCount: 2 })
  })

  it("answers 'invalid-input' when an id is not a UUID", async () => {
    for (const id of ['not-a-uuid', '../../escape', '', 42]) {
      expectError(
        await services.dispatch('recording:start', { id, title: 't', sampleRate: 8000 }, ctx),
        'invalid-input',
      )
      expectError(await services.dispatch('recording:recover', { id }, ctx), 'invalid-input')
      expectError(await services.dispatch('recording:discard', { id }, ctx), 'invalid-input')
    }
  })

  it("answers 'invalid-input' when a sample rate or title is out of range", async () => {
    const id = newId()
    for (const sampleRate of [7999, 192001, 44100.5]) {
      expectError(await services.dispatch('recording:start', { id, title: 't', sampleRate }, ctx), 'invalid-input')
    }
    expectError(
      await services.dispatch('recording:start', { id, title: 'x'.repeat(301), sampleRate: 8000 }, ctx),
      'invalid-input',
    )
    expectError(await services.dispatch('recording:start', undefined, ctx), 'invalid-input')
  })

  it("answers 'invalid-input' when settings:update carries an unknown key", async () => {
    expectError(await services.dispatch('settings:update', { language: 'en', theme: 'dark' }, ctx), 'invalid-input')
    expectError(await services.dispatch('settings:update', { isAdmin: true }, ctx), 'invalid-input')
    expect(services.settings.get().language).toBe('vi')
  })

  it("answers 'invalid-input' saying https when updateFeedUrl is not https", async () => {
    for (const updateFeedUrl of [
      'http://updates.example/daixa/',
      'http://127.0.0.1:8080/updates/',
      'file:///x',
      'javascript:alert(1)',
      'ftp://updates.example/',
      'not a url',
    ]) {
      const result = await services.dispatch('settings:update', { updateFeedUrl }, ctx)
      expectError(result, 'invalid-input')
      expect(result.ok ? '' : result.error.message, updateFeedUrl).toContain('https://')
    }
    const saved = expectOk<Preferences>(
      await services.dispatch('settings:update', { updateFeedUrl: 'https://updates.example/daixa' }, ctx),
    )
    expect(saved.updateFeedUrl).toBe('https://updates.example/daixa')
  })

  it('keeps the other preferences when settings:update names one field', async () => {
    expectOk(await services.dispatch('settings:update', { maxRecordingMinutes: 15, microphoneId: 'usb-1' }, ctx))
    const saved = expectOk<Preferences>(await services.dispatch('settings:update', { language: 'en' }, ctx))
    expect(saved).toMatchObject({ language: 'en', maxRecordingMinutes: 15, microphoneId: 'usb-1' })
    expect(services.settings.get()).toEqual(saved)
  })

  it('answers the ServiceError code when a service refuses', async () => {
    const id = newId()
    expectError(await services.dispatch('recording:append', { id, seq: 0, pcm: new Uint8Array(2) }, ctx), 'not-found')
    expectError(await services.dispatch('recording:stop', { id }, ctx), 'not-found')
    expectError(await services.dispatch('media:peaks', { hash: 'a'.repeat(64) }, ctx), 'not-found')
    expectOk(await services.dispatch('recording:start', { id, title: 't', sampleRate: 8000 }, ctx))
    expectError(await services.dispatch('recording:start', { id, title: 't', sampleRate: 8000 }, ctx), 'conflict')
    expectError(await services.dispatch('recording:append', { id, seq: 1, pcm: new Uint8Array(2) }, ctx), 'conflict')
  })

  it("answers 'corrupt' when a stored peaks file is damaged", async () => {
    const hash = 'b'.repeat(64)
    await writeFile(join(dataDir, 'media', `${hash}.peaks.json`), '{"version":1,"sampleRate":')
    expectError(await services.dispatch('media:peaks', { hash }, ctx), 'corrupt')
    await writeFile(join(dataDir, 'media', `${hash}.peaks.json`), '{"version":2}')
    expectError(await services.dispatch('media:peaks', { hash }, ctx), 'corrupt')
  })

  it('records, lists and reads peaks when a whole recording goes through the dispatcher', async () => {
    const id = newId()
    expectOk(await services.dispatch('recording:start', { id, title: 'Lịch tiêm chủng', sampleRate: 8000 }, ctx))
    const pcm = sinePcm(8000, 400, 0.5, 8000)
    expect(expectOk(await services.dispatch('recording:append', { id, seq: 0, pcm }, ctx))).toEqual({
      sampleCount: 8000,
    })
    const media = expectOk<{ hash: string; title: string; sampleCount: number }>(
      await services.dispatch('recording:stop', { id }, ctx),
    )
    expect(media).toMatchObject({ title: 'Lịch tiêm chủng', sampleCount: 8000, sampleRate: 8000, channels: 1 })
    const peaks = expectOk<{ peaks: number[] }>(await services.dispatch('media:peaks', { hash: media.hash }, ctx))
    expect(peaks.peaks).toEqual(Array<number>(50).fill(0.5))
    const list = expectOk<Array<{ hash: string }>>(await services.dispatch('media:list', {}, ctx))
    expect(list.map((m) => m.hash)).toEqual([media.hash])
    expect(expectOk(await services.dispatch('media:delete', { hash: media.hash }, ctx))).toEqual({ deleted: true })
    expect(expectOk(await services.dispatch('media:delete', { hash: media.hash }, ctx))).toEqual({ deleted: false })
  })

  it("answers 'internal' and logs when a handler throws a plain Error", async () => {
    const store = await createMediaStore(join(dataDir, 'media'))
    const handlers = createHandlers({
      info: { ...INFO, dataDir },
      settings: await createSettingsStore(dataDir, log),
      recordings: await createRecordingService({ dir: join(dataDir, 'recordings'), store, log }),
      store,
      ...(await otherDeps(store)),
    })
    const dispatch = createDispatcher(
      {
        ...handlers,
        'app:info': () => {
          throw new Error('disk controller on fire')
        },
        'media:list': () => {
          throw new ServiceError('io', 'media folder unreadable')
        },
      },
      log,
    )
    expect(expectError(await dispatch('app:info', {}, ctx), 'internal')).toBe('disk controller on fire')
    expect(log.lines.some((l) => l.startsWith('error ipc: app:info failed:') && l.includes('disk controller'))).toBe(
      true,
    )
    expect(expectError(await dispatch('media:list', {}, ctx), 'io')).toBe('media folder unreadable')
    // The real handlers still answer beside the overridden ones.
    expect(expectOk(await dispatch('settings:get', {}, ctx))).toMatchObject({ language: 'vi' })
  })

  it("answers 'internal' when a handler throws something that is not an Error", async () => {
    const store = await createMediaStore(join(dataDir, 'media'))
    const base = createHandlers({
      info: { ...INFO, dataDir },
      settings: await createSettingsStore(dataDir, log),
      recordings: await createRecordingService({ dir: join(dataDir, 'recordings'), store, log }),
      store,
      ...(await otherDeps(store)),
    })
    const dispatch = createDispatcher(
      {
        ...base,
        'app:info': () => {
          // eslint-disable-next-line @typescript-eslint/only-throw-error -- the case under test
          throw 'a bare string'
        },
      },
      log,
    )
    expect(expectError(await dispatch('app:info', {}, ctx), 'internal')).toBe('a bare string')
  })
})

describe('dispatcher event bus', () => {
  it('delivers a valid payload and drops an invalid one when events are emitted', () => {
    const busLog = collectingLogger()
    const bus = createEventBus(busLog)
    const seen: Array<[string, unknown]> = []
    bus.subscribe((channel, payload) => seen.push([channel, payload]))
    bus.emit('app:menu', { action: 'open-settings' })
    // Casts: a service with a bug, sending what the contract does not allow.
    bus.emit('app:menu', { action: 'format-disk' } as unknown as { action: 'open-settings' })
    bus.emit('settings:changed', { language: 'de' } as unknown as Preferences)
    expect(seen).toEqual([['app:menu', { action: 'open-settings' }]])
    expect(busLog.lines.filter((l) => l.startsWith('error ipc: event'))).toHaveLength(2)
  })

  it('stops delivering to a listener when it unsubscribes', () => {
    const bus = createEventBus(collectingLogger())
    const a: unknown[] = []
    const b: unknown[] = []
    const offA = bus.subscribe((_c, p) => a.push(p))
    const listenerB: EventListener = (_c, p) => b.push(p)
    const offB = bus.subscribe(listenerB)
    bus.emit('app:menu', { action: 'open-library' })
    offA()
    bus.emit('app:menu', { action: 'open-record' })
    offB()
    offB()
    bus.emit('app:menu', { action: 'open-settings' })
    expect(a).toEqual([{ action: 'open-library' }])
    expect(b).toEqual([{ action: 'open-library' }, { action: 'open-record' }])
  })

  it("emits 'settings:changed' on the bus when settings:update succeeds through the services", async () => {
    const seen: unknown[] = []
    const off = services.bus.subscribe((channel, payload) => {
      if (channel === 'settings:changed') seen.push(payload)
    })
    await services.dispatch('settings:update', { language: 'en' }, ctx)
    off()
    await services.dispatch('settings:update', { language: 'vi' }, ctx)
    expect(seen).toEqual([expect.objectContaining({ language: 'en' })])
  })
})
