/**
 * The reviewable change: a unified diff that `git apply` and `patch -p1` take unchanged. On a
 * terminal the hunks can be annotated with the rule and message behind each change, in colour;
 * that form is for reading, not for applying.
 */
import {structuredPatch, formatPatch} from 'diff'
import {styleText} from 'node:util'
import type {AppliedFix} from '../fix/fixpoint.js'
import {spanMapper, type EditRound} from '../fix/offset-map.js'

export interface PatchOptions {
  context?: number
}

/** A unified diff with a/ and b/ prefixes, or '' when nothing changed. */
export function createPatch(path: string, before: string, after: string, options: PatchOptions = {}): string {
  if (before === after) return ''
  const name = path.replace(/\\/g, '/').replace(/^\.\//, '')
  const patch = structuredPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, {context: options.context ?? 3})
  // formatPatch writes an "Index:" banner only when given one; git apply reads from the --- line.
  return `diff --git a/${name} b/${name}\n` + formatPatch(patch).replace(/^=+\n/m, '')
}

interface Annotated {
  line: number
  label: string
}

/** Final-text line of each applied fix, with "source/ruleId: reason". */
function fixLines(after: string, applied: AppliedFix[], rounds: EditRound[]): Annotated[] {
  const lineStarts = [0]
  for (let i = 0; i < after.length; i++) if (after.charCodeAt(i) === 10) lineStarts.push(i + 1)
  const lineOf = (offset: number): number => {
    let low = 0
    let high = lineStarts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (lineStarts[mid] <= offset) low = mid
      else high = mid - 1
    }
    return low + 1
  }
  // One mapper per round a fix was made in: a fix of round r maps through rounds r, r+1, ….
  const mappers = rounds.map((_, index) => spanMapper(rounds.slice(index)))
  return applied.map((fix) => {
    const start = fix.finding.start.offset
    const span = mappers[fix.round - 1](start, start)
    return {line: lineOf(span.start), label: `${fix.finding.source}/${fix.finding.ruleId}: ${fix.finding.reason}`}
  })
}

/** The diff for a terminal: each hunk headed by the rules behind it, removed and added lines coloured. */
export function annotatePatch(patch: string, after: string, applied: AppliedFix[], rounds: EditRound[], color: boolean): string {
  const notes = fixLines(after, applied, rounds)
  const paint = (style: Parameters<typeof styleText>[0], text: string): string => (color ? styleText(style, text) : text)
  const out: string[] = []
  for (const line of patch.split('\n')) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line)
    if (hunk) {
      const first = Number(hunk[1])
      const last = first + Number(hunk[2] ?? 1)
      for (const note of notes) if (note.line >= first && note.line < last) out.push(paint('yellow', `# ${note.label}`))
      out.push(paint('cyan', line))
    } else if (line.startsWith('+') && !line.startsWith('+++')) out.push(paint('green', line))
    else if (line.startsWith('-') && !line.startsWith('---')) out.push(paint('red', line))
    else if (/^(diff|---|\+\+\+)/.test(line)) out.push(paint('bold', line))
    else out.push(line)
  }
  return out.join('\n')
}
