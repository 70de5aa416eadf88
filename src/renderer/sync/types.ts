/**
 * What the sync engine is given (injected so tests run it with fakes of time and chance only —
 * never of the server): a clock with timers, a random source, a token store, a media uploader.
 */
import type { ConnectorError } from '../../shared/province/connector'

/** Time and timers; tests pass a manual clock, the app the real one. */
export interface SyncClock {
  now(): number
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export const systemClock: SyncClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/** A uniform draw in [0, 1). */
export type RandomSource = () => number

/** The commune account's tokens as the engine keeps them between runs. */
export interface TokenPair {
  accessToken: string
  refreshToken: string
  accessExpiresAt: string
  refreshExpiresAt: string
}

/**
 * Where tokens live. The main process implements it with Electron safeStorage (browser host: a
 * file readable only by its owner); tests use `createMemoryTokenStore`.
 */
export interface TokenStore {
  load(): Promise<TokenPair | null>
  save(tokens: TokenPair): Promise<void>
  clear(): Promise<void>
}

export function createMemoryTokenStore(initial: TokenPair | null = null): TokenStore {
  let tokens = initial
  return {
    load: () => Promise.resolve(tokens),
    save: (next) => {
      tokens = next
      return Promise.resolve()
    },
    clear: () => {
      tokens = null
      return Promise.resolve()
    },
  }
}

/** One audio file the province does not hold yet. */
export interface PendingMedia {
  hash: string
  size: number
  mime: string
  /** An announcement that references it (the province links the upload to it). */
  announcementId: string
}

/** Where to send the bytes: the connector's `mediaUploadTarget` answer. */
export interface UploadTarget {
  endpoint: string
  headers: Record<string, string>
  metadata: Record<string, string>
}

export type UploadOutcome = { ok: true } | { ok: false; error: ConnectorError }

/**
 * The bytes of audio files travel outside the sync log (tus, resumable, in the main process in the
 * app). The engine asks what is pending, declares each file to the province, hands the target
 * here, and marks the file uploaded only when the province says `verified`.
 */
export interface MediaUploader {
  pending(): Promise<PendingMedia[]>
  upload(media: PendingMedia, target: UploadTarget, onProgress: (sentBytes: number) => void): Promise<UploadOutcome>
  /** The province verified the bytes: the uploader may forget its upload URL. */
  markVerified(hash: string): Promise<void>
}

/** Errors the engine itself raises besides the connector's. */
export type SyncErrorCode = ConnectorError['code'] | 'needs-sign-in' | 'local-database'

export interface SyncError {
  code: SyncErrorCode
  message: string
  at: string
}
