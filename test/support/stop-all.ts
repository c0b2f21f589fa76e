type Peer = { stop(): Promise<unknown> } | { close(): Promise<unknown> }

/** Stops (or, for a page, closes) each of `peers` in the order given, the last started first usually, skipping any that never started. */
export async function stopAll(...peers: Array<Peer | undefined>): Promise<void> {
  for (const peer of peers) {
    if (peer) await ('stop' in peer ? peer.stop() : peer.close())
  }
}
