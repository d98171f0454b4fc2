/**
 * Fixing to a fixpoint: apply a conflict-free set of fixes, check the result again, repeat until
 * nothing applicable is left. Fixes that depended on each other are re-judged on the text the
 * earlier ones produced, so they cannot corrupt each other; fixing the output again changes nothing.
 */
import type {ApplyThreshold, Finding} from '../types.js'
import type {EditRound} from './offset-map.js'
import {applyEdits, selectEdits, type Edit} from './select.js'

export const MAX_ROUNDS = 8

export interface AppliedFix {
  round: number
  finding: Finding
  replacement: string
}

export interface FixResult {
  output: string
  applied: AppliedFix[]
  /** The edits of each round, in that round's coordinates (for mapping spans, see offset-map). */
  rounds: EditRound[]
  /** Findings on the output: what is left for a person. */
  remaining: Finding[]
  /** False when MAX_ROUNDS passed and fixes were still proposed (a rule fires on its own output). */
  converged: boolean
}

export interface FixpointOptions {
  threshold: ApplyThreshold
  /** Pick the replacement for a finding (default: its first suggestion); undefined skips it. */
  choose?: (finding: Finding) => string | undefined
  /**
   * Findings on the text a round produced, computed cheaply from the previous round's (for
   * example by checking only the paragraphs the round changed). The loop ends with a full check,
   * so an approximation here costs rounds, never correctness.
   */
  recheck?: (before: string, after: string, round: EditRound, previous: Finding[]) => Finding[]
}

/**
 * The edit without the words its replacement keeps at either end: "politics of refusing" →
 * "policy of refusing" touches only "politics" → "policy". Spans mapped through it then keep their
 * edges; the kept ends are whole words, so a span that starts or ends in a word the edit rewrites
 * covers all of it.
 */
function minimalEdit(text: string, edit: Edit): {start: number; end: number; replacement: string} {
  const original = text.slice(edit.start, edit.end)
  const {replacement} = edit
  let prefix = 0
  while (prefix < original.length && prefix < replacement.length && original[prefix] === replacement[prefix]) prefix++
  let suffix = 0
  while (
    suffix < original.length - prefix &&
    suffix < replacement.length - prefix &&
    original[original.length - 1 - suffix] === replacement[replacement.length - 1 - suffix]
  )
    suffix++
  // Keep whole words at both ends: "than in" → "than" must not keep the "n" and cut "than" in two,
  // and "carry out the investigation of" → "conduct an investigation into" must not keep the "c"
  // (a span starting at "of" would map to "onduct …").
  const isLetter = (char: string | undefined): boolean => char !== undefined && /[\p{L}\p{N}]/u.test(char)
  while (suffix > 0 && isLetter(original[original.length - suffix]) && isLetter(original[original.length - suffix - 1])) suffix--
  while (prefix > 0 && isLetter(original[prefix - 1]) && isLetter(original[prefix])) prefix--
  return {start: edit.start + prefix, end: edit.end - suffix, replacement: replacement.slice(prefix, replacement.length - suffix)}
}

export function fixToFixpoint(text: string, check: (text: string) => Finding[], options: FixpointOptions): FixResult {
  const applied: AppliedFix[] = []
  const rounds: EditRound[] = []
  let current = text
  let findings = check(current)
  let approximate = false
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    let edits: Edit[] = selectEdits(findings, current, options.threshold, options.choose)
    if (edits.length === 0 && approximate) {
      findings = check(current)
      approximate = false
      edits = selectEdits(findings, current, options.threshold, options.choose)
    }
    if (edits.length === 0) return {output: current, applied, rounds, remaining: findings, converged: true}
    const previous = current
    current = applyEdits(current, edits)
    const minimal = edits.map((edit) => minimalEdit(previous, edit))
    rounds.push(minimal)
    for (const edit of edits) applied.push({round, finding: edit.finding, replacement: edit.replacement})
    if (options.recheck) {
      findings = options.recheck(previous, current, minimal, findings)
      approximate = true
    } else findings = check(current)
  }
  if (approximate) findings = check(current)
  const pending = selectEdits(findings, current, options.threshold, options.choose)
  return {output: current, applied, rounds, remaining: findings, converged: pending.length === 0}
}
