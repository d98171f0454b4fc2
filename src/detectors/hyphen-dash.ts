/**
 * A hyphen standing in for a dash between words: "the fire-but the job", "Go-Betweens-to transmit".
 * MT joins a clause to the next with a hyphen; English compounds never end in a conjunction, an
 * article or a relative pronoun, so such a compound is a dash in disguise.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report} from '../findings.js'
import {sentencesOf} from '../parse/tokens.js'

const CLAUSE_WORDS = new Set([
  'but', 'and', 'or', 'nor', 'the', 'which', 'that', 'who', 'whom', 'whose', 'while', 'because',
  'although', 'though', 'however', 'whereas', 'if', 'so', 'to', 'a', 'an', 'he', 'she', 'they', 'we', 'it',
])

// Real compounds that end in one of those words.
const COMPOUNDS = new Set(['lean-to', 'set-to', 'go-to', 'how-to', 'so-and-so', 'what-if', 'also-ran', 'has-it'])

export default function retextHyphenDash() {
  return (tree: Root, file: VFile): undefined => {
    for (const {tokens} of sentencesOf(tree, file)) {
      for (const token of tokens) {
        if (token.kind !== 'word' || !token.text.includes('-')) continue
        if (COMPOUNDS.has(token.norm)) continue
        const parts = token.text.split('-')
        const last = parts[parts.length - 1].toLowerCase()
        if (parts.length < 2 || !CLAUSE_WORDS.has(last) || parts.some((part) => part === '')) continue
        const head = parts.slice(0, -1).join('-')
        // "10-to" and the like are scores and ranges, not clauses.
        if (/^\d+$/.test(head)) continue
        const fixed = `${head} — ${parts[parts.length - 1]}`
        report(file, {
          source: 'hyphen-dash',
          ruleId: 'hyphen-for-dash',
          reason: `Unexpected hyphen before \`${parts[parts.length - 1]}\`, expected a dash between clauses`,
          start: token.start,
          end: token.end,
          expected: [fixed],
          category: 'punctuation',
          level: 'warning',
          apply: 'review',
          priority: 5,
        })
      }
    }
    return undefined
  }
}
