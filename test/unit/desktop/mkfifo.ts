import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { requireTool } from '../../../scripts/peers/require-tool'

/** Makes a named pipe with coreutils' mkfifo. */
export async function mkfifo(path: string): Promise<void> {
  await promisify(execFile)(requireTool('mkfifo', 'coreutils'), [path])
}
