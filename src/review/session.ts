/**
 * A review of one text's suggestions, independent of any interface: walk the pending suggestions,
 * accept (a suggestion or another replacement), reject, edit, decide a whole rule, undo. Accepting
 * a suggestion supersedes the ones that overlap it. Decisions are recorded as they are made.
 */
import {applyEdits} from '../fix/select.js'
import type {Finding} from '../types.js'
import {ruleKey, type Decision, type DecisionStore} from './decisions.js'

export type SuggestionState = 'pending' | 'accepted' | 'rejected' | 'superseded'

export interface Suggestion {
  id: number
  finding: Finding
  state: SuggestionState
  /** The replacement accepted (a suggestion or the reviewer's own text). */
  replacement?: string
  edited?: boolean
}

interface Step {
  changes: Array<{suggestion: Suggestion; state: SuggestionState; replacement?: string; edited?: boolean}>
  decisions: Decision[]
}

export class ReviewSession {
  readonly suggestions: Suggestion[]
  private readonly steps: Step[] = []

  constructor(
    readonly path: string,
    readonly text: string,
    findings: Finding[],
    private readonly store?: DecisionStore,
  ) {
    this.suggestions = findings
      .filter((finding) => finding.expected.length > 0 && finding.apply !== 'never')
      .sort((a, b) => a.start.offset - b.start.offset || b.end.offset - a.end.offset)
      .map((finding, id) => ({id, finding, state: 'pending' as SuggestionState}))
    // Suggestions a reviewer already accepted elsewhere come pre-accepted.
    for (const suggestion of this.suggestions) {
      const decision = store?.get(text, suggestion.finding)
      if (decision && (decision.verdict === 'accept' || decision.verdict === 'edit') && this.isFree(suggestion)) {
        suggestion.state = 'accepted'
        suggestion.replacement = decision.replacement ?? suggestion.finding.expected[0]
        suggestion.edited = decision.verdict === 'edit'
        this.supersede(suggestion, {changes: [], decisions: []})
      }
    }
  }

  get pending(): Suggestion[] {
    return this.suggestions.filter((suggestion) => suggestion.state === 'pending')
  }

  /** The next suggestion to decide, in document order. */
  get current(): Suggestion | undefined {
    return this.suggestions.find((suggestion) => suggestion.state === 'pending')
  }

  get done(): boolean {
    return this.current === undefined
  }

  get decided(): number {
    return this.suggestions.filter((suggestion) => suggestion.state !== 'pending').length
  }

  private isFree(candidate: Suggestion): boolean {
    return !this.suggestions.some(
      (other) => other !== candidate && other.state === 'accepted' && overlaps(other.finding, candidate.finding),
    )
  }

  private change(step: Step, suggestion: Suggestion, state: SuggestionState, replacement?: string, edited?: boolean): void {
    step.changes.push({suggestion, state: suggestion.state, replacement: suggestion.replacement, edited: suggestion.edited})
    suggestion.state = state
    suggestion.replacement = replacement
    suggestion.edited = edited
  }

  private supersede(accepted: Suggestion, step: Step): void {
    for (const other of this.suggestions)
      if (other !== accepted && other.state === 'pending' && overlaps(other.finding, accepted.finding)) this.change(step, other, 'superseded')
  }

  private decide(suggestion: Suggestion, verdict: 'accept' | 'reject' | 'edit', replacement: string | undefined, step: Step): void {
    if (verdict === 'reject') this.change(step, suggestion, 'rejected')
    else {
      this.change(step, suggestion, 'accepted', replacement, verdict === 'edit')
      this.supersede(suggestion, step)
    }
    if (this.store) step.decisions.push(this.store.record(this.text, suggestion.finding, verdict, replacement, this.path))
  }

  private commit(step: Step): void {
    if (step.changes.length > 0) this.steps.push(step)
    this.store?.save()
  }

  byId(id: number): Suggestion | undefined {
    return this.suggestions.find((suggestion) => suggestion.id === id)
  }

  /** Accept a suggestion (default: the current one) with its first replacement or the given one. */
  accept(replacement?: string, suggestion = this.current): void {
    if (!suggestion || suggestion.state !== 'pending') return
    const chosen = replacement ?? suggestion.finding.expected[0]
    const step: Step = {changes: [], decisions: []}
    this.decide(suggestion, suggestion.finding.expected.includes(chosen) ? 'accept' : 'edit', chosen, step)
    this.commit(step)
  }

  edit(replacement: string, suggestion = this.current): void {
    if (!suggestion || suggestion.state !== 'pending') return
    const step: Step = {changes: [], decisions: []}
    this.decide(suggestion, 'edit', replacement, step)
    this.commit(step)
  }

  reject(suggestion = this.current): void {
    if (!suggestion || suggestion.state !== 'pending') return
    const step: Step = {changes: [], decisions: []}
    this.decide(suggestion, 'reject', undefined, step)
    this.commit(step)
  }

  /** Accept or reject every pending suggestion of a suggestion's rule (default: the current one's), in this file. */
  decideRule(verdict: 'accept' | 'reject', suggestion = this.current): number {
    if (!suggestion) return 0
    const rule = ruleKey(suggestion.finding)
    const step: Step = {changes: [], decisions: []}
    let count = 0
    for (const other of this.suggestions) {
      if (other.state !== 'pending' || ruleKey(other.finding) !== rule) continue
      this.decide(other, verdict, verdict === 'accept' ? other.finding.expected[0] : undefined, step)
      count++
    }
    this.commit(step)
    return count
  }

  /** Take the last decision (or rule-wide decision) back; returns the suggestion it was about. */
  undo(): Suggestion | undefined {
    const step = this.steps.pop()
    if (!step) return undefined
    for (const change of [...step.changes].reverse()) {
      change.suggestion.state = change.state
      change.suggestion.replacement = change.replacement
      change.suggestion.edited = change.edited
    }
    for (const decision of step.decisions) this.store?.forget(decision)
    this.store?.save()
    return step.changes[0]?.suggestion
  }

  /** The text with the accepted replacements applied. */
  result(): string {
    const edits = this.suggestions
      .filter((suggestion) => suggestion.state === 'accepted')
      .map((suggestion) => ({
        start: suggestion.finding.start.offset,
        end: suggestion.finding.end.offset,
        replacement: suggestion.replacement ?? suggestion.finding.expected[0],
        finding: suggestion.finding,
      }))
    return applyEdits(this.text, edits)
  }
}

function overlaps(a: Finding, b: Finding): boolean {
  return a.start.offset < b.end.offset && b.start.offset < a.end.offset
}
