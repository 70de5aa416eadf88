import { describe, expect, it } from 'vitest'
import type { ProvinceConnection } from '../../../../../src/shared/ipc/province'
import { deriveSyncState } from '../../../../../src/renderer/features/sync/sync-state'
import type { AppSyncView } from '../../../../../src/renderer/sync/app/app-sync'
import { initialStatus, type SyncStatus } from '../../../../../src/renderer/sync/status'

const signedIn: ProvinceConnection = {
  serverUrl: 'http://127.0.0.1:8787',
  username: 'xa-demo',
  displayName: 'Cán bộ VH-XH Tân Hòa',
  communeName: 'Xã Tân Hòa',
  isSignedIn: true,
  protection: 'owner-only-file',
}
const neverSignedIn: ProvinceConnection = {
  ...signedIn,
  username: null,
  displayName: null,
  communeName: null,
  isSignedIn: false,
}

const view = (status: Partial<SyncStatus>, connection: ProvinceConnection | null = signedIn): AppSyncView => ({
  connection,
  isConfigured: connection?.serverUrl != null,
  status: { ...initialStatus, ...status },
})
const error = (code: NonNullable<SyncStatus['lastError']>['code']) => ({
  code,
  message: code,
  at: '2026-12-08T00:00:00Z',
})
const state = (v: AppSyncView) => deriveSyncState(v).state

describe('features/sync/sync-state', () => {
  it('is loading until the stored connection is read, and not set up without a server', () => {
    expect(state(view({}, null))).toBe('loading')
    expect(state(view({}, { ...neverSignedIn, serverUrl: null }))).toBe('not-set-up')
  })

  it('says "not signed in" (a first sign-in) before anyone ever signed in, not "sign in again"', () => {
    // app-sync marks needsSignIn while no session exists; nothing has failed yet.
    expect(deriveSyncState(view({ needsSignIn: true }, neverSignedIn))).toEqual({
      state: 'signed-out',
      signIn: 'first',
    })
  })

  it('asks to sign in again when the province ended a session that had worked', () => {
    const ended = view({ needsSignIn: true, lastError: error('refresh-invalid'), connectivity: 'online' })
    expect(deriveSyncState(ended)).toEqual({ state: 'signed-out', signIn: 'again' })
    expect(deriveSyncState(view({ needsSignIn: true, lastError: error('unauthorized') }))).toEqual({
      state: 'signed-out',
      signIn: 'again',
    })
  })

  it('is connected after a successful cycle (not "connecting")', () => {
    expect(state(view({ connectivity: 'online', lastSuccessAt: '2026-12-08T00:00:00Z' }))).toBe('connected')
  })

  it('is syncing while a cycle runs, an upload moves or a pull stores records, whatever the last cycle said', () => {
    expect(state(view({ connectivity: 'online', phase: 'push' }))).toBe('syncing')
    // A healthy upload after a failed cycle is not "offline".
    const upload = { hash: 'a'.repeat(64), sentBytes: 10, totalBytes: 100 }
    expect(state(view({ connectivity: 'offline', uploads: [upload] }))).toBe('syncing')
    expect(state(view({ connectivity: 'unknown', pullProgress: { kind: 'bootstrap', records: 4500 } }))).toBe('syncing')
  })

  it('is offline when the server could not be reached, and in error when it answered with a failure', () => {
    expect(state(view({ connectivity: 'offline', lastError: error('network') }))).toBe('offline')
    expect(state(view({ connectivity: 'online', lastError: error('internal') }))).toBe('error')
    expect(state(view({ connectivity: 'unknown', lastError: error('local-database') }))).toBe('error')
  })

  it('is checking when signed in before the first answer', () => {
    expect(state(view({}))).toBe('checking')
  })
})
