/** What every step of a cycle gets from the engine. */
import type { ConnectorError, ProvinceConnector } from '../../shared/province/connector'
import type { DaixaDb } from '../db/database'
import type { AuthedCaller } from './auth'
import type { OperationLogPort } from './operations-step'
import type { MediaUploader } from './types'

export interface StepContext {
  db: DaixaDb
  connector: ProvinceConnector
  call: AuthedCaller
  clientId: string
  /** ISO instant of the laptop clock (for local bookkeeping only, never for sync decisions). */
  nowIso(): string
  uploader: MediaUploader | null
  /** The station's operation log (main), sent as observations; null: none. */
  operationLog: OperationLogPort | null
  /** Upload progress for the status object. */
  onUploadProgress(hash: string, sentBytes: number, totalBytes: number | null): void
  /** The province's clock, from each answer. */
  onServerTime(serverTime: string): void
  /** Pulled pages stored: how many records (and tombstones) they held. */
  onPulled(kind: 'bootstrap' | 'changes', records: number): void
}

export type StepResult = { ok: true } | { ok: false; error: ConnectorError }

export const stepOk: StepResult = { ok: true }
