/**
 * Choosing which suggested fixes to apply together. Deterministic: priority first, then the
 * longest span, then the earliest. Two fixes conflict when their spans overlap or touch with only
 * whitespace between them — neighbouring fixes may depend on each other ("This are" → "These is"),
 * so the second waits for a re-check of the text the first one leaves.
 */
import type {ApplyThreshold, Finding} from '../types.js'
import {levelRank} from '../types.js'
import {firstIndex} from './first-index.js'

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

/**
 * The largest conflict-free set of edits, chosen greedily in selection order; sorted by position.
 * The chosen edits are kept in order of position: an edit that conflicts with any of them
 * conflicts with one of its two neighbours there (whatever lies between it and a farther edit it
 * overlaps or faces across whitespace would overlap or face it too), so each edit is tested twice,
 * not against every edit chosen before it.
 */
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
    // The first chosen edit that starts after this one (by start, then end).
    const at = firstIndex(chosen, (other) => other.start > edit.start || (other.start === edit.start && other.end > edit.end))
    if ((at > 0 && conflicts(chosen[at - 1], edit, text)) || (at < chosen.length && conflicts(chosen[at], edit, text))) continue
    chosen.splice(at, 0, edit)
  }
  return chosen
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
