/**
 * Scoring postedit against annotated texts: recall (gold spans a finding overlaps), precision
 * (findings that overlap a gold span), fix accuracy (found spans left in an accepted state after
 * fixing with every first suggestion) and the share of the edit distance to the reference that the
 * fixes remove.
 */
import {readFileSync, readdirSync} from 'node:fs'
import {basename, join} from 'node:path'
import {diffChars} from 'diff'
import {spanMapper} from '../fix/offset-map.js'
import {foldQuotes} from '../parse/tokens.js'
import type {Postedit} from '../processor.js'
import type {Finding} from '../types.js'

export interface GoldSpan {
  id: string
  start: number
  end: number
  text: string
  category: string
  severity: string
  /** Accepted replacements for the whole span; [] means it needs a human rewrite (flag only). */
  fixes: string[]
}

export interface AnnotatedText {
  name: string
  text: string
  gold: GoldSpan[]
}

export interface SpanOutcome {
  span: GoldSpan
  found: boolean
  /** The span's text after fixing (mapped through every edit). */
  after: string
  /** Accepted: equals an accepted fix, or (flag-only spans) flagged and left unchanged. */
  correct: boolean
}

export interface TextScore {
  name: string
  spans: number
  found: number
  findings: number
  truePositiveFindings: number
  /** Found spans in an accepted state after fixing. */
  correctFixes: number
  /** Spans with accepted fixes whose region after fixing equals one. */
  fixedToAccepted: number
  fixableSpans: number
  /** Applied edits that touch no gold span: changes a reviewer must undo. */
  editsOutsideGold: number
  editsApplied: number
  distanceBefore: number
  distanceAfter: number
  outcomes: SpanOutcome[]
  falsePositives: Finding[]
}

export function normalizeForCompare(value: string): string {
  return foldQuotes(value)
    .replace(/\s*[—–]\s*/g, ' — ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Indel distance (insertions + deletions, in characters). */
export function editDistance(a: string, b: string): number {
  let distance = 0
  for (const part of diffChars(a, b)) if (part.added || part.removed) distance += part.value.length
  return distance
}

function overlaps(a: {start: number; end: number}, b: {start: number; end: number}): boolean {
  return a.start < b.end && b.start < a.end
}

/** The reference text: each fixable gold span replaced by its first accepted fix. */
export function referenceText(text: string, gold: GoldSpan[]): string {
  let out = ''
  let cursor = 0
  for (const span of [...gold].sort((a, b) => a.start - b.start)) {
    if (span.start < cursor) continue
    out += text.slice(cursor, span.start) + (span.fixes[0] ?? span.text)
    cursor = span.end
  }
  return out + text.slice(cursor)
}

export function scoreText(postedit: Postedit, annotated: AnnotatedText): TextScore {
  const {text, gold} = annotated
  const findings = postedit.check(text).findings
  const spanOf = (finding: Finding) => ({start: finding.start.offset, end: finding.end.offset})
  const result = postedit.fix(text, {apply: 'review'})
  const firstRoundEdits = result.applied.filter((fix) => fix.round === 1)

  const mapSpan = spanMapper(result.rounds)
  const outcomes: SpanOutcome[] = gold.map((span) => {
    const found = findings.some((finding) => overlaps(spanOf(finding), span))
    const mapped = mapSpan(span.start, span.end)
    const after = result.output.slice(mapped.start, mapped.end)
    const correct =
      found &&
      (span.fixes.length > 0
        ? span.fixes.some((fix) => normalizeForCompare(fix) === normalizeForCompare(after))
        : normalizeForCompare(after) === normalizeForCompare(span.text))
    return {span, found, after, correct}
  })
  const falsePositives = findings.filter((finding) => !gold.some((span) => overlaps(spanOf(finding), span)))
  const reference = referenceText(text, gold)
  return {
    name: annotated.name,
    spans: gold.length,
    found: outcomes.filter((o) => o.found).length,
    findings: findings.length,
    truePositiveFindings: findings.length - falsePositives.length,
    correctFixes: outcomes.filter((o) => o.correct).length,
    fixedToAccepted: outcomes.filter((o) => o.correct && o.span.fixes.length > 0).length,
    fixableSpans: gold.filter((span) => span.fixes.length > 0).length,
    editsOutsideGold: firstRoundEdits.filter((fix) => !gold.some((span) => overlaps(spanOf(fix.finding), span))).length,
    editsApplied: result.applied.length,
    distanceBefore: editDistance(text, reference),
    distanceAfter: editDistance(result.output, reference),
    outcomes,
    falsePositives,
  }
}

export interface Summary {
  texts: number
  spans: number
  recall: number
  precision: number
  fixAccuracy: number
  fixCoverage: number
  editDistanceRemoved: number
  editsOutsideGold: number
}

export function summarize(scores: TextScore[]): Summary {
  const sum = (pick: (score: TextScore) => number): number => scores.reduce((total, score) => total + pick(score), 0)
  const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b)
  const before = sum((s) => s.distanceBefore)
  return {
    texts: scores.length,
    spans: sum((s) => s.spans),
    recall: ratio(sum((s) => s.found), sum((s) => s.spans)),
    precision: ratio(sum((s) => s.truePositiveFindings), sum((s) => s.findings)),
    fixAccuracy: ratio(sum((s) => s.correctFixes), sum((s) => s.found)),
    fixCoverage: ratio(sum((s) => s.fixedToAccepted), sum((s) => s.fixableSpans)),
    editDistanceRemoved: before === 0 ? 0 : (before - sum((s) => s.distanceAfter)) / before,
    editsOutsideGold: sum((s) => s.editsOutsideGold),
  }
}

interface GoldFile {
  file: string
  annotations: GoldSpan[]
}

/** Every annotated text in a folder: each *.gold.json names its text file. */
export function loadAnnotatedCorpus(folder: string): AnnotatedText[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.gold.json'))
    .sort()
    .map((name) => {
      const gold = JSON.parse(readFileSync(join(folder, name), 'utf8')) as GoldFile
      const text = readFileSync(join(folder, gold.file), 'utf8')
      for (const span of gold.annotations)
        if (text.slice(span.start, span.end) !== span.text)
          throw new Error(`${name}: span ${span.id} does not match its text ("${text.slice(span.start, span.end)}" ≠ "${span.text}")`)
      return {name: basename(name, '.gold.json'), text, gold: gold.annotations}
    })
}

export interface CleanScore {
  texts: number
  words: number
  findings: number
  /** Findings per 5,000 words: false alarms, since the texts are well-edited English. */
  per5000: number
  byRule: Record<string, number>
  examples: Array<{path: string; finding: Finding}>
}

/** False alarms on well-edited English: every finding on the clean texts counts. */
export function scoreClean(postedit: Postedit, folder: string): CleanScore {
  let words = 0
  const byRule: Record<string, number> = {}
  const examples: CleanScore['examples'] = []
  const files = readdirSync(folder).filter((name) => name.endsWith('.txt')).sort()
  for (const name of files) {
    const text = readFileSync(join(folder, name), 'utf8')
    words += text.split(/\s+/).filter(Boolean).length
    for (const finding of postedit.check(text).findings) {
      const key = `${finding.source}/${finding.ruleId}`
      byRule[key] = (byRule[key] ?? 0) + 1
      examples.push({path: join(folder, name), finding})
    }
  }
  const findings = examples.length
  return {texts: files.length, words, findings, per5000: words === 0 ? 0 : (findings / words) * 5000, byRule, examples}
}
