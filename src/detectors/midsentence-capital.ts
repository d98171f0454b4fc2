/**
 * A common word capitalized in mid-sentence: "Axios Initially, they were reported",
 * "questioned efficiency The boycott". MT carries a capital across from a sentence it merged or
 * split. Only words that are never names are checked: function words after a lower-case word
 * (a capitalized "The" after "Department" may be a title), and sentence adverbs anywhere.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report} from '../findings.js'
import {sentencesOf, type Token} from '../parse/tokens.js'
import {COMMON_ADVERBS, FUNCTION_WORDS, startsUpper} from './lexicon.js'

// Punctuation after which a capital is normal: quotations, colons, dashes, brackets.
const RESTARTS = /^["“‘'([:—–-]+$|^[.!?…]+$/

const CAPITALIZED_WORD = /^\p{Lu}\p{Ll}+$/u

function looksLikeTitle(tokens: Token[]): boolean {
  const words = tokens.filter((token) => token.kind === 'word' && token.text.length >= 4 && /^\p{L}/u.test(token.text) && !FUNCTION_WORDS.has(token.norm))
  const capitalized = words.filter((token) => startsUpper(token.text)).length
  return words.length >= 2 && capitalized / words.length > 0.5
}

export default function retextMidsentenceCapital() {
  return (tree: Root, file: VFile): undefined => {
    for (const {tokens} of sentencesOf(tree, file)) {
      let isTitle: boolean | undefined
      for (let i = 1; i < tokens.length; i++) {
        const token = tokens[i]
        // Cheap tests first: this runs on every token of every file.
        if (token.kind !== 'word' || !startsUpper(token.text)) continue
        const lower = token.norm
        const isFunctionWord = FUNCTION_WORDS.has(lower) && lower !== 'us'
        const isAdverb = COMMON_ADVERBS.has(lower)
        if (!isFunctionWord && !isAdverb) continue
        if (!CAPITALIZED_WORD.test(token.text)) continue
        const previous = tokens[i - 1]
        if (previous.kind !== 'word' || RESTARTS.test(previous.text) || previous.newlineBefore || token.newlineBefore) continue
        // parse-latin does not break sentences after "in." or "18."; a full stop before is a break.
        if (/[.!?…]$/.test(previous.text)) continue
        // "ask His help": pronouns for God are capitalized on purpose.
        if (lower === 'he' || lower === 'his' || lower === 'him') continue
        // After a heading in capitals ("HEALTH AND WELFARE Finally, …") a new sentence starts.
        if (previous.text.length > 1 && previous.text === previous.text.toUpperCase() && /\p{Lu}/u.test(previous.text)) continue
        // In a title ("Department Of State", "Lord Of The Rings") the previous word is capitalized too.
        if (isFunctionWord && startsUpper(previous.text)) continue
        // Before another capital it starts a name or a title ("and The New York Times").
        const next = tokens[i + 1]
        if (next?.kind === 'word' && startsUpper(next.text)) continue
        // A title ("Migrating from v10 or Earlier", "Cacheable Statistics (Instance Only)") capitalizes
        // its words; a capital there is no merged sentence.
        isTitle ??= looksLikeTitle(tokens)
        if (isTitle) continue
        report(file, {
          source: 'midsentence-capital',
          ruleId: 'capital-in-sentence',
          reason: `Unexpected capital in \`${token.text}\` in mid-sentence, expected \`${lower}\`; a sentence may have been merged here`,
          start: token.start,
          end: token.end,
          expected: [lower],
          category: 'grammar',
          level: 'warning',
          apply: 'review',
        })
      }
    }
    return undefined
  }
}
