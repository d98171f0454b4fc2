/**
 * Repeated words: "US US officials", "the the". MT and editing both leave them.
 * A few doublings are grammatical ("had had", "that that") and are left alone.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report} from '../findings.js'
import {sentencesOf} from '../parse/tokens.js'

const GRAMMATICAL_DOUBLES = new Set(['had', 'that', 'is', 'do', 'does', 'bye', 'no', 'very', 'so', 'ha', 'far', 'knock', 'chop', 'tut', 'so-so'])

export default function retextRepeatedWords() {
  return (tree: Root, file: VFile): undefined => {
    const text = String(file.value)
    for (const {tokens} of sentencesOf(tree, file)) {
      for (let i = 1; i < tokens.length; i++) {
        const previous = tokens[i - 1]
        const token = tokens[i]
        if (token.kind !== 'word' || previous.kind !== 'word') continue
        if (token.norm !== previous.norm || !/\p{L}/u.test(token.norm)) continue
        if (!token.spaceBefore || GRAMMATICAL_DOUBLES.has(token.norm)) continue
        report(file, {
          source: 'repeated-words',
          ruleId: 'repeated-word',
          reason: `Unexpected repeated \`${token.text}\`, expected it once`,
          start: previous.start,
          end: token.end,
          expected: [text.slice(previous.start, previous.end)],
          category: 'duplication',
          level: 'error',
          apply: 'auto',
          priority: 10,
        })
      }
    }
    return undefined
  }
}
