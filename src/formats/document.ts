/**
 * Checking and fixing a structured file through its prose: extract the segments, check their
 * prose as one document (so document-wide detectors see every segment), and carry each finding
 * back to the source — its span, and its replacements escaped the way the format needs.
 * A fix whose change would cross markup is reported without a fix rather than break a tag.
 */
import {VFile} from 'vfile'
import {findingsOf, report} from '../findings.js'
import {applyDecisions, fixWithDecisions, type Postedit} from '../processor.js'
import type {DecisionStore} from '../review/decisions.js'
import type {Finding} from '../types.js'
import {buildProse, type Prose, type Segment} from './segments.js'

export interface Format {
  name: string
  /** Cut a file into the segments of prose it holds; throws FormatError on malformed input. */
  extract(source: string): Segment[]
  /** Write replacement text the way the format stores text (escapes). */
  encode(text: string): string
}

const CROSSES_MARKUP = 'The fix would change text on both sides of markup or an escape; edit it by hand.'

interface MappedFinding {
  finding: Finding
  start: number
  end: number
  expected: string[]
  crossesMarkup: boolean
}

/**
 * The replacement with the actual text's own whitespace between the words both share at either
 * end: a cue's line break survives "on the state⏎of anonymity" → "on the condition⏎of anonymity".
 */
function keepWhitespace(actual: string, replacement: string): string {
  const have = actual.split(/(\s+)/)
  const want = replacement.split(/(\s+)/)
  if (have.length < 3 || want.length < 3) return replacement
  for (let i = 0; i + 2 < have.length && i + 2 < want.length && have[i] === want[i]; i += 2)
    if (/^\s+$/.test(have[i + 1]) && /^\s+$/.test(want[i + 1])) want[i + 1] = have[i + 1]
  for (let h = have.length - 1, w = want.length - 1; h >= 2 && w >= 2 && have[h] === want[w]; h -= 2, w -= 2)
    if (/^\s+$/.test(have[h - 1]) && /^\s+$/.test(want[w - 1])) want[w - 1] = have[h - 1]
  return want.join('')
}

/** Where a prose finding lies in the source, or undefined when it touches code or spans segments. */
function mapFinding(prose: Prose, finding: Finding, encode: (text: string) => string): MappedFinding | undefined {
  const start = finding.start.offset
  const end = finding.end.offset
  const pieceIds = new Set<number>()
  for (let k = start; k < end; k++) pieceIds.add(prose.pieceAt[k])
  if (start === end) pieceIds.add(start > 0 ? prose.pieceAt[start - 1] : prose.pieceAt[start])
  if (pieceIds.has(-1)) return undefined
  if ([...pieceIds].some((id) => prose.pieces[id].kind === 'protected')) return undefined

  // Source offset where prose character k starts, and where the one before it ends.
  const endOf = (k: number): number => prose.pieces[prose.pieceAt[k - 1]].offsets[prose.indexAt[k - 1] + 1]
  const startOf = (k: number): number => (k < prose.text.length && prose.pieceAt[k] >= 0 ? prose.pieces[prose.pieceAt[k]].offsets[prose.indexAt[k]] : endOf(k))
  const pointOf = (k: number): number => {
    const before = prose.pieceAt[k - 1]
    return k > 0 && before >= 0 && prose.pieces[before].kind === 'text' ? endOf(k) : startOf(k)
  }
  const spanStart = end > start ? startOf(start) : pointOf(start)
  const spanEnd = end > start ? endOf(end) : spanStart

  const singleTextPiece = (from: number, to: number): number | undefined => {
    const ids = new Set<number>()
    for (let k = from; k < to; k++) ids.add(prose.pieceAt[k])
    if (from === to) {
      // An insertion goes to the piece before it, else the one after.
      const before = prose.pieceAt[from - 1]
      ids.add(before !== undefined && before >= 0 && prose.pieces[before].kind === 'text' ? before : prose.pieceAt[from])
    }
    if (ids.size !== 1) return undefined
    const [id] = ids
    return id >= 0 && prose.pieces[id].kind === 'text' ? id : undefined
  }

  if (finding.expected.length === 0 || singleTextPiece(start, end) !== undefined)
    return {finding, start: spanStart, end: spanEnd, expected: finding.expected.map(encode), crossesMarkup: false}

  // Across pieces: keep only the part the replacements change, and write it back if that part
  // lies in one piece ("on the <b>state</b> of" → only "state" changes).
  const actual = prose.text.slice(start, end)
  const expected = finding.expected.map((replacement) => keepWhitespace(actual, replacement))
  let prefix = actual.length
  let suffix = actual.length
  for (const replacement of expected) {
    let p = 0
    while (p < actual.length && p < replacement.length && actual[p] === replacement[p]) p++
    let s = 0
    while (s < actual.length - p && s < replacement.length - p && actual[actual.length - 1 - s] === replacement[replacement.length - 1 - s]) s++
    prefix = Math.min(prefix, p)
    suffix = Math.min(suffix, s)
  }
  const coreStart = start + prefix
  const coreEnd = Math.max(coreStart, end - suffix)
  if (singleTextPiece(coreStart, coreEnd) !== undefined) {
    const trimmed = expected.map((replacement) => replacement.slice(prefix, replacement.length - suffix))
    const from = coreEnd > coreStart ? startOf(coreStart) : pointOf(coreStart)
    const to = coreEnd > coreStart ? endOf(coreEnd) : from
    return {finding, start: from, end: to, expected: trimmed.map(encode), crossesMarkup: false}
  }
  return {finding, start: spanStart, end: spanEnd, expected: [], crossesMarkup: true}
}

/** A pipeline over one format: the same check and fix, on the prose of structured files. */
export function formatPostedit(inner: Postedit, format: Format, decisions?: DecisionStore): Postedit {
  const check = (input: string | VFile) => {
    const file = typeof input === 'string' ? new VFile({value: input}) : input
    const source = String(file.value)
    const prose = buildProse(format.extract(source))
    const inner_ = prose.text.length > 0 ? inner.check(prose.text).findings : []
    for (const finding of inner_) {
      const mapped = mapFinding(prose, finding, format.encode)
      if (!mapped) continue
      report(file, {
        ...finding,
        start: mapped.start,
        end: mapped.end,
        expected: mapped.expected,
        apply: mapped.crossesMarkup ? 'never' : finding.apply,
        note: mapped.crossesMarkup ? [finding.note, CROSSES_MARKUP].filter(Boolean).join(' ') : finding.note,
      })
    }
    const findings = findingsOf(file)
    return {file, findings: decisions ? applyDecisions(decisions, source, findings) : findings}
  }
  return {
    processor: inner.processor,
    ruleSets: inner.ruleSets,
    check,
    // Structure (a Markdown list, an HTML element) can span any length: read whole, checked whole.
    *checkStream(read) {
      yield check([...read()].join('')).findings
    },
    fix: (input, options = {}) => fixWithDecisions(input, options, (text) => check(text).findings, decisions),
    *fixStream(read, options = {}) {
      const input = [...read()].join('')
      yield {...fixWithDecisions(input, options, (text) => check(text).findings, decisions), start: 0, input}
    },
  }
}
