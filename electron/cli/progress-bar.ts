import type { AuditProgress } from '@shared/audit'

const WIDTH = 30

function duration(seconds: number): string {
  const s = Math.round(seconds)
  if (s < 60) return `${s} s`
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`
}

export function progressLine(p: AuditProgress): string {
  const share = p.total > 0 ? p.done / p.total : 1
  const filled = Math.round(share * WIDTH)
  const eta = p.etaSeconds !== undefined ? `, ETA ${duration(p.etaSeconds)}` : ''
  const errors = p.errors ? `, ${p.errors} failed` : ''
  return `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${p.done}/${p.total} names, ${p.rate.toFixed(1)}/s${eta}${errors}`
}

/**
 * The progress bar on standard error: redrawn in place on a terminal (at most 10 times a second),
 * one line every 2 s otherwise, so that a log stays readable.
 */
export class ProgressBar {
  private last = 0
  private drawn = false

  constructor(
    private readonly out: NodeJS.WriteStream,
    private readonly enabled: boolean
  ) {}

  update(p: AuditProgress, force = false): void {
    if (!this.enabled) return
    const now = Date.now()
    const tty = this.out.isTTY === true
    if (!force && now - this.last < (tty ? 100 : 2000)) return
    this.last = now
    if (tty) {
      this.out.write(`\r\x1b[2K${progressLine(p)}`)
      this.drawn = true
    } else this.out.write(`${progressLine(p)}\n`)
  }

  /** Ends the bar's line so that messages after it start on their own. */
  end(): void {
    if (this.drawn) this.out.write('\n')
    this.drawn = false
  }
}
