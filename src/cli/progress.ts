/**
 * Progress and summary for batch runs on a terminal: files done, MB/s and time left while it runs;
 * files, findings by category and rule, fixes and errors at the end. Silent when not a TTY.
 */
import type {ReadProgress, TaskResult} from '../batch/task.js'
import type {Finding} from '../types.js'

export class Progress {
  private done = 0
  private bytes = 0
  private readonly started = Date.now()
  private lastDraw = 0
  readonly categories = new Map<string, number>()
  readonly rules = new Map<string, number>()
  findings = 0
  fixes = 0
  changed = 0
  errors = 0

  constructor(
    private readonly total: number,
    private readonly write: ((text: string) => void) | undefined,
  ) {}

  /** Long files being read: how far each is (they count toward the rate, and one alone gets a bar of its own). */
  private readonly beingRead = new Map<number, ReadProgress>()
  private readAlone?: ReadProgress
  /** Whether the bar is on the screen (and not ended by a line break). */
  private drawn = false

  add(result: TaskResult, changed = false): void {
    this.done++
    this.bytes += result.bytes
    const read = this.beingRead.get(result.index)
    // A long file alone ends its bar full.
    if (read && this.total === 1) this.readAlone = {bytes: read.total, total: read.total}
    this.beingRead.delete(result.index)
    if (!result.ok) this.errors++
    else {
      this.found(result.findings)
      this.fixes += result.applied?.length ?? result.appliedCount ?? 0
      if (changed) this.changed++
    }
    this.draw()
  }

  /** Wipe the bar before other output goes to the terminal; the next update draws it again. */
  clear(): void {
    if (!this.write || !this.drawn) return
    this.write('\r\u001b[2K')
    this.drawn = false
    this.lastDraw = 0
  }

  /** How far a long file has been read, window by window. */
  reading(index: number, progress: ReadProgress): void {
    this.beingRead.set(index, progress)
    this.draw()
  }

  /** Count findings: a result's, or a long file's as they are streamed before its result. */
  found(findings: Finding[]): void {
    for (const finding of findings) {
      this.findings++
      this.categories.set(finding.category, (this.categories.get(finding.category) ?? 0) + 1)
      const rule = `${finding.source}/${finding.ruleId}`
      this.rules.set(rule, (this.rules.get(rule) ?? 0) + 1)
    }
  }

  private draw(): void {
    const alone = this.total === 1 ? (this.beingRead.get(0) ?? this.readAlone) : undefined
    if (!this.write || (this.total < 2 && !alone)) return
    const now = Date.now()
    if (now - this.lastDraw < 100 && this.done < this.total) return
    this.lastDraw = now
    const seconds = Math.max((now - this.started) / 1000, 0.001)
    let partial = 0
    for (const {bytes} of this.beingRead.values()) partial += bytes
    const rate = (this.bytes + partial) / 1e6 / seconds
    const width = 24
    // One long file: a bar of its bytes; a batch: a bar of its files.
    const share = alone ? alone.bytes / Math.max(alone.total, 1) : this.done / this.total
    const left = alone ? (rate > 0 ? (alone.total - alone.bytes) / 1e6 / rate : 0) : this.done === 0 ? 0 : (seconds / this.done) * (this.total - this.done)
    const filled = Math.round(share * width)
    const eta = `${Math.floor(left / 60)}:${String(Math.round(left % 60)).padStart(2, '0')}`
    const what = alone ? `${(alone.bytes / 1e6).toFixed(1)}/${(alone.total / 1e6).toFixed(1)} MB` : `${this.done}/${this.total} files`
    this.write(`\r[${'='.repeat(filled)}${' '.repeat(width - filled)}] ${what} · ${rate.toFixed(2)} MB/s · ${eta} left `)
    this.drawn = this.done < this.total
    if (this.done === this.total) this.write('\n')
  }

  summary(): string {
    const seconds = (Date.now() - this.started) / 1000
    const top = (map: Map<string, number>, count: number): string =>
      [...map].sort((a, b) => b[1] - a[1]).slice(0, count).map(([name, n]) => `${name} ${n}`).join(', ') || '—'
    return [
      `${this.total} file${this.total === 1 ? '' : 's'} (${(this.bytes / 1e6).toFixed(2)} MB) in ${seconds.toFixed(1)} s`,
      `findings: ${this.findings}${this.findings ? ` — by category: ${top(this.categories, 8)}` : ''}`,
      ...(this.findings ? [`top rules: ${top(this.rules, 8)}`] : []),
      ...(this.fixes || this.changed ? [`fixes applied: ${this.fixes}, files changed: ${this.changed}`] : []),
      ...(this.errors ? [`errors: ${this.errors} file${this.errors === 1 ? '' : 's'} skipped`] : []),
    ].join('\n') + '\n'
  }
}
