/**
 * A country or organization referred to as "his": "Hamas and his allies", "Israel expressed his
 * position". Russian pronouns follow grammatical gender (ХАМАС and Израиль are masculine), so MT
 * writes "his"; English refers to a country or an organization as "it".
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {actorAt} from '../entities/actors.js'
import {report} from '../findings.js'
import {sentencesOf, type Token} from '../parse/tokens.js'

// The actor must begin its clause: not "the wife of the President of Israel and his children".
const CLAUSE_OPENERS = new Set([
  'that', 'and', 'but', 'because', 'while', 'when', 'as', 'after', 'before', 'since', 'although', 'if', 'the',
  // Reported speech: "said Israel “expressed his position".
  'said', 'says', 'added', 'noted', 'stated', 'insisted', 'argued', 'announced', 'warned',
])
const QUOTE = /^["“”'‘’]$/
const AUXILIARIES = new Set(['has', 'had', 'have', 'will', 'would', 'did', 'does', 'also', 'then', 'again'])

function opensClause(tokens: Token[], start: number): boolean {
  let i = start - 1
  if (tokens[i]?.norm === 'the') i--
  const previous = tokens[i]
  return previous === undefined || previous.kind !== 'word' || CLAUSE_OPENERS.has(previous.norm)
}

/** Index of "his" if it follows the actor as "and his", "VERB his" or "has VERB his". */
function hisAfter(tokens: Token[], end: number): number | undefined {
  if (QUOTE.test(tokens[end]?.text ?? '')) end++
  const next = tokens[end]
  if (!next || next.kind !== 'word') return undefined
  if (next.norm === 'and' && tokens[end + 1]?.norm === 'his') return end + 1
  let verb = end
  if (AUXILIARIES.has(tokens[verb].norm)) verb++
  const candidate = tokens[verb]
  if (!candidate || candidate.kind !== 'word' || !/^\p{Ll}+$/u.test(candidate.text)) return undefined
  if (!/(ed|s)$/.test(candidate.norm) && !['made', 'took', 'gave', 'said', 'held', 'set', 'put', 'lost', 'kept', 'sent', 'told'].includes(candidate.norm)) return undefined
  return tokens[verb + 1]?.norm === 'his' ? verb + 1 : undefined
}

export default function retextActorPronoun() {
  return (tree: Root, file: VFile): undefined => {
    for (const {tokens} of sentencesOf(tree, file)) {
      for (let i = 0; i < tokens.length; i++) {
        const found = actorAt(tokens, i)
        if (!found || !opensClause(tokens, i)) continue
        const his = hisAfter(tokens, found.end)
        if (his === undefined) continue
        const token = tokens[his]
        report(file, {
          source: 'actor-pronoun',
          ruleId: 'his-for-its',
          reason: `Unexpected \`${token.text}\` for ${found.actor.name}, expected \`its\`: ${found.actor.kind === 'country' ? 'a country' : 'an organization'} is “it” in English`,
          start: token.start,
          end: token.end,
          expected: [token.text[0] === 'H' ? 'Its' : 'its'],
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
