/**
 * Intended differences between our output and a reference peer's, each with its reason. A parity
 * row may differ from the peer only under one of these keys, and only where `holds` says the
 * difference is the documented one (so an allowed row still fails on any other difference).
 * README.md's "Fidelity" section lists the same entries.
 */
export interface IntendedDifference {
  reason: string
  /** True when `ours` differs from `theirs` only in the documented way. */
  holds: (theirs: string, ours: string) => boolean
}

const lines = (s: string) => s.split('\n').filter((l) => l !== '')

export const INTENDED_DIFFERENCES = {
  'pdns-rdata-compression': {
    reason:
      'PowerDNS compresses names inside NS/MX/SRV RDATA; we never do (RFC 3597 §4 allows both). Its answer is smaller, ' +
      'so more optional Additional records fit in a UDP response: ours are a subset of its, and neither sets TC for them.',
    holds: (theirs, ours) => lines(ours).every((l) => lines(theirs).includes(l)) && lines(ours).length > 0
  },
  'pdns-aliasmode-dot': {
    reason:
      'For an SVCB/HTTPS record in AliasMode with the target "." (the service does not exist, RFC 9460 §2.5.1), ' +
      'PowerDNS 4.7 still adds the owner\'s addresses; we add nothing.',
    holds: (theirs, ours) => ours === '' && lines(theirs).length > 0 && lines(theirs).every((l) => / (A|AAAA) /.test(l))
  },
  'alias-record-query': {
    reason:
      'A question for type 65401 (ALIAS) gets the ALIAS record itself, so that the inspector can name the target; ' +
      'PowerDNS 4.7 answers NODATA (its ALIAS records are internal).',
    holds: (theirs, ours) => {
      const section = (s: string, name: string) => (new RegExp(`-- ${name}\\n([^-]*)`).exec(`${s}\n`)?.[1] ?? '').trim()
      return section(theirs, 'answer') === '' && / SOA /.test(section(theirs, 'authority')) && /^\S+ \d+ ALIAS \S+$/.test(section(ours, 'answer'))
    }
  },
  'pdns-badvers-aa': {
    reason: 'PowerDNS sets AA on a BADVERS reply; we do not, as Knot does not: the reply answers nothing.',
    holds: (theirs, ours) => theirs.replace(' aa ', ' ') === ours
  },
  'pdns-silent-formerr': {
    reason:
      'A query with QDCOUNT other than 1, or a bare header, gets FORMERR from us (RFC 1035 §4.1.1), so the client ' +
      'learns at once; PowerDNS drops it and the client waits for its timeout.',
    holds: (theirs, ours) => theirs === '(no reply)' && /^rcode 1 qr /.test(ours)
  },
  'notimp-opcodes': {
    reason:
      'Every opcode but QUERY gets NOTIMP from us (RFC 1035 §4.1.1); PowerDNS answers UPDATE with REFUSED (updates off) ' +
      'and drops STATUS.',
    holds: (theirs, ours) => /^rcode 4 qr opcode [1-9]/.test(ours) && (theirs === '(no reply)' || /^rcode 5 /.test(theirs))
  },
  'no-zone-transfers': {
    reason: 'We do no zone transfers and say so with REFUSED; PowerDNS answers AXFR over UDP with an empty NOERROR.',
    holds: (theirs, ours) => /^rcode 5 qr /.test(ours) && / answers 0$/.test(theirs)
  },
  'dig-cookie-value': {
    reason: 'Cookies are random per query: the COOKIE line is compared by its shape (client + server cookie, "(good)").',
    holds: (theirs, ours) => {
      const shape = (s: string) => s.replace(/[0-9a-f]{16,}/g, 'HEX')
      return shape(theirs) === shape(ours)
    }
  },
  'dig-banner': {
    reason:
      'We are not dig: no "; <<>> DiG 9.18 <<>> …", "; (1 server found)" and ";; global options: +cmd" lines. ' +
      'The ID, query time and date differ from query to query and are compared by their shape.',
    holds: (theirs, ours) => {
      const shape = (s: string) =>
        s
          .split('\n')
          .filter((l) => !/^; <<>> DiG |^; \(\d+ servers? found\)$|^;; global options:/.test(l))
          .join('\n')
          .replace(/id: \d+/, 'id: N')
          .replace(/Query time: \d+ msec/, 'Query time: N msec')
          .replace(/;; WHEN: .*/, ';; WHEN: DATE')
          .replace(/^\n+/, '')
      return shape(theirs) === shape(ours)
    }
  }
} satisfies Record<string, IntendedDifference>

export type AllowKey = keyof typeof INTENDED_DIFFERENCES
