/**
 * The pipeline as a unified processor: parse (retext-english, chunked) → detect (rule sets and
 * detector plugins, each reporting vfile messages) — plus check and fix built on it.
 */
import type {Root} from 'nlcst'
import {unified, type Processor} from 'unified'
import {VFile} from 'vfile'
import {documentVariantCounts} from './detectors/variant-consistency.js'
import {addNameStats, documentNameStats, type NameStats} from './detectors/name-consistency.js'
import {DETECTOR_NAMES, DETECTORS, type DetectorName} from './detectors/index.js'
import {findingsOf, pointAt, report} from './findings.js'
import {fixToFixpoint, type FixResult} from './fix/fixpoint.js'
import retextEnglishChunked, {parseSentences, splitIntoChunks, splitIntoWindows, windowsOf} from './parse/chunked-english.js'
import {firstOffsetsOf, type TokenSentence} from './parse/tokens.js'
import {firstIndex} from './fix/first-index.js'
import {spanMapper, type EditRound} from './fix/offset-map.js'
import {compileRuleSet, type CompiledRuleSet} from './rules/compile.js'
import {loadRuleFile, ruleFilesAt, shippedRuleFiles} from './rules/load.js'
import retextRuleSets, {apostropheCounts, apostropheOfCounts, apostropheOfQuotes, documentApostrophe, hasCurlyQuotes, insertedApostrophe} from './rules/plugin.js'
import {DecisionStore} from './review/decisions.js'
import type {ApplyPolicy, ApplyThreshold, Finding, Level, Point} from './types.js'

export interface PosteditOptions {
  /** Extra rule files or folders of rule files. */
  rules?: string[]
  /** Use the rule sets shipped in rules/ (default true). */
  shippedRules?: boolean
  /** Detectors to run: all (default), none (false), or a list of names. */
  detectors?: boolean | DetectorName[]
  /** Switch off rule sets or detectors by name, or single rules as "set/rule-id". */
  disable?: string[]
  /** Source language of the translation (ISO 639-1; default "ru"). */
  from?: string
  /** Texts longer than this (characters) are checked in windows cut at paragraph breaks. */
  windowSize?: number
  /** Remembered review decisions: rejected suggestions are not reported, accepted ones are applied as decided. */
  decisions?: DecisionStore
  /** Level or apply policy for single rules or detectors, keyed "source/ruleId" or "source". */
  override?: Record<string, {level?: Level; apply?: ApplyPolicy}>
}

export const WINDOW_SIZE = 128 * 1024

interface TextWindow {
  text: string
  /** Offset of the window's first character in the document. */
  start: number
}

interface DocumentContext {
  apostrophe: '’' | "'" | null
  variantCounts?: ReadonlyMap<string, number>
  nameStats?: NameStats
}

/**
 * Window points to document points, window after window: line breaks counted as vfile-location
 * counts them (\r\n, \r and \n each end a line).
 */
class LineCounter {
  private linesBefore = 0
  private lineStart = 0

  place(window: TextWindow, point: Point): Point {
    return {
      line: point.line + this.linesBefore,
      column: point.line === 1 ? point.column + window.start - this.lineStart : point.column,
      offset: point.offset + window.start,
    }
  }

  pass(window: TextWindow): void {
    const {text} = window
    for (let at = 0; at < text.length; at++) {
      const code = text.charCodeAt(at)
      if (code !== 10 && code !== 13) continue
      if (code === 13 && text.charCodeAt(at + 1) === 10) at++
      this.linesBefore++
      this.lineStart = window.start + at + 1
    }
  }
}

export interface CheckResult {
  file: VFile
  findings: Finding[]
}

export interface FixOptions {
  /** Which fixes to apply: only those marked safe (`auto`, default) or also those for review. */
  apply?: ApplyThreshold
  /** Pick the replacement for a finding (default: its first suggestion); undefined skips it. */
  choose?: (finding: Finding) => string | undefined
}

export interface Postedit {
  processor: Processor<Root, Root, Root, undefined, undefined>
  ruleSets: CompiledRuleSet[]
  check(input: string | VFile): CheckResult
  /**
   * Check a text read piece by piece (`read` is called twice: once to learn what the whole
   * document decides, once to check it), yielding each window's findings in document order and
   * coordinates: memory stays bounded whatever the text's length. The findings are `check`'s.
   */
  checkStream(read: () => Iterable<string>): Generator<Finding[]>
  fix(input: string, options?: FixOptions): FixResult
  /**
   * Fix a text read piece by piece (`read` is called twice), window by window, each window to its
   * own fixpoint as part of the document: yields each window's result, in that window's
   * coordinates (`start`: where the window begins in the input). The outputs, joined, are the
   * fixed text; memory stays bounded whatever the text's length.
   */
  fixStream(read: () => Iterable<string>, options?: FixOptions): Generator<FixResult & {start: number; input: string}>
}

/** Load, validate and compile rule sets (shipped and extra), honouring `disable`. */
export function loadRuleSets(options: PosteditOptions = {}): CompiledRuleSet[] {
  const files = [
    ...(options.shippedRules === false ? [] : shippedRuleFiles()),
    ...(options.rules ?? []).flatMap((path) => ruleFilesAt(path)),
  ]
  const disabled = new Set(options.disable ?? [])
  const sets: CompiledRuleSet[] = []
  for (const file of files) {
    const source = loadRuleFile(file)
    if (disabled.has(source.name)) continue
    source.rules = source.rules.filter((rule) => !disabled.has(`${source.name}/${rule.id}`))
    sets.push(compileRuleSet(source))
  }
  return sets
}

/** The detectors a run uses: all by default, none, or the ones named, less those disabled. */
function activeDetectors(options: PosteditOptions): DetectorName[] {
  const disabled = new Set(options.disable ?? [])
  const names = options.detectors === false ? [] : options.detectors === true || options.detectors === undefined ? DETECTOR_NAMES : options.detectors
  return names.filter((name) => !disabled.has(name))
}

export function createProcessor(options: PosteditOptions = {}, ruleSets = loadRuleSets(options)) {
  let processor = unified().use(retextEnglishChunked).use(retextRuleSets, {ruleSets})
  for (const name of activeDetectors(options)) {
    processor = name === 'entity-names' || name === 'variant-consistency' ? processor.use(DETECTORS[name], {from: options.from}) : processor.use(DETECTORS[name])
  }
  return processor as unknown as Processor<Root, Root, Root, undefined, undefined>
}

/** A ready pipeline: rule sets compiled once (or given compiled), reused for every text. */
export function createPostedit(options: PosteditOptions = {}, ruleSets = loadRuleSets(options)): Postedit {
  const processor = createProcessor(options, ruleSets)
  const countsVariants = activeDetectors(options).includes('variant-consistency')
  const countsNames = activeDetectors(options).includes('name-consistency')
  const decisions = options.decisions
  const overrides = Object.entries(options.override ?? {})
  const overridden = (findings: Finding[]): Finding[] =>
    overrides.length === 0
      ? findings
      : findings.map((finding) => {
          const change = options.override?.[`${finding.source}/${finding.ruleId}`] ?? options.override?.[finding.source]
          return change ? {...finding, ...change} : finding
        })
  const checkWhole = (file: VFile): CheckResult => {
    const tree = processor.parse(file)
    processor.runSync(tree, file)
    const text = String(file.value)
    const findings = overridden(findingsOf(file))
    return {file, findings: decisions ? applyDecisions(decisions, text, findings) : findings}
  }
  // Long texts are checked window by window: the parsed tree costs ~100× the text in memory.
  // Each window carries what the windows before it said: detectors that judge a first mention
  // judge it in the document, and every window follows the document's apostrophe and spellings.
  function* checkWindows(windows: Iterable<TextWindow>, document: DocumentContext): Generator<TextWindow & {findings: Finding[]}> {
    const wordsBefore = new Set<string>()
    let pending: TextWindow | undefined
    const checkPending = (isLast: boolean): TextWindow & {findings: Finding[]} => {
      const window = pending!
      // Each window's own data: the parse keeps its sentences there.
      const data = {postedit: {wordsBefore, apostrophe: document.apostrophe, variantCounts: document.variantCounts, nameStats: document.nameStats}}
      const part = checkWhole(new VFile({value: window.text, data}))
      if (!isLast)
        for (const word of firstOffsetsOf((part.file.data as {postedit?: {sentences?: TokenSentence[]}}).postedit?.sentences ?? []).keys()) wordsBefore.add(word)
      return {...window, findings: part.findings}
    }
    for (const window of windows) {
      if (pending) yield checkPending(false)
      pending = window
    }
    if (pending) yield checkPending(true)
  }
  const windowSize = options.windowSize ?? WINDOW_SIZE
  const check = (input: string | VFile): CheckResult => {
    const file = typeof input === 'string' ? new VFile({value: input}) : input
    const text = String(file.value)
    const windows = splitIntoWindows(text, windowSize)
    if (windows.length === 1) return checkWhole(file)
    // The document's spellings as a text read in pieces counts them; its apostrophe may be pinned
    // (a fix run follows its input's).
    const document = {...documentOf(() => [text]), apostrophe: documentApostrophe(file) ?? null}
    const parts = windows.map((window) => ({start: window.start, text: text.slice(window.start, window.end)}))
    for (const part of checkWindows(parts, document))
      for (const finding of part.findings) report(file, {...finding, start: finding.start.offset + part.start, end: finding.end.offset + part.start})
    return {file, findings: findingsOf(file)}
  }
  /** First pass over a text read in pieces: what the whole document decides, and how many windows it has. */
  const documentOf = (read: () => Iterable<string>): DocumentContext & {windowCount: number} => {
    const apostrophes = {curly: 0, straight: 0}
    const variantCounts = countsVariants ? new Map<string, number>() : undefined
    const nameStats: NameStats | undefined = countsNames ? new Map() : undefined
    let windowCount = 0
    let curlyQuotes = false
    for (const window of windowsOf(read(), windowSize)) {
      windowCount++
      curlyQuotes ||= hasCurlyQuotes(window.text)
      if (nameStats) addNameStats(nameStats, documentNameStats(window.text))
      const counts = apostropheCounts(window.text)
      apostrophes.curly += counts.curly
      apostrophes.straight += counts.straight
      if (variantCounts) for (const [spelling, count] of documentVariantCounts(window.text)) variantCounts.set(spelling, (variantCounts.get(spelling) ?? 0) + count)
    }
    return {apostrophe: apostropheOfCounts(apostrophes) ?? apostropheOfQuotes(curlyQuotes), variantCounts, nameStats, windowCount}
  }
  function* checkStream(read: () => Iterable<string>): Generator<Finding[]> {
    const document = documentOf(read)
    if (document.windowCount <= 1) {
      for (const window of windowsOf(read(), windowSize)) yield checkWhole(new VFile({value: window.text})).findings
      return
    }
    const lines = new LineCounter()
    for (const part of checkWindows(windowsOf(read(), windowSize), document)) {
      yield part.findings.map((finding) => ({...finding, start: lines.place(part, finding.start), end: lines.place(part, finding.end)}))
      lines.pass(part)
    }
  }
  /** `windowed`: the text is one window of a document, checked as such in every round however it grows. */
  const fixText = (input: string, fixOptions: FixOptions, data: {apostrophe: '’' | "'" | null; [key: string]: unknown}, windowed = false): FixResult & {last?: VFile} => {
    let last: VFile | undefined
    const checkText = (text: string): Finding[] => {
      last = new VFile({value: text, data: {postedit: {...data}}})
      return (windowed ? checkWhole(last) : check(last)).findings
    }
    const checkParagraph = (paragraph: string): Finding[] => {
      const file = new VFile({value: paragraph, data: {postedit: {apostrophe: data.apostrophe, partOfDocument: true}}})
      return (windowed ? checkWhole(file) : check(file)).findings
    }
    const result = fixWithDecisions(input, fixOptions, checkText, decisions, (after, round, previous) =>
      // The paragraph is checked without its document: it carries the document's apostrophe, and
      // detectors that judge by the whole document wait for the fixpoint's final full check.
      recheckChanged(after, round, previous, checkParagraph),
    )
    return {...result, last}
  }
  function* fixStream(read: () => Iterable<string>, fixOptions: FixOptions = {}): Generator<FixResult & {start: number; input: string}> {
    const document = documentOf(read)
    if (document.windowCount <= 1) {
      for (const window of windowsOf(read(), windowSize)) {
        const {last: _, ...result} = fixText(window.text, fixOptions, {apostrophe: insertedApostrophe(window.text)})
        yield {...result, start: window.start, input: window.text}
      }
      return
    }
    // Each window is fixed to its own fixpoint as a window of the document: the document's
    // apostrophe and spellings, and the words of the windows before it, as fixed.
    const wordsBefore = new Set<string>()
    for (const window of windowsOf(read(), windowSize)) {
      const {last, ...result} = fixText(window.text, fixOptions, {wordsBefore, apostrophe: document.apostrophe, variantCounts: document.variantCounts, nameStats: document.nameStats}, true)
      yield {...result, start: window.start, input: window.text}
      // The fixpoint ends with a full check of its output: its sentences hold the window's words.
      const sentences = last && String(last.value) === result.output ? (last.data as {postedit?: {sentences?: TokenSentence[]}}).postedit?.sentences : undefined
      for (const word of firstOffsetsOf(sentences ?? parseSentences(result.output)).keys()) wordsBefore.add(word)
    }
  }
  return {
    processor,
    ruleSets,
    check,
    checkStream,
    fix: (input, fixOptions = {}) => {
      // A fix run follows the input's apostrophe in every round, so its own insertions cannot
      // shift a document with nearly as many straight as curly apostrophes from one to the other.
      const {last: _, ...result} = fixText(input, fixOptions, {apostrophe: insertedApostrophe(input)})
      return result
    },
    fixStream,
  }
}

/**
 * Fix a text to its fixpoint with `checkText`; a reviewer's accepted or edited replacement wins
 * over a rule's first suggestion. `recheck` (optional) re-checks only what a round changed.
 */
export function fixWithDecisions(
  input: string,
  options: FixOptions,
  checkText: (text: string) => Finding[],
  decisions?: DecisionStore,
  recheck?: (after: string, round: EditRound, previous: Finding[]) => Finding[],
): FixResult {
  let current = input
  const choose = options.choose ?? (decisions ? (finding: Finding) => decidedReplacement(decisions, current, finding) : undefined)
  return fixToFixpoint(
    input,
    (text) => {
      current = text
      return checkText(text)
    },
    {
      threshold: options.apply ?? 'auto',
      choose,
      recheck:
        recheck &&
        ((_before, after, round, previous) => {
          current = after
          return recheck(after, round, previous)
        }),
    },
  )
}

/** Rejected suggestions are not proposed again; accepted ones are safe to apply from now on. */
export function applyDecisions(decisions: DecisionStore, text: string, findings: Finding[]): Finding[] {
  const kept: Finding[] = []
  for (const finding of findings) {
    const verdict = decisions.get(text, finding)?.verdict
    if (verdict === 'reject') continue
    kept.push(verdict === 'accept' || verdict === 'edit' ? {...finding, apply: 'auto'} : finding)
  }
  return kept
}

/** A reviewer's accepted or edited replacement wins over the rule's first suggestion. */
export function decidedReplacement(decisions: DecisionStore, text: string, finding: Finding): string | undefined {
  const decision = decisions.get(text, finding)
  return decision?.verdict === 'accept' || decision?.verdict === 'edit' ? (decision.replacement ?? finding.expected[0]) : finding.expected[0]
}

/**
 * Findings on `after` from those on the text before one round of edits: paragraphs the round
 * touched are checked again, the others keep their findings, moved to their new offsets.
 * Document-wide detectors see only the re-checked paragraphs here; the fixpoint's final full
 * check makes up for that.
 */
export function recheckChanged(after: string, round: EditRound, previous: Finding[], checkText: (text: string) => Finding[]): Finding[] {
  const file = new VFile({value: after})
  const mapped = spanMapper([round])
  // Edits never overlap, so sorted by start their ends rise too: binary searches, not scans.
  const edited = round.map((edit) => mapped(edit.start, edit.end)).sort((a, b) => a.start - b.start)
  /** Whether [start, end] meets an edited span (ends included: an insertion touches its neighbours). */
  const isDirty = (start: number, end: number): boolean => {
    const index = firstIndex(edited, (edit) => edit.end >= start)
    return index < edited.length && edited[index].start <= end
  }
  const paragraphs = splitIntoChunks(after).filter((chunk) => !chunk.isGap)
  const dirty = paragraphs.filter((chunk) => isDirty(chunk.offset, chunk.offset + chunk.text.length))
  const inDirty = (offset: number): boolean => {
    const index = firstIndex(dirty, (chunk) => chunk.offset + chunk.text.length > offset)
    return index < dirty.length && dirty[index].offset <= offset
  }
  const findings: Finding[] = []
  const place = (finding: Finding, start: number, end: number): Finding => ({
    ...finding,
    start: pointAt(file, start),
    end: pointAt(file, end),
  })
  for (const finding of previous) {
    const moved = mapped(finding.start.offset, finding.end.offset)
    if (inDirty(moved.start) || isDirty(moved.start, moved.end)) continue
    findings.push(place(finding, moved.start, moved.end))
  }
  for (const chunk of dirty)
    for (const finding of checkText(chunk.text)) findings.push(place(finding, finding.start.offset + chunk.offset, finding.end.offset + chunk.offset))
  return findings.sort((a, b) => a.start.offset - b.start.offset || a.end.offset - b.end.offset)
}

const cache = new Map<string, Postedit>()
function cachedPostedit(options: PosteditOptions): Postedit {
  if (options.decisions) return createPostedit(options)
  const key = JSON.stringify(options)
  let postedit = cache.get(key)
  if (!postedit) cache.set(key, (postedit = createPostedit(options)))
  return postedit
}

/** Findings in a text. */
export function check(text: string, options: PosteditOptions = {}): Finding[] {
  return cachedPostedit(options).check(text).findings
}

/** The text with fixes applied (by default only those marked safe to apply automatically). */
export function fix(text: string, options: PosteditOptions & FixOptions = {}): FixResult {
  const {apply, choose, ...rest} = options
  return cachedPostedit(rest).fix(text, {apply, choose})
}
