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

interface Spelling {
  text: string
  tokens: Token[]
  known: boolean
  /** Uses directly followed by another capitalized word: a given name ("Sanae Takaichi"). */
  beforeName: number
  /** Those capitalized words, lower-cased: the surnames (or regnal numbers) the given name goes with. */
  namesAfter: Set<string>
  /** For each use, the capitalized word right after it, lower-cased (or undefined). */
  nameAfterUse: Array<string | undefined>
  /** Uses directly after a common given name: a surname ("Beth Galetti"). */
  afterGivenName: number
}

/** First letter plus the consonants after it (h, w, y dropped, doubles merged): Boehler, Boeler → "blr". */
function skeleton(name: string): string {
  const lower = name.toLowerCase()
  return lower[0] + lower.slice(1).replace(/[aeiouyhw'’-]/g, '').replace(/(.)\1+/g, '$1')
}

export default function retextNameConsistency() {
  return (tree: Root, file: VFile): undefined => {
    const gazetteer = loadGazetteer()
    const isKnown = (word: string): boolean => {
      const lower = word.toLowerCase()
      return gazetteer.known.has(lower) || gazetteer.isCommonWord(lower)
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
          spelling = /^\p{Lu}\p{Ll}{3,}$/u.test(base) ? {text: base, tokens: [], known: false, beforeName: 0, namesAfter: new Set(), nameAfterUse: [], afterGivenName: 0} : null
          spellings.set(token.text, spelling)
        }
        if (!spelling) continue
        spelling.tokens.push(token)
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
        same.nameAfterUse.push(...spelling.nameAfterUse)
        same.beforeName += spelling.beforeName
        same.afterGivenName += spelling.afterGivenName
        for (const name of spelling.namesAfter) same.namesAfter.add(name)
      } else group.set(spelling.text, {...spelling, known: isKnown(spelling.text) || isFirstName(spelling.text)})
    }
    // Spans the detectors and rules before this one reported: their names are about to change.
    let isReported: ((token: Token) => boolean) | undefined
    for (const group of groups.values()) {
      if (group.size < 2) continue
      isReported ??= reportedBy(file)
      // A spelling whose every use another rule corrects is no model for the rest ("Labor" where a
      // rule writes Britain's "Labour"): choosing it would undo that rule's fix, round after round.
      const spellings = [...group.values()]
        .filter((spelling) => spelling.tokens.some((token) => !isReported!(token)))
        .sort((a, b) => Number(b.known) - Number(a.known) || b.tokens.length - a.tokens.length)
      if (spellings.length < 2) continue
      const canonical = spellings[0]
      for (const odd of spellings.slice(1)) {
        if (odd.known) continue
        // A given name is another entity than a place or surname one letter away ("Sanae Takaichi"
        // in a digest that also names Sanaa): only a spelling used the same way is a variant.
        const isGivenName = (spelling: Spelling): boolean => spelling.beforeName === spelling.tokens.length
        if (isGivenName(odd) !== isGivenName(canonical)) continue
        // Given names before different surnames are different people ("Mohammed VI", "Mohamed Salah").
        if (isGivenName(odd) && ![...odd.namesAfter].some((name) => canonical.namesAfter.has(name))) continue
        // A surname always after a given name is another entity than a name never used so ("Beth
        // Galetti" in a digest that also names the city of Galati).
        if (odd.afterGivenName === odd.tokens.length && canonical.afterGivenName === 0) continue
        // Without a known spelling, the majority must be clear.
        if (!canonical.known && canonical.tokens.length < 2 * odd.tokens.length) continue
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
            reason: `Unexpected \`${odd.text}\`, expected \`${canonical.text}\` as elsewhere in the document (${canonical.tokens.length}×)`,
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
