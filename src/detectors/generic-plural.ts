/**
 * "The" before a group first named at the start of a sentence: "The residents complained", "The
 * voters were worried", "The firefighters were unable". Russian has no articles, and MT adds
 * "the" where English news names a group in general: "Residents complained". Only groups of people
 * (and markets) the document has not named before, without a phrase that makes them particular
 * ("The residents of Altadena", "The workers who were fired").
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report} from '../findings.js'
import {firstMentions, isPartOfDocument, sentencesOf, type Token} from '../parse/tokens.js'
import {capitalize, PEOPLE_GROUPS} from './lexicon.js'

function singular(word: string): string {
  return word.endsWith('ies') ? word.slice(0, -3) + 'y' : word.endsWith('s') ? word.slice(0, -1) : word
}

// Groups of people, and markets ("The prices rose").
const GROUPS = new Set([...PEOPLE_GROUPS, 'prices', 'markets', 'stocks', 'shares'])
// After the group, these make it particular: "the residents of Altadena", "the workers who left".
const PARTICULAR_AFTER = new Set(['of', 'who', 'that', 'whom', 'whose', 'in', 'at', 'from', 'on', 'near', 'with', 'under', 'living', 'based', 'involved', 'killed', 'wounded', 'held', 'taken', 'here', 'there', 'themselves', 'said', 'say', ',', 'and', 'or'])
const NOT_MODIFIERS = new Set(['and', 'or', 'of', 'the', 'a', 'an', 'two', 'three', 'four', 'five', 'few', 'many', 'other', 'same', 'remaining', 'rest', 'first', 'last'])
const MAX_MODIFIERS = 2

/** Index of the group noun after "The" at 0, past up to two lower-case modifiers, or -1. */
function groupAfterThe(tokens: Token[]): number {
  for (let k = 1; k <= 1 + MAX_MODIFIERS && k < tokens.length; k++) {
    const token = tokens[k]
    if (GROUPS.has(token.norm)) return k
    if (token.kind !== 'word' || token.text !== token.norm || NOT_MODIFIERS.has(token.norm) || !/^[a-z-]+$/.test(token.text)) return -1
  }
  return -1
}

export default function retextGenericPlural() {
  return (tree: Root, file: VFile): undefined => {
    // A first mention can only be told in the whole document.
    if (isPartOfDocument(file)) return undefined
    const text = String(file.value)
    const sentences = sentencesOf(tree, file)
    const candidates: Array<{tokens: Token[]; start: number; group: number}> = []
    for (const {tokens, start} of sentences) {
      const group = tokens[0]?.text === 'The' ? groupAfterThe(tokens) : -1
      const after = tokens[group + 1]
      if (group > 0 && !(after && PARTICULAR_AFTER.has(after.norm))) candidates.push({tokens, start, group})
    }
    if (candidates.length === 0) return undefined
    const words = new Set(candidates.flatMap(({tokens, group}) => [tokens[group].norm, singular(tokens[group].norm)]))
    const firstNamed = firstMentions(sentences, words)
    for (const {tokens, start, group} of candidates) {
      const head = tokens[group].norm
      // Named before this sentence, in either number: "the" points back to it.
      if (Math.min(firstNamed.get(head) ?? start, firstNamed.get(singular(head)) ?? start) < start) continue
      const rest = text.slice(tokens[1].start, tokens[group].end)
      report(file, {
        source: 'generic-plural',
        ruleId: 'the-before-group',
        reason: `Unexpected \`The\` before \`${rest}\`, first named here: English names a group in general without an article`,
        start: tokens[0].start,
        end: tokens[group].end,
        expected: [capitalize(rest)],
        category: 'grammar',
        level: 'suggestion',
        apply: 'review',
      })
    }
    return undefined
  }
}
