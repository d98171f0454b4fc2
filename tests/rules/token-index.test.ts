import {describe, expect, it} from 'vitest'
import {parseSentences} from '../../src/parse/chunked-english.js'
import {tokenizeLiteral} from '../../src/rules/compile.js'
import type {Token} from '../../src/parse/tokens.js'
import {expandParts, parsePattern, partsCount, partsSequences, type PatternParts, type Sequence} from '../../src/rules/pattern.js'
import {atSentenceEnd, atSentenceStart, MAX_SPELLED_SEQUENCES, testClass, TokenIndex, type TokenMatch} from '../../src/rules/token-index.js'

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

describe('special edges', () => {
  const sequenceOf = (pattern: string) => partsSequences(expandParts(parsePattern(pattern), tokenizeLiteral))[0]
  const found = (index: TokenIndex<number>, text: string): string[] =>
    parseSentences(text).flatMap((sentence) => index.matchAll(sentence.tokens).map((match) => `${match.payload}:${match.start}-${match.end}`))

  // What a sequence means, atom by atom, at every start: the oracle the trie's shortcuts must agree with.
  function spelledAt(sequence: Sequence, tokens: Token[], start: number): number | undefined {
    let position = start
    for (const atom of sequence.atoms) {
      if (atom.kind === 'anchor') {
        if (!(atom.at === 'start' ? atSentenceStart(tokens, position) : atSentenceEnd(tokens, position))) return undefined
        continue
      }
      const token = tokens[position]
      if (!token) return undefined
      const holds =
        atom.kind === 'literal' ? token.norm === atom.norm : atom.kind === 'class' ? testClass(atom.name, token) : atom.regex.test(token.text)
      if (!holds) return undefined
      position++
    }
    return position
  }

  // The last two are stored as graphs (a choice of 80 words): their words are graph edges, after @num and at the root.
  const words = `[${Array.from({length: 80}, (_, i) => 'item' + String.fromCharCode(97 + (i % 26)).repeat(1 + Math.floor(i / 26))).join('|')}]`
  const leadingToWords = ['@Cap said', '@Cap told reporters', '@num percent', '^ however', '^ in @num', '/^\\d+,\\d{3}$/ people', 'the @Cap', `@num ${words}`, `${words} said`]
  const text = 'However, Smith said 5 percent. In 2020 Jones told reporters that 1,000 people came. The Mayor spoke; in 2020 none. Ann Lee said so. Take 3 itemcc. Then itemb said so.'

  it.each([
    ['every special atom leads to words only (looked up first)', leadingToWords],
    ['some lead to a terminal or to another special atom', [...leadingToWords, '@num', '@Cap @Cap said']],
  ])('match what trying every edge at every token matches: %s', (_, patterns) => {
    const parts = patterns.map((pattern) => expandParts(parsePattern(pattern), tokenizeLiteral))
    const index = new TokenIndex<number>()
    parts.forEach((pattern, i) => index.addPattern(pattern, i))
    const expected = parseSentences(text).flatMap((sentence) =>
      sentence.tokens.flatMap((_, start) =>
        parts.flatMap((pattern, i) =>
          partsSequences(pattern).flatMap((sequence) => {
            const end = spelledAt(sequence, sentence.tokens, start)
            return end === undefined ? [] : [`${i}:${start}-${end}`]
          }),
        ),
      ),
    )
    expect(new Set(expected.map((match) => match.split(':')[0])).size).toBe(patterns.length)
    expect(found(index, text).sort()).toEqual(expected.sort())
  })

  it('take patterns added after a match', () => {
    const index = new TokenIndex<number>()
    index.add(sequenceOf('@Cap said'), 0)
    expect(found(index, 'Smith told them.')).toEqual([])
    index.add(sequenceOf('@Cap told'), 1)
    expect(found(index, 'Smith told them.')).toEqual(['1:0-2'])
  })
})
