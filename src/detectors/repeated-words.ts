/**
 * Repeated words: "US US officials", "the the". MT and editing both leave them.
 * A few doublings are grammatical ("had had", "that that") and are left alone, and so are the
 * reduplicated names English keeps ("Saba Saba", "Bora Bora", "Walla Walla") — a doubled name
 * otherwise is a garble too ("the World Expo Expo 2025").
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report} from '../findings.js'
import {sentencesOf, startsUpper} from '../parse/tokens.js'

const REDUPLICATED_NAMES = new Set(['saba', 'bora', 'walla', 'pago', 'wagga', 'sing', 'baden', 'mahi', 'dum'])

/** A capital and then lower-case letters only: the shape of a name, not of "US" or "The". */
function isTitleCase(text: string): boolean {
  return text.length > 1 && startsUpper(text) && text.slice(1) === text.slice(1).toLowerCase()
}

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
        if (REDUPLICATED_NAMES.has(token.norm) && isTitleCase(token.text) && isTitleCase(previous.text)) continue
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
