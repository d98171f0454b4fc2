/**
 * Remembered review decisions: a reviewable JSON file (by default .postedit/decisions.json) keyed
 * by a fingerprint of rule + matched text + the words around it, so a rejected suggestion is not
 * proposed again — in the next run or in the next file with the same wording — and per-rule
 * counts show which rules reviewers overrule.
 */
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readFileSync} from 'node:fs'
import {dirname} from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import {foldQuotes} from '../parse/tokens.js'
import type {Finding} from '../types.js'

export type Verdict = 'accept' | 'reject' | 'edit'

export interface Decision {
  fingerprint: string
  rule: string
  actual: string
  context: string
  verdict: Verdict
  /** The replacement the reviewer accepted or wrote (accept, edit). */
  replacement?: string
  file?: string
  at: string
}

export interface RuleCounts {
  accept: number
  reject: number
  edit: number
}

interface DecisionFile {
  version: 1
  decisions: Record<string, Decision>
  rules: Record<string, RuleCounts>
}

// Two words either side, within the sentence: enough to tell occurrences apart, loose enough that
// the same wording in the next file is recognized.
const CONTEXT_WORDS = 2

function words(text: string): string[] {
  return foldQuotes(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}'"-]+/u)
    .filter(Boolean)
}

/** The words around a finding, normalized: what makes two occurrences "the same suggestion". */
export function contextOf(text: string, finding: Pick<Finding, 'start' | 'end'>): string {
  const beforeText = text.slice(Math.max(0, finding.start.offset - 80), finding.start.offset).split(/[.!?\n]/).pop() ?? ''
  const afterText = text.slice(finding.end.offset, finding.end.offset + 80).split(/[.!?\n]/)[0]
  const before = words(beforeText).slice(-CONTEXT_WORDS)
  const after = words(afterText).slice(0, CONTEXT_WORDS)
  return `${before.join(' ')} [${words(text.slice(finding.start.offset, finding.end.offset)).join(' ')}] ${after.join(' ')}`
}

export function ruleKey(finding: Pick<Finding, 'source' | 'ruleId'>): string {
  return `${finding.source}/${finding.ruleId}`
}

export function fingerprintOf(text: string, finding: Finding): string {
  return createHash('sha256').update(`${ruleKey(finding)}\0${contextOf(text, finding)}`).digest('hex').slice(0, 16)
}

export class DecisionStore {
  private data: DecisionFile

  constructor(
    readonly path: string | undefined,
    data?: DecisionFile,
  ) {
    this.data = data ?? {version: 1, decisions: {}, rules: {}}
  }

  /** Load the store at `path`; a missing file is an empty store. */
  static load(path: string): DecisionStore {
    if (!existsSync(path)) return new DecisionStore(path)
    let data: DecisionFile
    try {
      data = JSON.parse(readFileSync(path, 'utf8')) as DecisionFile
    } catch (error) {
      throw new Error(`${path}: not a postedit decisions file (${(error as Error).message})`, {cause: error})
    }
    if (data.version !== 1 || typeof data.decisions !== 'object') throw new Error(`${path}: not a postedit decisions file`)
    data.rules ??= {}
    return new DecisionStore(path, data)
  }

  get(text: string, finding: Finding): Decision | undefined {
    return this.data.decisions[fingerprintOf(text, finding)]
  }

  isRejected(text: string, finding: Finding): boolean {
    return this.get(text, finding)?.verdict === 'reject'
  }

  record(text: string, finding: Finding, verdict: Verdict, replacement?: string, file?: string): Decision {
    const fingerprint = fingerprintOf(text, finding)
    const previous = this.data.decisions[fingerprint]
    const rule = ruleKey(finding)
    const counts = (this.data.rules[rule] ??= {accept: 0, reject: 0, edit: 0})
    if (previous) counts[previous.verdict] = Math.max(0, counts[previous.verdict] - 1)
    counts[verdict]++
    const decision: Decision = {
      fingerprint,
      rule,
      actual: finding.actual,
      context: contextOf(text, finding),
      verdict,
      ...(replacement !== undefined ? {replacement} : {}),
      ...(file ? {file} : {}),
      at: new Date().toISOString(),
    }
    this.data.decisions[fingerprint] = decision
    return decision
  }

  /** Take a decision back (undo). */
  forget(decision: Decision): void {
    if (this.data.decisions[decision.fingerprint] !== decision) return
    delete this.data.decisions[decision.fingerprint]
    const counts = this.data.rules[decision.rule]
    if (counts) counts[decision.verdict] = Math.max(0, counts[decision.verdict] - 1)
  }

  get ruleCounts(): Record<string, RuleCounts> {
    return this.data.rules
  }

  get size(): number {
    return Object.keys(this.data.decisions).length
  }

  save(): void {
    if (!this.path) return
    mkdirSync(dirname(this.path), {recursive: true})
    writeFileAtomic.sync(this.path, JSON.stringify(this.data, null, 2) + '\n')
  }
}
