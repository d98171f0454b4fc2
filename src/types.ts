/**
 * Shared vocabulary of the pipeline: what a finding is and how it is classified.
 */

/** MQM-style issue categories (see docs/rules.md for the mapping to MQM and ITS 2.0). */
export const CATEGORIES = [
  'terminology',
  'entity',
  'accuracy/mistranslation',
  'accuracy/omission',
  'accuracy/addition',
  'accuracy/untranslated',
  'grammar',
  'spelling',
  'punctuation',
  'duplication',
  'inconsistency',
  'style',
  'locale-convention',
] as const
export type Category = (typeof CATEGORIES)[number]

export const LEVELS = ['error', 'warning', 'suggestion'] as const
export type Level = (typeof LEVELS)[number]

/**
 * How a suggested fix may be applied:
 * `auto` — safe to apply without review; `review` — applied only when the user opts in
 * (or accepts it in review); `never` — report only, never applied.
 */
export const APPLY_POLICIES = ['auto', 'review', 'never'] as const
export type ApplyPolicy = (typeof APPLY_POLICIES)[number]

/** Which findings the fixer applies: only `auto`, or `auto` and `review`. */
export type ApplyThreshold = 'auto' | 'review'

export interface Point {
  line: number
  column: number
  offset: number
}

/**
 * A finding as plain data: what a detector or rule reported, detached from vfile.
 * `expected` holds replacements best first; `[]` means flag only.
 */
export interface Finding {
  source: string
  ruleId: string
  reason: string
  start: Point
  end: Point
  actual: string
  expected: string[]
  category: Category
  level: Level
  apply: ApplyPolicy
  /** Higher wins when two fixes overlap. */
  priority: number
  note?: string
  url?: string
}

/** Extra fields postedit puts on every vfile message it emits. */
export interface PosteditMessageFields {
  category: Category
  level: Level
  apply: ApplyPolicy
  priority: number
}

export function levelRank(level: Level): number {
  return level === 'error' ? 3 : level === 'warning' ? 2 : 1
}
