/**
 * retext plugin: report every match of the given rule sets.
 * The rules are indexed once when the plugin is attached; each file is matched sentence by sentence.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report} from '../findings.js'
import {FUNCTION_WORDS} from '../detectors/lexicon.js'
import {sentencesOf, startsUpper, type Token, type TokenSentence} from '../parse/tokens.js'
import {cannotCrossLines, execAll, requiredLiteral, requiredWordChoices, searchNeedle} from '../regex.js'
import type {CompiledRule, CompiledRuleSet, Context, RuleVariant} from './compile.js'
import {preserveCase, renderTemplate, replacementAlreadyThere, type MatchCaptures, type TemplatePart} from './replace.js'
import {atSentenceStart, matchesCase, TokenIndex} from './token-index.js'
import type {Sequence} from './pattern.js'

export interface RuleSetsOptions {
  ruleSets: CompiledRuleSet[]
}

interface Candidate {
  rule: CompiledRule
  /** Which of the rule's variants (swap pairs) matched: on one span the first listed wins. */
  variant: number
  replacements: TemplatePart[][]
  sentence: TokenSentence
  /** Token range [first, last) of the match within the sentence. */
  first: number
  last: number
  start: number
  end: number
  captures: MatchCaptures
}

function contextHolds(context: Context, where: 'before' | 'after', candidate: Candidate, text: string): boolean {
  const {tokens} = candidate.sentence
  if (context.kind === 'regex') {
    const slice =
      where === 'before'
        ? text.slice(candidate.sentence.start, candidate.start)
        : text.slice(candidate.end, candidate.sentence.end)
    return context.regex.test(slice)
  }
  if (where === 'after') return context.index.matchAt(tokens, candidate.last).length > 0
  for (let k = Math.max(0, candidate.first - context.maxLength); k <= candidate.first; k++)
    if (context.index.matchAt(tokens, k).some((match) => match.end === candidate.first)) return true
  return false
}

function antipatternHolds(rule: CompiledRule, candidate: Candidate): boolean {
  const anti = rule.unlessMatch
  if (!anti) return false
  const {tokens} = candidate.sentence
  for (let k = Math.max(0, candidate.first - anti.maxLength); k < candidate.last; k++)
    for (const match of anti.index.matchAt(tokens, k))
      if (match.start < candidate.last && match.end > candidate.first) return true
  return false
}

function passesContext(candidate: Candidate, text: string): boolean {
  const {rule} = candidate
  if (rule.before.length > 0 && !rule.before.some((context) => contextHolds(context, 'before', candidate, text))) return false
  if (rule.after.length > 0 && !rule.after.some((context) => contextHolds(context, 'after', candidate, text))) return false
  if (rule.unlessBefore.some((context) => contextHolds(context, 'before', candidate, text))) return false
  if (rule.unlessAfter.some((context) => contextHolds(context, 'after', candidate, text))) return false
  return !antipatternHolds(rule, candidate)
}

const AUXILIARIES = new Set(['has', 'have', 'had', 'having', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'get', 'got', 'gets'])

function tokenCaptures(
  text: string,
  tokens: Token[],
  sequence: Sequence,
  start: number,
): MatchCaptures & {first: number; last: number} {
  const spans = new Map<number, {first: number; last: number}>()
  let first = -1
  let last = -1
  let index = start
  for (const atom of sequence.atoms) {
    // An anchor takes no token.
    if (atom.kind === 'anchor') continue
    if (first < 0) first = index
    last = index + 1
    const span = spans.get(atom.element)
    if (span) span.last = index + 1
    else spans.set(atom.element, {first: index, last: index + 1})
    index++
  }
  const slice = (span: {first: number; last: number}): string => text.slice(tokens[span.first].start, tokens[span.last - 1].end)
  // Most matches have no word-form element: no slots to sort out.
  const lemmaSlots =
    sequence.lemmaElements.size === 0
      ? []
      : [...sequence.lemmaElements.entries()]
          .sort((a, b) => a[0] - b[0])
          .flatMap(([element, lemma]) => {
            const span = spans.get(element)
            if (!span) return []
            const before = tokens[span.first - 1]?.norm ?? ''
            return [{lemma, word: slice(span), afterAuxiliary: AUXILIARIES.has(before)}]
          })
  return {
    first,
    last,
    capture: (index) => (index === 0 ? slice({first, last}) : spans.has(index) ? slice(spans.get(index)!) : undefined),
    lemmaOfCapture: (index) => sequence.lemmaElements.get(index),
    lemmaSlots,
  }
}

/**
 * A word form of a lemma (<state>, <fine>) capitalized inside a sentence is a name, not the word:
 * "the United States about" is no "stated about", "Fine Gael" no fine.
 */
function wordFormsInLowerCase(sequence: Sequence, tokens: Token[], start: number): boolean {
  if (sequence.lemmaElements.size === 0) return true
  let position = start
  for (const atom of sequence.atoms) {
    if (atom.kind === 'anchor') continue
    const index = position++
    if (!sequence.lemmaElements.has(atom.element)) continue
    const token = tokens[index]
    if (startsUpper(token.text) && !atSentenceStart(tokens, index)) return false
  }
  return true
}

/**
 * Keep, per rule, the longest of overlapping matches (then the earliest, then the variant listed
 * first: the trie reports a stored sequence and a graph pattern's match in no fixed order).
 */
function dropOverlapsPerRule(candidates: Candidate[]): Candidate[] {
  const byRule = new Map<CompiledRule, Candidate[]>()
  for (const candidate of candidates) {
    const list = byRule.get(candidate.rule) ?? []
    list.push(candidate)
    byRule.set(candidate.rule, list)
  }
  const kept: Candidate[] = []
  for (const list of byRule.values()) {
    list.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.variant - b.variant)
    const chosen: Candidate[] = []
    for (const candidate of list)
      if (!chosen.some((other) => other.start < candidate.end && candidate.start < other.end)) chosen.push(candidate)
    kept.push(...chosen)
  }
  return kept
}

interface Paragraph {
  start: number
  end: number
  sentences: TokenSentence[]
}

function paragraphsOf(sentences: TokenSentence[]): Paragraph[] {
  const paragraphs: Paragraph[] = []
  for (const sentence of sentences) {
    const current = paragraphs[paragraphs.length - 1]
    if (!current || sentence.paragraphStart) paragraphs.push({start: sentence.start, end: sentence.end, sentences: [sentence]})
    else {
      current.end = sentence.end
      current.sentences.push(sentence)
    }
  }
  return paragraphs
}

/** The apostrophe the document uses most: replacements follow it ("Mr. Trump’s" in a curly text). */
export function apostropheOf(text: string): '’' | "'" | undefined {
  return apostropheOfCounts(apostropheCounts(text))
}

/**
 * The apostrophe a replacement takes in `text`: the one its words use, or with none, the one that
 * matches its double quotes. Replacements write "'s" and "’s" alike; a text with no apostrophe of
 * its own must still get one kind, or one round's insertions decide the next round's.
 */
export function insertedApostrophe(text: string): '’' | "'" {
  return apostropheOf(text) ?? apostropheOfQuotes(hasCurlyQuotes(text))
}

export function hasCurlyQuotes(text: string): boolean {
  return text.includes('“') || text.includes('”')
}

/** The apostrophe that goes with a text's double quotes: curly with curly, straight otherwise. */
export function apostropheOfQuotes(curlyQuotes: boolean): '’' | "'" {
  return curlyQuotes ? '’' : "'"
}

/** How often each apostrophe stands between letters: counts of a text's parts add up to the text's. */
export function apostropheCounts(text: string): {curly: number; straight: number} {
  return {curly: apostrophesBetweenLetters(text, '’'), straight: apostrophesBetweenLetters(text, "'")}
}

export function apostropheOfCounts({curly, straight}: {curly: number; straight: number}): '’' | "'" | undefined {
  return curly === 0 && straight === 0 ? undefined : curly >= straight ? '’' : "'"
}

const LETTER = /^\p{L}/u

function isLetterCode(code: number): boolean {
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
  return LETTER.test(String.fromCodePoint(code))
}

/** How often `apostrophe` stands between two letters; found with indexOf, as a regex over \p{L} read every character of every file. */
function apostrophesBetweenLetters(text: string, apostrophe: string): number {
  let count = 0
  for (let at = text.indexOf(apostrophe); at >= 0; at = text.indexOf(apostrophe, at + 1)) {
    if (at === 0 || at + 1 >= text.length) continue
    let before = text.charCodeAt(at - 1)
    if (before >= 0xdc00 && before <= 0xdfff && at >= 2) before = text.codePointAt(at - 2) ?? before
    const after = text.codePointAt(at + 1) ?? 0
    if (isLetterCode(before) && isLetterCode(after)) count++
  }
  return count
}

/** Whether every paragraph begins and ends at a line break (or the text's edge), with no spaces between. */
function paragraphsBetweenLines(text: string, paragraphs: Paragraph[]): boolean {
  const isBreak = (code: number): boolean => code === 10 || code === 13
  for (const {start, end} of paragraphs) {
    if (start > 0 && !isBreak(text.charCodeAt(start - 1))) return false
    if (end < text.length && !isBreak(text.charCodeAt(end))) return false
  }
  return true
}

/**
 * A regex's matches, each inside one paragraph. Run once per paragraph, a regex costs a call per
 * paragraph (some 3,000 per megabyte, for each of the regex rules); one that cannot cross a line
 * break runs once over the whole text when paragraphs sit between line breaks, and finds the same
 * matches — unless one falls outside every paragraph, when it runs paragraph by paragraph after all.
 */
function regexMatches(
  regex: RegExp,
  text: string,
  paragraphs: Paragraph[],
  paragraphText: (index: number) => string,
  wholeText: boolean,
  literal: string | undefined,
  wordChoices: ReadonlyArray<ReadonlySet<string>>,
  paragraphsWithWord: () => ReadonlyMap<string, readonly number[]>,
): Array<{paragraph: Paragraph; start: number; match: RegExpExecArray}> {
  const found: Array<{paragraph: Paragraph; start: number; match: RegExpExecArray}> = []
  // Only paragraphs that hold the text every match holds, or a word of each set every match holds
  // one of, can match: where they are few, they alone are searched (what running paragraph by
  // paragraph finds, for a fraction of the cost).
  const limit = Math.max(8, paragraphs.length >> 3)
  let holding: number[] | undefined
  for (const words of wordChoices) holding = paragraphsHoldingWord(paragraphsWithWord(), words, paragraphs.length, holding?.length ?? limit) ?? holding
  // Searching the text for the literal reads the whole text: only when no word narrowed the search.
  if (!holding && literal !== undefined) holding = paragraphsHolding(text, paragraphs, literal, limit)
  if (holding) {
    for (const index of holding)
      for (const match of execAll(regex, paragraphText(index))) found.push({paragraph: paragraphs[index], start: paragraphs[index].start + match.index, match})
    return found
  }
  if (wholeText) {
    let k = 0
    let outside = false
    for (const match of execAll(regex, text)) {
      const end = match.index + match[0].length
      while (k < paragraphs.length && paragraphs[k].end < end) k++
      const paragraph = paragraphs[k]
      if (!paragraph || paragraph.start > match.index) {
        outside = true
        break
      }
      found.push({paragraph, start: match.index, match})
    }
    if (!outside) return found
    found.length = 0
  }
  paragraphs.forEach((paragraph, index) => {
    for (const match of execAll(regex, paragraphText(index))) found.push({paragraph, start: paragraph.start + match.index, match})
  })
  return found
}

/**
 * Indexes of the paragraphs that contain `literal` inside them, found with indexOf; undefined once
 * more than `limit` do (a common literal: searching the whole text is then as cheap).
 */
function paragraphsHolding(text: string, paragraphs: Paragraph[], literal: string, limit: number): number[] | undefined {
  const holding: number[] = []
  let k = 0
  for (let at = text.indexOf(literal); at >= 0; ) {
    const end = at + literal.length
    while (k < paragraphs.length && paragraphs[k].end < end) k++
    if (k === paragraphs.length) break
    const paragraph = paragraphs[k]
    if (paragraph.start <= at) {
      if (holding.push(k) > limit) return undefined
      k++
      at = k < paragraphs.length ? text.indexOf(literal, paragraphs[k].start) : -1
    } else at = text.indexOf(literal, paragraph.start)
  }
  return holding
}

/**
 * Indexes, in order, of the paragraphs holding one of `words` as a whole word; undefined once more
 * than `limit` do.
 */
function paragraphsHoldingWord(
  paragraphsWithWord: ReadonlyMap<string, readonly number[]>,
  words: ReadonlySet<string>,
  paragraphCount: number,
  limit: number,
): number[] | undefined {
  const lists: Array<readonly number[]> = []
  for (const word of words) {
    const list = paragraphsWithWord.get(word)
    if (!list) continue
    if (list.length > limit) return undefined
    lists.push(list)
  }
  if (lists.length === 1) return [...lists[0]]
  const holds = new Uint8Array(paragraphCount)
  for (const list of lists) for (const index of list) holds[index] = 1
  const holding: number[] = []
  for (let index = 0; index < paragraphCount; index++) if (holds[index] === 1 && holding.push(index) > limit) return undefined
  return holding
}

/**
 * For each word `wordPattern` finds (a regex of whole words), the indexes of the
 * paragraphs holding it, each once and in order.
 */
function paragraphsByWord(paragraphCount: number, paragraphText: (index: number) => string, wordPattern: RegExp): Map<string, number[]> {
  const found = new Map<string, number[]>()
  for (let index = 0; index < paragraphCount; index++)
    for (const match of execAll(wordPattern, paragraphText(index))) {
      const word = match[0]
      const list = found.get(word)
      if (!list) found.set(word, [index])
      else if (list[list.length - 1] !== index) list.push(index)
    }
  return found
}

/** The apostrophe of the file's document: the hint a re-checked paragraph carries, or counted once per file. */
export function documentApostrophe(file: VFile): '’' | "'" | undefined {
  const data = file.data as {postedit?: {apostrophe?: '’' | "'" | null}}
  data.postedit ??= {}
  if (data.postedit.apostrophe === undefined) data.postedit.apostrophe = insertedApostrophe(String(file.value))
  return data.postedit.apostrophe ?? undefined
}

export function withApostrophe(value: string, apostrophe: '’' | "'" | undefined): string {
  if (!apostrophe || (!value.includes("'") && !value.includes('’'))) return value
  return value.replace(/(?<=\p{L})['’](?=\p{L}|\s|$)/gu, apostrophe)
}

/** A mention of a gated rule's topic: counted in the same walk that finds the rules' matches. */
interface TopicMention {
  topicOf: CompiledRule
}

export default function retextRuleSets(options: RuleSetsOptions) {
  const index = new TokenIndex<RuleVariant | TopicMention>()
  const regexRules: CompiledRule[] = []
  const lineBoundRegexes = new Set<RegExp>()
  const literals = new Map<RegExp, string>()
  const wordChoices = new Map<RegExp, Array<ReadonlySet<string>>>()
  const choiceWords = new Set<string>()
  for (const set of options.ruleSets)
    for (const rule of set.rules) {
      for (const variant of rule.variants) for (const parts of variant.patterns) index.addPattern(parts, variant)
      if (rule.regexes.length > 0) regexRules.push(rule)
      for (const regex of rule.regexes) {
        if (cannotCrossLines(regex)) lineBoundRegexes.add(regex)
        const literal = requiredLiteral(regex)
        if (literal) literals.set(regex, searchNeedle(literal))
        // A choice holding a function word is in most paragraphs: looking it up would not pay.
        const choices = requiredWordChoices(regex).filter((words) => ![...words].some((word) => FUNCTION_WORDS.has(word.toLowerCase())))
        wordChoices.set(regex, choices)
        for (const words of choices) for (const word of words) choiceWords.add(word)
      }
      if (rule.documentTopic) for (const parts of rule.documentTopic.patterns) index.addPattern(parts, {topicOf: rule})
    }
  // Words are plain letters (requiredWordChoices): they need no escaping. Spelled as the rules
  // spell them, they are found case-sensitively, which the regex engine does faster.
  const choiceWordPattern = new RegExp(`\\b(?:${[...choiceWords].sort((a, b) => b.length - a.length).join('|')})\\b`, 'g')

  return function transformer(tree: Root, file: VFile): undefined {
    const text = String(file.value)
    const sentences = sentencesOf(tree, file)
    // A paragraph re-checked alone during fixing follows its whole document's apostrophe.
    const apostrophe = documentApostrophe(file)
    const candidates: Candidate[] = []
    const topicCounts = new Map<CompiledRule, number>()

    for (const sentence of sentences) {
      const {tokens} = sentence
      for (const match of index.matchAll(tokens)) {
        const {payload} = match
        if ('topicOf' in payload) {
          topicCounts.set(payload.topicOf, (topicCounts.get(payload.topicOf) ?? 0) + 1)
          continue
        }
        const {rule, replacements} = payload
        if (rule.caseSensitive && !matchesCase(match.sequence, tokens, match.start)) continue
        if (!wordFormsInLowerCase(match.sequence, tokens, match.start)) continue
        const captures = tokenCaptures(text, tokens, match.sequence, match.start)
        if (captures.first < 0) continue
        candidates.push({
          rule,
          variant: rule.variants.indexOf(payload),
          replacements,
          sentence,
          first: captures.first,
          last: captures.last,
          start: tokens[captures.first].start,
          end: tokens[captures.last - 1].end,
          captures,
        })
      }
    }

    const topicHolds = (rule: CompiledRule): boolean => {
      const topic = rule.documentTopic
      return !topic || (topicCounts.get(rule) ?? 0) >= topic.min
    }

    // Regex rules see whole paragraphs, so a pattern can span a sentence break ("ended.. Officials").
    if (regexRules.length > 0) {
      const paragraphs = paragraphsOf(sentences)
      const atLineBreaks = paragraphsBetweenLines(text, paragraphs)
      // Each paragraph's text is cut once, for all the regexes that run paragraph by paragraph.
      const paragraphTexts: string[] = []
      const paragraphText = (index: number): string => (paragraphTexts[index] ??= text.slice(paragraphs[index].start, paragraphs[index].end))
      let wordIndex: Map<string, number[]> | undefined
      const paragraphsWithWord = (): Map<string, number[]> => (wordIndex ??= paragraphsByWord(paragraphs.length, paragraphText, choiceWordPattern))
      for (const rule of regexRules) {
        // A gated rule off topic would be dropped below: its regexes need not run at all.
        if (!topicHolds(rule)) continue
        for (const regex of rule.regexes)
          for (const {paragraph, start, match} of regexMatches(regex, text, paragraphs, paragraphText, atLineBreaks && lineBoundRegexes.has(regex), literals.get(regex), wordChoices.get(regex)!, paragraphsWithWord)) {
            const end = start + match[0].length
            const sentence = paragraph.sentences.find((candidate) => candidate.end > start) ?? paragraph.sentences[paragraph.sentences.length - 1]
            const first = sentence.tokens.findIndex((token) => token.end > start)
            let last = sentence.tokens.findIndex((token) => token.start >= end)
            if (last < 0) last = sentence.tokens.length
            candidates.push({
              rule,
              variant: 0,
              replacements: rule.replacements,
              sentence,
              first: Math.max(first, 0),
              last: Math.max(last, Math.max(first, 0)),
              start,
              end,
              captures: {capture: (i) => match[i], lemmaOfCapture: () => undefined, lemmaSlots: []},
            })
          }
      }
    }

    for (const candidate of dropOverlapsPerRule(candidates)) {
      if (!topicHolds(candidate.rule) || !passesContext(candidate, text)) continue
      const {rule} = candidate
      const actual = text.slice(candidate.start, candidate.end)
      const sentenceInitial = atSentenceStart(candidate.sentence.tokens, candidate.first)
      const expected: string[] = []
      for (const template of candidate.replacements) {
        let replacement = withApostrophe(renderTemplate(template, candidate.captures), apostrophe)
        if (rule.preserveCase) replacement = preserveCase(replacement, actual, sentenceInitial)
        if (expected.includes(replacement)) continue
        if (replacementAlreadyThere(text, candidate.start, candidate.end, replacement)) continue
        expected.push(replacement)
      }
      // Every suggestion restates what is already there: nothing to report.
      if (candidate.replacements.length > 0 && expected.length === 0) continue
      report(file, {
        source: rule.source,
        ruleId: rule.id,
        reason: rule.spec.message,
        start: candidate.start,
        end: candidate.end,
        expected,
        category: rule.category,
        level: rule.level,
        apply: rule.apply,
        priority: rule.priority,
        note: rule.spec.note,
        url: rule.spec.url,
      })
    }
    return undefined
  }
}
