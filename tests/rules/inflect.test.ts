import {describe, expect, it} from 'vitest'
import {formNameOf, formsOf, inflect, lemmaOf, matchForms} from '../../src/rules/inflect.js'

describe('word forms', () => {
  it('inflects regular verbs, with e-dropping, y-changing and consonant doubling', () => {
    expect(formsOf('provide')).toEqual({base: 'provide', s: 'provides', ed: 'provided', pp: 'provided', ing: 'providing'})
    expect(formsOf('carry')).toMatchObject({s: 'carries', ed: 'carried', ing: 'carrying'})
    expect(formsOf('refer')).toMatchObject({ed: 'referred', ing: 'referring'})
    expect(formsOf('repel')).toMatchObject({ed: 'repelled', ing: 'repelling'})
    expect(formsOf('stop')).toMatchObject({ed: 'stopped', ing: 'stopping'})
    expect(formsOf('visit')).toMatchObject({ed: 'visited', ing: 'visiting'})
  })

  it('knows irregular verbs', () => {
    expect(formsOf('take')).toEqual({base: 'take', s: 'takes', ed: 'took', pp: 'taken', ing: 'taking'})
    expect(formsOf('light')).toMatchObject({ed: 'lit', pp: 'lit'})
    expect(formsOf('be')).toMatchObject({s: 'is', ed: 'was', pp: 'been'})
  })

  it('inflects the head of a phrase', () => {
    expect(inflect('take part', 'ing')).toBe('taking part')
  })

  it('matches every form, including doubling it cannot predict', () => {
    const forms = matchForms('refer')
    for (const form of ['refer', 'refers', 'referred', 'referring']) expect(forms).toContain(form)
  })

  it('names the form of a word and finds a lemma back', () => {
    expect(formNameOf('provide', 'providing')).toBe('ing')
    expect(formNameOf('take', 'took')).toBe('ed')
    expect(formNameOf('take', 'taken')).toBe('pp')
    expect(lemmaOf('took')).toBe('take')
    expect(lemmaOf('referred')).toBe('refer')
    expect(lemmaOf('abducted')).toBe('abduct')
    expect(lemmaOf('moved')).toBe('move')
  })

  it('undoubles a final -l of a longer verb but keeps the double letter of kill, install and retell', () => {
    const words = ['patrolling', 'controlled', 'compelling', 'killing', 'installing', 'retelling', 'filled']
    expect(words.map(lemmaOf)).toEqual(['patrol', 'control', 'compel', 'kill', 'install', 'retell', 'fill'])
  })

  it('gives back the silent e a stem cannot end without, and only there', () => {
    const words = ['achieved', 'produced', 'created', 'decided', 'changed', 'refused', 'treated', 'avoided', 'focused', 'visited', 'belonged', 'piloted']
    expect(words.map(lemmaOf)).toEqual(['achieve', 'produce', 'create', 'decide', 'change', 'refuse', 'treat', 'avoid', 'focus', 'visit', 'belong', 'pilot'])
  })
})
