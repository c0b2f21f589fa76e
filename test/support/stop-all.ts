/** Stops each of `peers` in the order given (the last started first, usually), skipping any that never started. */
export async function stopAll(...peers: Array<{ stop(): Promise<unknown> } | undefined>): Promise<void> {
  for (const peer of peers) await peer?.stop()
}
