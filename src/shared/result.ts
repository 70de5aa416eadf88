/**
 * Answers that cross a boundary (the bridge, the province API) are values, not thrown errors.
 * `code` is stable and machine-readable; the renderer translates it (`errors.<code>` in i18n).
 * `message` is a technical detail in English for logs, never shown alone to the officer.
 */
import { z } from 'zod'

export const errorCodes = [
  'invalid-input',
  'unknown-command',
  'forbidden',
  'not-found',
  'conflict',
  'disk-full',
  'io',
  'corrupt',
  'disconnected',
  'too-short',
  'internal',
] as const

export type ErrorCode = (typeof errorCodes)[number]

export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
})

export type AppError = z.infer<typeof appErrorSchema>

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })

export const fail = <T = never>(code: ErrorCode, message: string): Result<T> => ({
  ok: false,
  error: { code, message },
})

/**
 * An expected failure with a code the screen translates (`<domain>.errors.<code>`). Each domain
 * has its own subclass that names itself (a literal: minified builds rename classes).
 *
 *   export class TtsError extends CodedError<TtsErrorCode> {
 *     override readonly name = 'TtsError'
 *   }
 */
export class CodedError<C extends string> extends Error {
  readonly code: C
  constructor(code: C, message: string) {
    super(message)
    this.code = code
  }
}

/** Thrown inside services; the dispatcher turns it into a failed Result with the same code. */
export class ServiceError extends CodedError<ErrorCode> {
  override readonly name = 'ServiceError'
}
