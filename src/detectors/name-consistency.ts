/**
 * One entity, one spelling: when a document writes a name two ways ("Boehler" five times,
 * "Boeler" once; "Doha" and "Dohi"), the odd spelling is flagged with the document's own.
 * Spellings are grouped by their consonant skeleton and must be close in spelling; a spelling that
 * is itself a known name, word or given name is never the odd one ("Alexander" and "Alexandra",
 * "Melania" and "Meloni" are two people).
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {loadGazetteer} from '../entities/gazetteer.js'
import {editDistance} from '../entities/romanize.js'
import {report} from '../findings.js'
import {isFirstName} from './lexicon.js'
import {sentencesOf, startsUpper, type Token} from '../parse/tokens.js'

/** How a spelling is used: counted from a text's tokens, or from a whole document's text (documentNameStats). */
export interface NameStat {
  /** How often: the tokens, or in a long document its whole count. */
  uses: number
  /** Uses directly followed by another capitalized word: a given name ("Sanae Takaichi"). */
  beforeName: number
  /** Those capitalized words, lower-cased: the surnames (or regnal numbers) the given name goes with. */
  namesAfter: Set<string>
  /** Uses directly after a common given name: a surname ("Beth Galetti"). */
  afterGivenName: number
}

interface Spelling extends NameStat {
  text: string
  /** The uses in this text (a window's, in a long document). */
  tokens: Token[]
  known: boolean
  /** For each use, the capitalized word right after it, lower-cased (or undefined). */
  nameAfterUse: Array<string | undefined>
}

/** Spellings by skeleton, then by spelling: what a long document's windows judge a name by. */
export type NameStats = Map<string, Map<string, NameStat>>

// Candidates for a capitalized word of four letters or more, in Latin script: an explicit range is
// ten times faster to scan for than \p{Lu}; each candidate is then tested as the detector tests a token.
const CANDIDATE = /[A-Z\u00C0-\u024F][a-z\u00DF-\u024F]{3,}/g
const NAME_WORD = /^\p{Lu}\p{Ll}{3,}$/u
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
const UPPER = /\p{Lu}/u
// After "Mr." or "U.S." a sentence goes on, as the tokenizer reads it.
const ABBREVIATIONS = new Set(['Mr', 'Mrs', 'Ms', 'Dr', 'St', 'Gen', 'Gov', 'Sen', 'Rep', 'Lt', 'Col', 'Sgt', 'Prof', 'Jr', 'Sr', 'No', 'vs', 'Capt', 'Maj', 'Adm', 'Rev', 'Mt', 'Ft', 'Inc', 'Co', 'Corp', 'Ltd'])

/** Where the word written at `at`…`end` ends as a token, or -1 when it goes on ("Doesn't", "Nagorno-Karabakh"). */
function tokenEnd(text: string, end: number): number {
  const after = text[end] ?? ''
  if (after === "'" || after === '’') {
    // A possessive: "Boehler's", "Boehlers’".
    const rest = text[end + 1] === 's' ? end + 2 : end + 1
    return LETTER_OR_DIGIT.test(text[rest] ?? '') ? -1 : rest
  }
  if (LETTER_OR_DIGIT.test(after)) return -1
  if (after === '-' && LETTER_OR_DIGIT.test(text[end + 1] ?? '')) return -1
  return end
}

/** The word ending at `end` (exclusive), read back over letters. */
function wordEndingAt(text: string, end: number): string {
  let start = end
  while (start > 0 && LETTER_OR_DIGIT.test(text[start - 1])) start--
  return text.slice(start, end)
}

/**
 * Whether a word at `at` opens a sentence, as the tokenizer would have it: the text's or a line's
 * start, or spaces after sentence punctuation (and closing quotes) that no abbreviation ends.
 */
function opensSentence(text: string, at: number): boolean {
  let i = at - 1
  if (i < 0) return true
  if (text[i] !== ' ' && text[i] !== '\t' && text[i] !== '\n' && text[i] !== '\r') return false
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--
  if (i < 0 || text[i] === '\n' || text[i] === '\r') return true
  while (i >= 0 && '"\'”’)'.includes(text[i])) i--
  const mark = text[i]
  if (mark !== '.' && mark !== '!' && mark !== '?') return false
  if (mark !== '.') return true
  const word = wordEndingAt(text, i)
  return !(ABBREVIATIONS.has(word) || /^[A-Z]$/.test(word))
}

/**
 * How often a text uses each capitalized spelling, and how (before another name, after a given
 * name): a long document is checked window by window, and a name spelled one way in the first
 * window and another in the fifth is still one entity spelled two ways. Counted from the text —
 * a word opening a sentence is left out, as the detector leaves it.
 */
export function documentNameStats(text: string): NameStats {
  const stats: NameStats = new Map()
  // Names recur: each is keyed once.
  const keys = new Map<string, string>()
  for (const match of text.matchAll(CANDIDATE)) {
    const at = match.index
    const before = at > 0 ? text[at - 1] : ''
    // Inside a word, or after an apostrophe or hyphen that joins it to one.
    if (before && (LETTER_OR_DIGIT.test(before) || before === '’' || before === "'" || before === '-')) continue
    const name = match[0]
    const end = tokenEnd(text, at + name.length)
    if (end < 0 || !NAME_WORD.test(name) || opensSentence(text, at)) continue
    let key = keys.get(name)
    if (key === undefined) keys.set(name, (key = skeleton(name)))
    let group = stats.get(key)
    if (!group) stats.set(key, (group = new Map()))
    let stat = group.get(name)
    if (!stat) group.set(name, (stat = {uses: 0, beforeName: 0, namesAfter: new Set(), afterGivenName: 0}))
    stat.uses++
    // Before another name: spaces, then a capital.
    let next = end
    while (text[next] === ' ' || text[next] === '\t') next++
    if (next > end && UPPER.test(text[next] ?? '')) {
      let last = next + 1
      while (last < text.length && (LETTER_OR_DIGIT.test(text[last]) || text[last] === '-' || text[last] === "'" || text[last] === '’')) last++
      stat.beforeName++
      stat.namesAfter.add(text.slice(next, last).toLowerCase().replace(/’/g, "'"))
    }
    if (before === ' ' || before === '\t') {
      let end = at - 1
      while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--
      const previous = wordEndingAt(text, end)
      if (previous && isFirstName(previous)) stat.afterGivenName++
    }
  }
  return stats
}

/** Add one window's counts to a document's. */
export function addNameStats(into: NameStats, from: NameStats): void {
  for (const [key, group] of from) {
    let target = into.get(key)
    if (!target) into.set(key, (target = new Map()))
    for (const [name, stat] of group) {
      const same = target.get(name)
      if (!same) {
        target.set(name, {...stat, namesAfter: new Set(stat.namesAfter)})
        continue
      }
      same.uses += stat.uses
      same.beforeName += stat.beforeName
      same.afterGivenName += stat.afterGivenName
      for (const after of stat.namesAfter) same.namesAfter.add(after)
    }
  }
}

function nameStatsOf(file: VFile): NameStats | undefined {
  return (file.data as {postedit?: {nameStats?: NameStats}}).postedit?.nameStats
}

/** First letter plus the consonants after it (h, w, y dropped, doubles merged): Boehler, Boeler → "blr". */
function skeleton(name: string): string {
  const lower = name.toLowerCase()
  return lower[0] + lower.slice(1).replace(/[aeiouyhw'’-]/g, '').replace(/(.)\1+/g, '$1')
}

export default function retextNameConsistency() {
  return (tree: Root, file: VFile): undefined => {
    const gazetteer = loadGazetteer()
    // A known name, a word, or a common given name ("Melania" is no garble of "Meloni").
    const isKnown = (word: string): boolean => {
      const lower = word.toLowerCase()
      return gazetteer.known.has(lower) || gazetteer.isCommonWord(lower) || isFirstName(word)
    }
    // Each distinct spelling is tested and keyed once; a long document repeats its names.
    const spellings = new Map<string, Spelling | null>()
    for (const {tokens} of sentencesOf(tree, file)) {
      for (let index = 1; index < tokens.length; index++) {
        const token = tokens[index]
        const first = token.text.charCodeAt(0)
        if (token.kind !== 'word' || (first >= 97 && first <= 122) || first < 65) continue
        let spelling = spellings.get(token.text)
        if (spelling === undefined) {
          const base = token.text.replace(/['’]s?$/, '')
          spelling = NAME_WORD.test(base) ? {text: base, tokens: [], uses: 0, known: false, beforeName: 0, namesAfter: new Set(), nameAfterUse: [], afterGivenName: 0} : null
          spellings.set(token.text, spelling)
        }
        if (!spelling) continue
        spelling.tokens.push(token)
        spelling.uses++
        const previous = tokens[index - 1]
        if (previous.kind === 'word' && token.spaceBefore && isFirstName(previous.text)) spelling.afterGivenName++
        const next = tokens[index + 1]
        if (next && next.kind === 'word' && next.spaceBefore && startsUpper(next.text)) {
          spelling.beforeName++
          spelling.namesAfter.add(next.norm)
          spelling.nameAfterUse.push(next.norm)
        } else spelling.nameAfterUse.push(undefined)
      }
    }
    const groups = new Map<string, Map<string, Spelling>>()
    for (const spelling of spellings.values()) {
      if (!spelling) continue
      const key = skeleton(spelling.text)
      let group = groups.get(key)
      if (!group) groups.set(key, (group = new Map()))
      // "Boehler" and "Boehler’s" are one spelling.
      const same = group.get(spelling.text)
      if (same) {
        same.tokens.push(...spelling.tokens)
        same.uses += spelling.uses
        same.nameAfterUse.push(...spelling.nameAfterUse)
        same.beforeName += spelling.beforeName
        same.afterGivenName += spelling.afterGivenName
        for (const name of spelling.namesAfter) same.namesAfter.add(name)
      } else group.set(spelling.text, {...spelling, known: isKnown(spelling.text)})
    }
    // A window of a long document: the document's counts decide, and its spellings elsewhere count.
    const document = nameStatsOf(file)
    if (document)
      for (const [key, group] of groups)
        for (const [name, stat] of document.get(key) ?? []) {
          const here = group.get(name)
          const counts = {uses: stat.uses, beforeName: stat.beforeName, namesAfter: stat.namesAfter, afterGivenName: stat.afterGivenName}
          if (here) Object.assign(here, counts)
          else group.set(name, {text: name, tokens: [], nameAfterUse: [], known: isKnown(name), ...counts})
        }
    // Spans the detectors and rules before this one reported: their names are about to change.
    let isReported: ((token: Token) => boolean) | undefined
    for (const group of groups.values()) {
      if (group.size < 2) continue
      isReported ??= reportedBy(file)
      // A spelling whose every use another rule corrects is no model for the rest ("Labor" where a
      // rule writes Britain's "Labour"): choosing it would undo that rule's fix, round after round.
      const spellings = [...group.values()]
        .filter((spelling) => spelling.tokens.length === 0 || spelling.tokens.some((token) => !isReported!(token)))
        .sort((a, b) => Number(b.known) - Number(a.known) || b.uses - a.uses)
      if (spellings.length < 2) continue
      const canonical = spellings[0]
      for (const odd of spellings.slice(1)) {
        if (odd.known) continue
        // A given name is another entity than a place or surname one letter away ("Sanae Takaichi"
        // in a digest that also names Sanaa): only a spelling used the same way is a variant.
        const isGivenName = (spelling: Spelling): boolean => spelling.beforeName === spelling.uses
        if (isGivenName(odd) !== isGivenName(canonical)) continue
        // Given names before different surnames are different people ("Mohammed VI", "Mohamed Salah").
        if (isGivenName(odd) && ![...odd.namesAfter].some((name) => canonical.namesAfter.has(name))) continue
        // A surname always after a given name is another entity than a name never used so ("Beth
        // Galetti" in a digest that also names the city of Galati).
        if (odd.afterGivenName === odd.uses && canonical.afterGivenName === 0) continue
        // A Russian surname's feminine form names a wife or a daughter ("Yulia Navalnaya", "Alexei Navalny").
        if (isGenderedPair(odd.text, canonical.text)) continue
        // Without a known spelling, the majority must be clear.
        if (!canonical.known && canonical.uses < 2 * odd.uses) continue
        const limit = Math.min(odd.text.length, canonical.text.length) <= 5 ? 1 : 2
        if (editDistance(odd.text.toLowerCase(), canonical.text.toLowerCase()) > limit) continue
        for (const [use, token] of odd.tokens.entries()) {
          if (isReported(token)) continue
          // Only the uses with a surname the document's spelling goes with: "Dmitry Bakanov" is not
          // "Dmitri Peskov"'s first name because "Dmitry Peskov" is.
          if (isGivenName(odd) && !canonical.namesAfter.has(odd.nameAfterUse[use] ?? '')) continue
          const suffix = token.text.slice(odd.text.length)
          report(file, {
            source: 'name-consistency',
            ruleId: 'inconsistent-spelling',
            reason: `Unexpected \`${odd.text}\`, expected \`${canonical.text}\` as elsewhere in the document (${canonical.uses}×)`,
            start: token.start,
            end: token.end,
            expected: [canonical.text + suffix],
            category: 'inconsistency',
            level: 'warning',
            apply: 'review',
            priority: 3,
          })
        }
      }
    }
    return undefined
  }
}

/** Masculine and feminine forms of one Russian surname: Navalny/Navalnaya, Petrov/Petrova, Putin/Putina. */
function isGenderedPair(a: string, b: string): boolean {
  const [one, other] = [a.toLowerCase(), b.toLowerCase()]
  const feminineOf = (masculine: string, feminine: string): boolean =>
    (/(?:ov|ev|in|yn)$/.test(masculine) && feminine === masculine + 'a') ||
    (/(?:iy|yi|ii|y|oi|oy)$/.test(masculine) && feminine === masculine.replace(/(?:iy|yi|ii|y|oi|oy)$/, '') + 'aya')
  return feminineOf(one, other) || feminineOf(other, one)
}

/**
 * Whether a token lies inside a span some message of the file already reports: spans sorted by
 * start, with the furthest end reached so far, answer each token by a binary search.
 */
function reportedBy(file: VFile): (token: Token) => boolean {
  const spans: Array<[number, number]> = []
  for (const message of file.messages)
    if (message.place && 'start' in message.place) spans.push([message.place.start.offset ?? -1, message.place.end.offset ?? -1])
  spans.sort((a, b) => a[0] - b[0])
  const furthestEnd: number[] = []
  for (const [, end] of spans) furthestEnd.push(Math.max(end, furthestEnd[furthestEnd.length - 1] ?? -1))
  return (token) => {
    let low = 0
    let high = spans.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (spans[middle][0] <= token.start) low = middle + 1
      else high = middle
    }
    return low > 0 && furthestEnd[low - 1] >= token.end
  }
}
