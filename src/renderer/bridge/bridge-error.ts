/** The error `call` throws for a failed Result, and the code of anything thrown by a call. */
import { CodedError, type ErrorCode } from '../../shared/result'

export class BridgeError extends CodedError<ErrorCode> {
  override readonly name = 'BridgeError'
}

/** The error code of anything thrown by `call` (or 'internal' for anything else). */
export const errorCodeOf = (error: unknown): ErrorCode => (error instanceof BridgeError ? error.code : 'internal')
