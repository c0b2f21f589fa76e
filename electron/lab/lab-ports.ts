/** Which ports the lab may use, checked here beside the server it protects; the window shows the refusal as sent. */
import type { LabStartInput } from '@shared/lab'
import { ServiceError } from '@shared/errors'

export const LAB_HOST = '127.0.0.1'

const inRange = (port: number, min: number): boolean => Number.isInteger(port) && port >= min && port <= 65535

/** The lab listens on 1–65535 (0: any free port); the target's name servers are asked on 1–65535. */
export function checkLabPorts(input: Pick<LabStartInput, 'port' | 'authoritativePort'>): void {
  if (input.port !== undefined && !inRange(input.port, 0)) {
    throw new ServiceError('bad-input', `port ${input.port}: the lab listens on a port from 1 to 65535, or 0 (empty) for any free port`)
  }
  if (input.authoritativePort !== undefined && !inRange(input.authoritativePort, 1)) {
    throw new ServiceError('bad-input', `name servers' port ${input.authoritativePort}: a port from 1 to 65535`)
  }
}

/** A bind failure as the lab words it (taken or not allowed), else the error as it is. */
export function portRefusal(error: unknown, port: number): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code !== 'EADDRINUSE' && code !== 'EACCES') return error
  return new ServiceError('conflict', `port ${port} on ${LAB_HOST} is in use (or not allowed); choose another, or 0 for any free port`)
}
