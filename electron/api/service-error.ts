import { clipTokens } from '@shared/clip-text'
import type { ErrorCode } from '@shared/result'

/** The only error a service should throw: its code and message cross the boundary as they are. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(clipTokens(message))
    this.name = 'ServiceError'
  }
}
