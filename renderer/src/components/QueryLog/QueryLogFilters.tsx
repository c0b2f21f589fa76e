import { useEffect, useState } from 'react'
import { cacheStatuses, type CacheStatus } from '@shared/alias-server'
import type { QueryLogFilter } from '@shared/lab-log'
import type { LogFacets } from '../../hooks/useStoredQueryLog'
import { SelectField } from '../SelectField/SelectField'
import styles from './QueryLog.module.css'

/** Text filters apply once typing pauses this long. */
const TYPING_MS = 250

const cacheNames: Record<CacheStatus, string> = { hit: 'hit', miss: 'miss', refresh: 'refresh', stale: 'stale', none: 'zone (no ALIAS)' }

interface Props {
  filter: QueryLogFilter
  facets: LogFacets
  onChange(filter: QueryLogFilter): void
}

const textKeys = ['name', 'client', 'search'] as const

/** Filters of the query log: name (and below), type, RCODE, cache state, client, and free-text search. */
export function QueryLogFilters({ filter, facets, onChange }: Props) {
  const [text, setText] = useState({ name: filter.name ?? '', client: filter.client ?? '', search: filter.search ?? '' })
  useEffect(() => {
    const timer = setTimeout(() => {
      const next: QueryLogFilter = { ...filter }
      let changed = false
      for (const key of textKeys) {
        const value = text[key].trim() || undefined
        if (value !== filter[key]) changed = true
        if (value) next[key] = value
        else delete next[key]
      }
      if (changed) onChange(next)
    }, TYPING_MS)
    return () => clearTimeout(timer)
  }, [text, filter, onChange])

  const choose = (key: 'type' | 'rcode' | 'cache', value: string) => {
    const next: QueryLogFilter = { ...filter }
    if (value) (next as Record<string, string>)[key] = value
    else delete next[key]
    onChange(next)
  }
  const any = <option value="">any</option>
  const select = (key: 'type' | 'rcode', label: string, options: readonly string[]) => (
    <SelectField
      label={label}
      value={filter[key] ?? ''}
      options={[...new Set([...options, ...(filter[key] ? [filter[key]] : [])])]}
      onChange={(v) => choose(key, v)}
      testId={`qlog-filter-${key}`}
      leading={any}
      className={styles.filter}
      labelClassName=""
    />
  )
  const input = (key: (typeof textKeys)[number], label: string, placeholder: string, list?: string) => (
    <label className={styles.filter}>
      <span>{label}</span>
      <input
        type="search"
        value={text[key]}
        onChange={(e) => setText((t) => ({ ...t, [key]: e.target.value }))}
        placeholder={placeholder}
        spellCheck={false}
        list={list}
        data-testid={`qlog-filter-${key}`}
      />
    </label>
  )
  return (
    <div className={styles.filters} role="group" aria-label="Filter the query log">
      {input('search', 'Search', 'anything')}
      {input('name', 'Name', 'example.test (and below)')}
      {select('type', 'Type', facets.types)}
      {select('rcode', 'RCODE', facets.rcodes)}
      <SelectField label="Cache" value={filter.cache ?? ''} options={cacheStatuses} names={cacheNames} onChange={(v) => choose('cache', v)} testId="qlog-filter-cache" leading={any} className={styles.filter} labelClassName="" />
      {input('client', 'Client', '127.0.0.1', 'qlog-clients')}
      <datalist id="qlog-clients">
        {facets.clients.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
    </div>
  )
}
