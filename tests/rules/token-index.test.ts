import {describe, expect, it} from 'vitest'
import {parseSentences} from '../../src/parse/chunked-english.js'
import {tokenizeLiteral} from '../../src/rules/compile.js'
import {expandParts, parsePattern, partsCount, partsSequences, type PatternParts} from '../../src/rules/pattern.js'
import {MAX_SPELLED_SEQUENCES, TokenIndex, type TokenMatch} from '../../src/rules/token-index.js'

// Patterns past MAX_SPELLED_SEQUENCES are stored as graphs of their parts, not as their sequences.
// A graph must find what the sequences find: the same spans, each with the sequence that spells it.
const PATTERNS = [
  '<inflict|deal|deliver> [a|the]? [massive|powerful|precision]? [blow|blows|strike|strikes] [on|at|against]',
  '<write|post|say> in [his|her|their|the]? [Telegram|Twitter|Facebook] [channel|account|page]?',
  'the [two|three|four|@num]? [months|weeks|years] of the? [talks|fighting|war|strikes]',
  '^ [according to|in the words of|as reported by] [the|a]? [spokesman|spokeswoman|minister|official] *{0,2} [said|stated|noted]?',
  '[each other|one another|each|him|her|them] in the? [violation|betrayal|treason] [of|to]? [the|a]? [deal|truce|agreement] $',
]

const TEXTS = [
  'The army inflicted a massive blow on the city, then dealt blows at the port and delivered the strike against them.',
  'He wrote in his Telegram channel. She posted in Twitter. They said in the Facebook page that it was over.',
  'After the three months of the talks, and the years of war, the 12 weeks of fighting ended.',
  'According to the spokesman of the ministry said nothing.',
  'As reported by a minister, it ended.',
  'According to the official said so.',
  'They accused each other in violation of the deal',
  'They accused one another in the treason to a truce',
  'Dealing a powerful strikes at, saying in Telegram account, the months of strikes.',
]

function spelled(match: TokenMatch<number>): string {
  const atoms = match.sequence.atoms.map((atom) => (atom.kind === 'literal' ? atom.norm : atom.kind === 'anchor' ? atom.at : `@${atom.kind}`))
  return `${match.payload}:${match.start}-${match.end}:${atoms.join(' ')}:${[...match.sequence.lemmaElements].join(';')}`
}

function matchesOf(index: TokenIndex<number>): string[] {
  return TEXTS.flatMap((text) => parseSentences(text).flatMap((sentence) => index.matchAll(sentence.tokens).map(spelled)))
}

describe('patterns stored as graphs', () => {
  const parts: PatternParts[] = PATTERNS.map((pattern) => expandParts(parsePattern(pattern), tokenizeLiteral))

  it('are the large ones', () => {
    for (const pattern of parts) expect(partsCount(pattern)).toBeGreaterThan(MAX_SPELLED_SEQUENCES)
  })

  it('match what their sequences match, with the sequence that spells each match', () => {
    const flat = new TokenIndex<number>()
    const graph = new TokenIndex<number>()
    parts.forEach((pattern, i) => {
      for (const sequence of partsSequences(pattern)) flat.add(sequence, i)
      graph.addPattern(pattern, i)
    })
    const expected = matchesOf(flat)
    expect(expected.length).toBeGreaterThan(10)
    expect(matchesOf(graph).sort()).toEqual(expected.sort())
  })

  it('share the trie with other patterns without taking their matches or losing theirs', () => {
    const sequenceOf = (pattern: string) => partsSequences(expandParts(parsePattern(pattern), tokenizeLiteral))[0]
    const build = (asGraph: boolean): TokenIndex<number> => {
      const index = new TokenIndex<number>()
      index.add(sequenceOf('the army inflicted'), 100)
      parts.forEach((pattern, i) => (asGraph ? index.addPattern(pattern, i) : partsSequences(pattern).forEach((sequence) => index.add(sequence, i))))
      index.add(sequenceOf('inflicted a massive'), 101)
      index.add(sequenceOf('wrote in his'), 102)
      return index
    }
    const found = matchesOf(build(true))
    for (const other of ['100:', '101:', '102:']) expect(found.filter((match) => match.startsWith(other))).toHaveLength(1)
    expect(found.sort()).toEqual(matchesOf(build(false)).sort())
  })
})
