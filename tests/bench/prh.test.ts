import {describe, expect, it} from 'vitest'
import {spellOutPattern} from '../../src/bench/prh.js'

describe('spelling rules out for the prh peer', () => {
  it('spells choices and optional words into every phrase they match', () => {
    expect(spellOutPattern('[the|a] state of? anonymity')?.sort()).toEqual(['a state anonymity', 'a state of anonymity', 'the state anonymity', 'the state of anonymity'])
  })

  it('spells a word form element into the forms the rule engine matches', () => {
    const phrases = spellOutPattern('<refer> to')
    expect(phrases).toContain('referred to')
    expect(phrases).toContain('refers to')
  })

  it('gives up on what prh cannot take as a phrase', () => {
    expect(spellOutPattern('the @Cap party')).toBeUndefined()
    expect(spellOutPattern('in * years')).toBeUndefined()
    expect(spellOutPattern('/\\d+/ people')).toBeUndefined()
  })

  it('leaves out a phrase prh would compile into an invalid regex', () => {
    expect(spellOutPattern('[press-conference|press conference]')).toEqual(['press conference'])
  })
})
