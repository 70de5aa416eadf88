/**
 * The seam between the sync engine and a province system. The engine speaks only this interface;
 * the Đài Xã Province API v1 is one adapter (HTTP + tus), and a province that runs a vendor
 * platform (VNPT, MobiFone, a local integrator) gets its own adapter that maps the vendor's calls
 * onto these shapes. No national API exists (domain notes R8), so this is where variety goes.
 *
 * Rules every adapter keeps (docs/province-api.md, "Writing an adapter"):
 * - Never throw for expected failures: answer a `ConnectorResult`. `network`/`timeout`/5xx/429 are
 *   `retryable`; 401 `token-expired` means refresh then retry; other 4xx are final.
 * - Report the province's clock (`serverTime`) with every success, parsed from the vendor's answer
 *   or its `Date` header when it has nothing better.
 * - Keep push idempotent by `mutationId` even if the vendor is not: e.g. look the record up by its
 *   client id before creating it again.
 * - Parse every answer with the zod schemas of this folder before returning it.
 */
import type { ProvinceErrorCode } from './common'
import type { RefreshRequest, RefreshResponse, SignInRequest, SignInResponse } from './auth'
import type { CreateMediaUploadRequest, CreateMediaUploadResponse, MediaStatusResponse } from './media'
import type { ObservationsRequest, ObservationsResponse } from './observations'
import type { BootstrapQuery, BootstrapResponse, PullQuery, PullResponse } from './pull'
import type { PushRequest, PushResponse } from './push'

/** Failures below HTTP: no route, connection reset, no answer in time, an answer that is not the contract. */
export type TransportErrorCode = 'network' | 'timeout' | 'bad-response'

export interface ConnectorError {
  code: ProvinceErrorCode | TransportErrorCode
  message: string
  /** HTTP status when there was one. */
  status: number | null
  /** True when sending the same request later may succeed (network, timeout, 5xx, 429). */
  retryable: boolean
  /** From `Retry-After` (429/503), in milliseconds. */
  retryAfterMs: number | null
  /** The province's clock if the answer carried it (errors too). */
  serverTime: string | null
}

export type ConnectorResult<T> = { ok: true; value: T } | { ok: false; error: ConnectorError }

/** Minimal cancellation handle (an `AbortSignal` satisfies it); src/shared has no DOM types. */
export interface CancelSignal {
  readonly aborted: boolean
}

export interface CallOptions {
  /** Cancels the call; adapters must also enforce their own per-call timeout. */
  signal?: CancelSignal
}

/** Credentials for authenticated calls; the engine owns refreshing and storing them. */
export interface AccessToken {
  accessToken: string
}

/** Where and how to send the bytes of one audio file (tus for API v1 adapters). */
export interface MediaUploadTarget {
  /** Absolute tus creation endpoint. */
  endpoint: string
  /** Headers for every upload request (auth). */
  headers: Record<string, string>
  /** Upload-Metadata key/values (not yet base64-encoded). */
  metadata: Record<string, string>
}

export interface ProvinceConnector {
  /** A stable adapter name for logs and settings: `daixa-v1`, `vendor-x`. */
  readonly kind: string
  signIn(request: SignInRequest, options?: CallOptions): Promise<ConnectorResult<SignInResponse>>
  refresh(request: RefreshRequest, options?: CallOptions): Promise<ConnectorResult<RefreshResponse>>
  bootstrap(
    auth: AccessToken,
    query: BootstrapQuery,
    options?: CallOptions,
  ): Promise<ConnectorResult<BootstrapResponse>>
  pull(auth: AccessToken, query: PullQuery, options?: CallOptions): Promise<ConnectorResult<PullResponse>>
  push(auth: AccessToken, request: PushRequest, options?: CallOptions): Promise<ConnectorResult<PushResponse>>
  uploadObservations(
    auth: AccessToken,
    request: ObservationsRequest,
    options?: CallOptions,
  ): Promise<ConnectorResult<ObservationsResponse>>
  /** Declares a file; `upload` null in the answer means the province already holds verified bytes. */
  createMediaUpload(
    auth: AccessToken,
    request: CreateMediaUploadRequest,
    options?: CallOptions,
  ): Promise<ConnectorResult<CreateMediaUploadResponse>>
  /** Turns a createMediaUpload answer into what the uploader (main process) needs. */
  mediaUploadTarget(auth: AccessToken, answer: CreateMediaUploadResponse): MediaUploadTarget | null
  /** The verification step: the only proof that the province holds the right bytes. */
  mediaStatus(auth: AccessToken, sha256: string, options?: CallOptions): Promise<ConnectorResult<MediaStatusResponse>>
}
