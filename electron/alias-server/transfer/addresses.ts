/** Loopback test for client addresses as node:net reports them (IPv4-mapped IPv6 included). */
export const isLoopbackAddress = (address: string): boolean => /^(::ffff:)?127\./i.test(address) || address === '::1'
