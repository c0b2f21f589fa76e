import type { ApiError } from '@shared/result'

interface ErrorMessageProps {
  error: ApiError
  testId?: string
}

/** A service error as a person reads it: what failed and why, with the machine-readable code aside. */
export function ErrorMessage({ error, testId = 'error-message' }: ErrorMessageProps) {
  return (
    <div className="error-message" role="alert" data-testid={testId} data-error-code={error.code}>
      <span className="error-message__code">{error.code}</span>
      <span className="error-message__text">{error.message}</span>
    </div>
  )
}
