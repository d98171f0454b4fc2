/**
 * "one of the" + a singular noun: "according to one of the Western official". The noun after
 * "one of the" is plural in English; MT loses the plural ending that Russian marks on the case.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report} from '../findings.js'
import {sentencesOf, type Token} from '../parse/tokens.js'
import {FUNCTION_WORDS, isIrregularPlural, pluralize} from './lexicon.js'

// Not "these"/"those": they are pronouns as often as determiners ("one of those we lost").
const DETERMINERS = new Set(['the', 'his', 'her', 'its', 'their', 'our', 'my', 'your'])

const ORDINAL_NOUNS = new Set(['day', 'year', 'week', 'month', 'chapter', 'page', 'step', 'phase', 'round', 'part', 'game', 'season', 'stage', 'act', 'volume'])

// Words that can end the phrase without being a singular count noun: superlatives and
// quantifiers ("one of the best", "one of the few"), and mass nouns.
const NOT_A_SINGULAR_NOUN = new Set([
  'best', 'worst', 'most', 'least', 'first', 'last', 'few', 'many', 'other', 'others', 'same', 'two',
  'three', 'four', 'five', 'latter', 'former', 'rest', 'kind', 'following', 'above', 'below', 'police',
  'people', 'staff', 'media', 'public', 'military', 'clergy', 'personnel', 'data', 'team', 'crew',
])

/**
 * The head noun after the determiner: at most two modifiers, then a word that ends the phrase
 * (punctuation, a function word or a reporting verb follows). A plural, superlative, participle or
 * adverb on the way means the phrase is not "one of the" + singular noun.
 */
function headNoun(tokens: Token[], from: number): {index: number; token: Token} | undefined {
  for (let i = from; i < Math.min(tokens.length, from + 3); i++) {
    const token = tokens[i]
    if (token.kind !== 'word' || /(s|est|ly|ed|ing)$/.test(token.norm) || token.norm === 'people' || token.norm === 'most') return undefined
    const next = tokens[i + 1]
    const phraseEnds = !next || next.kind !== 'word' || FUNCTION_WORDS.has(next.norm) || /^(said|says|told|added)$/.test(next.norm)
    if (phraseEnds) return next?.norm === 'of' ? undefined : {index: i, token}
  }
  return undefined
}

export default function retextOneOfThe() {
  return (tree: Root, file: VFile): undefined => {
    for (const {tokens} of sentencesOf(tree, file)) {
      for (let i = 0; i + 3 < tokens.length; i++) {
        if (tokens[i].norm !== 'one' || tokens[i + 1].norm !== 'of' || !DETERMINERS.has(tokens[i + 2].norm)) continue
        // "day one of my presidency" counts, it does not pick one of many.
        if (ORDINAL_NOUNS.has(tokens[i - 1]?.norm ?? '')) continue
        const head = headNoun(tokens, i + 3)
        if (!head) continue
        const {token} = head
        const word = token.norm
        if (!/^[a-z]+$/.test(word) || token.text !== token.norm || word.endsWith('s') || NOT_A_SINGULAR_NOUN.has(word) || isIrregularPlural(word)) continue
        if (/(est|ing|ed|ly|ive|ful|al|ous|ic|ble)$/.test(word) && !/(official|criminal|individual|rival|ally)$/.test(word)) continue
        const plural = pluralize(token.text)
        report(file, {
          source: 'one-of-the',
          ruleId: 'one-of-singular',
          reason: `Unexpected singular \`${token.text}\` after \`one of ${tokens[i + 2].text}\`, expected \`${plural}\``,
          start: tokens[i].start,
          end: token.end,
          expected: [String(file.value).slice(tokens[i].start, token.start) + plural],
          category: 'grammar',
          level: 'error',
          apply: 'review',
          priority: 5,
        })
      }
    }
    return undefined
  }
}
