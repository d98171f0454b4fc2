/**
 * "the" where English introduces something new with "a": "handing the administration the
 * important victory", "Khamenei promised the severe punishment". Russian has no articles and MT
 * defaults to "the". Only after an adjective that rates or sizes (important, severe, major …),
 * before a singular noun the document has not named before and that nothing after makes particular
 * ("the major disaster of 2005", "the heavy fighting that followed"). And "the" before an
 * abstract noun English uses without one when it is named in general: "Russia spent millions on
 * the disinformation", "to reduce the bureaucracy" → "on disinformation", "to reduce bureaucracy".
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report} from '../findings.js'
import {firstMentions, isPartOfDocument, sentencesOf, type Token} from '../parse/tokens.js'
import {capitalize, FUNCTION_WORDS} from './lexicon.js'

const RATING_ADJECTIVES = new Set(
  'important serious severe gross immediate extraordinary unprecedented major significant huge sharp rare heavy strong possible massive harsh decisive crucial historic fresh additional fragile temporary permanent lasting comprehensive large small terrible horrible tragic awful enormous'.split(' '),
)
// After the noun, these make it particular: "the major disaster of 2005", "the sharp rise that".
const PARTICULAR_AFTER = new Set(['of', 'that', 'which', 'who', 'between', 'with', 'in', 'on', 'for', 'to', 'from', 'at', 'by', 'against', 'over', 'under', 'announced', 'signed', 'reached', 'proposed', 'agreed', 'described', 'mentioned', ',', "'s", '’s'])

// Abstract nouns that English names in general without an article ("fight corruption", "amid criticism").
const ABSTRACT_NOUNS = new Set(
  'disinformation misinformation propaganda bureaucracy independence criticism advertising cooperation fentanyl corruption terrorism extremism inflation unemployment poverty immigration aggression discrimination censorship mediation escalation de-escalation protectionism disarmament denuclearization deregulation privatization smuggling espionage sabotage democracy safety innovation gentrification globalization urbanization digitalization automation deforestation desertification overtourism modernity vaccination immunization'.split(' '),
)

// Nouns that take no "a": "the additional staff" is "additional staff", never "an additional staff".
const MASS_NOUNS = new Set(
  'staff personnel equipment funding information money evidence support aid assistance research training time security damage pressure traffic furniture luggage baggage advice progress news work housing software hardware data weather food water fuel electricity power capital cash machinery infrastructure legislation knowledge access protection care attention coverage insurance debt weaponry ammunition'.split(' '),
)

const SUBJECT_PRONOUNS = new Set(['i', 'you', 'he', 'she', 'it', 'we', 'they'])

/**
 * Whether the word after a noun makes it particular or shows it was a modifier: a phrase or clause
 * ("the major disaster of 2005", "the heartache they endured"), or another lower-case content word
 * ("the major industrial powers", "the unemployment rate").
 */
function particularOrModifier(after: Token | undefined): boolean {
  if (!after) return false
  if (PARTICULAR_AFTER.has(after.norm) || SUBJECT_PRONOUNS.has(after.norm)) return true
  return after.kind === 'word' && after.text === after.norm && !FUNCTION_WORDS.has(after.norm)
}

function indefinite(phrase: string): string {
  return (/^[aeiou]/i.test(phrase) ? 'an ' : 'a ') + phrase
}

function isSingularNoun(token: Token | undefined): token is Token {
  return token !== undefined && token.kind === 'word' && token.text === token.norm && /^[a-z]+$/.test(token.text) && !token.norm.endsWith('s') && !RATING_ADJECTIVES.has(token.norm)
}

export default function retextArticleFirstMention() {
  return (tree: Root, file: VFile): undefined => {
    // A first mention can only be told in the whole document.
    if (isPartOfDocument(file)) return undefined
    const text = String(file.value)
    const sentences = sentencesOf(tree, file)
    const candidates: Array<{sentence: number; index: number}> = []
    const abstract: Array<{sentence: number; index: number}> = []
    sentences.forEach(({tokens}, sentence) => {
      for (let i = 0; i + 1 < tokens.length; i++) {
        if (tokens[i].norm !== 'the' || !ABSTRACT_NOUNS.has(tokens[i + 1].text)) continue
        const after = tokens[i + 2]
        // "the advertising and marketing of": a pair, made particular after it.
        if (particularOrModifier(after) || after?.norm === 'and' || after?.norm === 'or') continue
        abstract.push({sentence, index: i})
      }
      for (let i = 0; i + 2 < tokens.length; i++) {
        if (tokens[i].norm !== 'the' || !RATING_ADJECTIVES.has(tokens[i + 1].norm) || tokens[i + 1].text !== tokens[i + 1].norm) continue
        const noun = tokens[i + 2]
        if (!isSingularNoun(noun)) continue
        if (particularOrModifier(tokens[i + 3])) continue
        candidates.push({sentence, index: i})
      }
    })
    if (candidates.length === 0 && abstract.length === 0) return undefined
    // Where each candidate noun is first named; only these words are looked for.
    const nouns = new Set([
      ...candidates.map(({sentence, index}) => sentences[sentence].tokens[index + 2].norm),
      ...abstract.map(({sentence, index}) => sentences[sentence].tokens[index + 1].norm),
    ])
    const firstNamed = firstMentions(sentences, nouns, file)
    for (const {sentence, index} of abstract) {
      const tokens = sentences[sentence].tokens
      const article = tokens[index]
      const noun = tokens[index + 1]
      if ((firstNamed.get(noun.norm) ?? noun.start) < sentences[sentence].start) continue
      report(file, {
        source: 'article-first-mention',
        ruleId: 'the-before-abstract-noun',
        reason: `Unexpected \`${article.text}\` before \`${noun.text}\`, named here in general for the first time: expected \`${noun.text}\``,
        start: article.start,
        end: noun.end,
        expected: [article.text === 'The' ? capitalize(noun.text) : noun.text],
        category: 'grammar',
        level: 'suggestion',
        apply: 'review',
      })
    }
    for (const {sentence, index} of candidates) {
      const tokens = sentences[sentence].tokens
      const article = tokens[index]
      const noun = tokens[index + 2]
      // Named before this sentence: "the" points back to it.
      if ((firstNamed.get(noun.norm) ?? noun.start) < sentences[sentence].start) continue
      const phrase = text.slice(tokens[index + 1].start, noun.end)
      const mass = MASS_NOUNS.has(noun.norm)
      const withArticle = mass ? phrase : indefinite(phrase)
      report(file, {
        source: 'article-first-mention',
        ruleId: 'the-for-a',
        reason: `Unexpected \`${article.text}\` before \`${phrase}\`, named here for the first time: expected \`${withArticle}\`${mass ? '' : ' (or no article for a mass noun)'}`,
        start: article.start,
        end: noun.end,
        expected: [...new Set(article.text === 'The' ? [capitalize(withArticle), capitalize(phrase)] : [withArticle, phrase])],
        category: 'grammar',
        level: 'suggestion',
        apply: 'review',
      })
    }
    return undefined
  }
}
