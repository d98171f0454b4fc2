/**
 * Choosing which suggested fixes to apply together. Deterministic: priority first, then the
 * longest span, then the earliest. Two fixes conflict when their spans overlap or touch with only
 * whitespace between them — neighbouring fixes may depend on each other ("This are" → "These is"),
 * so the second waits for a re-check of the text the first one leaves.
 */
import type {ApplyThreshold, Finding} from '../types.js'
import {levelRank} from '../types.js'

export interface Edit {
  start: number
  end: number
  replacement: string
  finding: Finding
}

export function isApplicable(finding: Finding, threshold: ApplyThreshold): boolean {
  if (finding.expected.length === 0 || finding.apply === 'never') return false
  return finding.apply === 'auto' || threshold === 'review'
}

function conflicts(a: Edit, b: Edit, text: string): boolean {
  if (a.start < b.end && b.start < a.end) return true
  const [left, right] = a.end <= b.start ? [a, b] : [b, a]
  // Zero-width insertions at the same point conflict too.
  if (left.end === right.start && (left.start === left.end || right.start === right.end)) return true
  return /^\s*$/.test(text.slice(left.end, right.start))
}

export function compareForSelection(a: Finding, b: Finding): number {
  return (
    b.priority - a.priority ||
    levelRank(b.level) - levelRank(a.level) ||
    b.end.offset - b.start.offset - (a.end.offset - a.start.offset) ||
    a.start.offset - b.start.offset ||
    a.source.localeCompare(b.source) ||
    a.ruleId.localeCompare(b.ruleId)
  )
}

/** The largest conflict-free set of edits, chosen greedily in selection order; sorted by position. */
export function selectEdits(
  findings: Finding[],
  text: string,
  threshold: ApplyThreshold,
  choose: (finding: Finding) => string | undefined = (finding) => finding.expected[0],
): Edit[] {
  const chosen: Edit[] = []
  for (const finding of findings.filter((f) => isApplicable(f, threshold)).sort(compareForSelection)) {
    const replacement = choose(finding)
    if (replacement === undefined) continue
    const edit: Edit = {start: finding.start.offset, end: finding.end.offset, replacement, finding}
    if (text.slice(edit.start, edit.end) === replacement) continue
    if (chosen.some((other) => conflicts(other, edit, text))) continue
    chosen.push(edit)
  }
  return chosen.sort((a, b) => a.start - b.start)
}

/** Apply non-overlapping edits; text outside the edited spans is copied unchanged. */
export function applyEdits(text: string, edits: Edit[]): string {
  let out = ''
  let cursor = 0
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    if (edit.start < cursor) throw new Error(`overlapping edits at offset ${edit.start}`)
    out += text.slice(cursor, edit.start) + edit.replacement
    cursor = edit.end
  }
  return out + text.slice(cursor)
}
