/**
 * An indefinite article before a plural noun: "a bodies of at least 35 people". Russian has no
 * articles, so MT guesses them; a singular article on a plural is never right. Before "of" the
 * definite article is what English wants ("the bodies of"); elsewhere the article goes.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report} from '../findings.js'
import {sentencesOf} from '../parse/tokens.js'
import {FUNCTION_WORDS, looksPlural} from './lexicon.js'

// "a few people", "a lot", "a number of officials": a plural may follow these quantifiers.
// "a people" is a nation, singular.
const QUANTIFIER_NEXT = new Set(['few', 'lot', 'lots', 'number', 'couple', 'dozen', 'hundred', 'thousand', 'million', 'billion', 'great', 'good', 'people'])

export default function retextArticleNumber() {
  return (tree: Root, file: VFile): undefined => {
    const text = String(file.value)
    for (const {tokens} of sentencesOf(tree, file)) {
      for (let i = 0; i + 1 < tokens.length; i++) {
        const article = tokens[i]
        const noun = tokens[i + 1]
        if (article.norm !== 'a' && article.norm !== 'an') continue
        if (noun.kind !== 'word' || !looksPlural(noun.text) || QUANTIFIER_NEXT.has(noun.norm)) continue
        // A plural noun used as a modifier: "a jobs bill", "a veterans hospital", "a sports car".
        const after = tokens[i + 2]
        if (after?.kind === 'word' && /^\p{Ll}/u.test(after.text) && !FUNCTION_WORDS.has(after.norm)) continue
        // "Type A blood", "vitamin A": a capital A that is not at the sentence start is a letter.
        if (article.text === 'A' && i > 0) continue
        const following = tokens[i + 2]
        const definite = article.text[0] === 'A' ? 'The' : 'the'
        const phrase = text.slice(noun.start, noun.end)
        const bare = article.text[0] === 'A' ? phrase[0].toUpperCase() + phrase.slice(1) : phrase
        const expected = following?.norm === 'of' ? [`${definite} ${phrase}`, bare] : [bare, `${definite} ${phrase}`]
        report(file, {
          source: 'article-number',
          ruleId: 'indefinite-article-plural',
          reason: `Unexpected \`${article.text}\` before the plural \`${noun.text}\`, expected \`the\` or no article`,
          start: article.start,
          end: noun.end,
          expected,
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
