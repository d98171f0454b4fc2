import {describe, expect, it} from 'vitest'
import {candidatesToRuleFile, mineCandidates, substitutions} from '../../src/rules/mine.js'
import {parseRuleFile} from '../../src/rules/load.js'
import {runRuleExamples} from '../../src/rules/examples.js'

const pairs = [
  {
    name: 'a',
    machine: 'They spoke on the state of anonymity. Talks in Dohi resumed. He informed journalists that no deal exists.',
    edited: 'They spoke on the condition of anonymity. Talks in Doha resumed. He told reporters that no deal exists.',
  },
  {
    name: 'b',
    machine: 'Officials spoke on the state of anonymity about Dohi. Peskov informed journalists on Monday. A one-off edit here.',
    edited: 'Officials spoke on the condition of anonymity about Doha. Peskov told reporters on Monday. A unique edit here.',
  },
]

describe('mining rules from post-edits', () => {
  it('aligns words and collects each substitution with its sentence', () => {
    expect(substitutions(pairs[0])).toEqual([
      {from: 'state', to: 'condition', context: 'They spoke on the state of anonymity.'},
      {from: 'Dohi', to: 'Doha', context: 'Talks in Dohi resumed.'},
      {from: 'informed journalists', to: 'told reporters', context: 'He informed journalists that no deal exists.'},
    ])
  })

  it('anchors an insertion on the word before it', () => {
    expect(substitutions({name: 'c', machine: 'referred to State Department.', edited: 'referred to the State Department.'})).toEqual([
      {from: 'to', to: 'to the', context: 'referred to State Department.'},
    ])
  })

  it('keeps what recurs, most frequent first, and writes rules whose examples hold', () => {
    const candidates = mineCandidates(pairs)
    expect(candidates.map((c) => [c.from, c.to, c.count])).toEqual([
      ['Dohi', 'Doha', 2],
      ['informed journalists', 'told reporters', 2],
      ['state', 'condition', 2],
    ])
    const set = parseRuleFile(candidatesToRuleFile(candidates, 'test'), 'mined.yml')
    expect(set.rules.map((rule) => rule.examples?.length)).toEqual([2, 2, 2])
    expect(runRuleExamples(set).filter((failure) => failure.kind !== 'no-examples')).toEqual([])
  })
})
