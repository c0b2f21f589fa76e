/** The zone model shared by the parser, the semantic rules, the serializer and the ALIAS server. */

export interface ZoneRecord {
  /** Absolute owner name, canonical presentation form: lower-case, escaped, trailing dot. */
  name: string
  /** Upper-case mnemonic ('A', 'ALIAS', 'HTTPS'), or 'TYPEnnn' for a type without one. */
  type: string
  ttl: number
  class: 'IN'
  /**
   * Canonical presentation tokens: names absolute and lower-case, character-strings quoted,
   * numbers in decimal, RFC 3597 rdata as ['\\#', length, HEX] (hex omitted when empty).
   */
  rdata: string[]
  /** 1-based position of the record's first token in the source text (0 when built in code). */
  line: number
  column: number
}

export interface Zone {
  /** Absolute, lower-case, trailing dot. */
  origin: string
  records: ZoneRecord[]
}

export interface ParseZoneOptions {
  /** The zone origin when the file has no $ORIGIN; a missing trailing dot is added. */
  origin?: string
  /** TTL for records without one, as if the file began with $TTL. */
  defaultTtl?: number
  /** Stop collecting errors after this many (default 100). */
  maxErrors?: number
}

/** RFC 4592 view of a name inside the zone. All names are canonical (lower-case, trailing dot). */
export interface WildcardLookup {
  /** The name has records of its own. */
  exists: boolean
  /** The name has no records but has descendants that do (RFC 4592 §2.2.2). */
  emptyNonTerminal: boolean
  /** Longest existing ancestor of the name; the name itself when it exists; null outside the zone. */
  closestEncloser: string | null
  /** '*.<closest encloser>' when that wildcard owner exists and would synthesise the answer. */
  wildcardOwner: string | null
}
