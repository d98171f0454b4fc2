import {describe, expect, it} from 'vitest'
import {parseTemplate, preserveCase, renderTemplate, replacementAlreadyThere, TemplateError} from '../../src/rules/replace.js'

const captures = (values: Record<number, string>, lemmaSlots: Array<{lemma: string; word: string}> = []) => ({
  capture: (index: number) => values[index],
  lemmaOfCapture: () => undefined,
  lemmaSlots,
})

describe('case preservation', () => {
  it('carries capitals into the replacement', () => {
    expect(preserveCase('Qatar', 'KATAR', false)).toBe('QATAR')
    expect(preserveCase('on the condition of anonymity', 'ON THE STATE OF ANONYMITY', false)).toBe('ON THE CONDITION OF ANONYMITY')
  })
  it('keeps a sentence-initial capital, and only there', () => {
    expect(preserveCase('extend the truce', 'Expand the truce', true)).toBe('Extend the truce')
    expect(preserveCase('the Gaza Strip', 'Gaza’s belt', false)).toBe('the Gaza Strip')
    expect(preserveCase('the Gaza Strip', 'Gaza’s belt', true)).toBe('The Gaza Strip')
  })
  it('keeps a capital on a first word the replacement keeps', () => {
    expect(preserveCase('direct talks', 'Direct conversations', false)).toBe('Direct talks')
  })
  it('carries a capital from an article to whatever replaces it (a sentence start the parser missed)', () => {
    expect(preserveCase('a large-scale power outage', 'The large-scale outage of the electricity', false)).toBe('A large-scale power outage')
    expect(preserveCase('environment ministers', 'The ministers of the environment', false)).toBe('Environment ministers')
    expect(preserveCase('the Nobel Peace Prize', 'Nobel prize of the world', false)).toBe('the Nobel Peace Prize')
  })
  it('uses the replacement as written for lower-case matches', () => {
    expect(preserveCase('Qatar', 'katar', false)).toBe('Qatar')
  })
  it('does not shout a spelled-out acronym', () => {
    expect(preserveCase('United Nations', 'UN', false)).toBe('United Nations')
  })
  it('reads letters beyond ASCII and skips what is not a letter', () => {
    expect(preserveCase('Türkiye', 'TURTSIYA', false)).toBe('TÜRKIYE')
    expect(preserveCase('éclair', 'Éclairs', true)).toBe('Éclair')
    expect(preserveCase('«ébauche»', '“Ébauche”', true)).toBe('«Ébauche»')
    expect(preserveCase('𝒜lpha', 'Beta', true)).toBe('𝒜lpha')
  })
})

describe('templates', () => {
  it('closes the gap an empty capture leaves, but keeps a space the template opens or closes with', () => {
    const names = new Map<string, number>()
    expect(renderTemplate(parseTemplate(' $1 $2-fold', names), captures({2: 'three'}))).toBe(' three-fold')
    expect(renderTemplate(parseTemplate(' $1 $2-fold', names), captures({1: 'more than', 2: '10'}))).toBe(' more than 10-fold')
    expect(renderTemplate(parseTemplate('$1 of $2', names), captures({2: 'them'}))).toBe('of them')
  })
  it('makes a template\'s "a" or "an" agree with the word a capture puts after it, or the next word when the capture is empty', () => {
    const names = new Map([['kind', 1]])
    const parts = parseTemplate('on a $kind visit', names)
    expect(renderTemplate(parts, captures({1: 'official'}))).toBe('on an official visit')
    expect(renderTemplate(parts, captures({1: 'state'}))).toBe('on a state visit')
    expect(renderTemplate(parts, captures({1: 'one-day'}))).toBe('on a one-day visit')
    expect(renderTemplate(parseTemplate('on an $kind visit', names), captures({}))).toBe('on a visit')
    expect(renderTemplate(parseTemplate('A $1 rise', names), captures({1: 'unexpected'}))).toBe('An unexpected rise')
    expect(renderTemplate(parseTemplate('a $1-year-old', names), captures({1: '18'}))).toBe('an 18-year-old')
    expect(renderTemplate(parseTemplate('an $1 official', names), captures({1: 'U.S.'}))).toBe('a U.S. official')
    expect(renderTemplate(parseTemplate('an $1 agent', names), captures({1: 'FBI'}))).toBe('an FBI agent')
    // Articles the template does not put before a capture are its own business.
    expect(renderTemplate(parseTemplate('a $1', names), captures({1: 'hour'}))).toBe('an hour')
    expect(renderTemplate(parseTemplate('$1 an apple', names), captures({1: 'eat'}))).toBe('eat an apple')
  })
  it('fills captures and tidies the spaces empty ones leave', () => {
    expect(renderTemplate(parseTemplate('$1 the $2'), captures({1: 'to', 2: 'State Department'}))).toBe('to the State Department')
    expect(renderTemplate(parseTemplate('$1 ceasefire'), captures({}))).toBe('ceasefire')
  })
  it('re-inflects like the matched word form', () => {
    const parts = parseTemplate('<secure> the release of')
    expect(renderTemplate(parts, captures({}, [{lemma: 'provide', word: 'providing'}]))).toBe('securing the release of')
    expect(renderTemplate(parts, captures({}, [{lemma: 'provide', word: 'provided'}]))).toBe('secured the release of')
  })
  it('gives a named form of a captured word', () => {
    expect(renderTemplate(parseTemplate('were <$2:pp>'), captures({2: 'took'}))).toBe('were taken')
  })
  it('rejects unknown forms', () => {
    expect(() => parseTemplate('<take:past>')).toThrow(TemplateError)
  })
})

describe('a replacement already in the text', () => {
  it('is detected around the match', () => {
    const text = 'fighting in the Gaza Strip continued'
    const start = text.indexOf('Gaza')
    expect(replacementAlreadyThere(text, start, start + 4, 'Gaza Strip')).toBe(true)
    const other = 'fighting in Gaza continued'
    const at = other.indexOf('Gaza')
    expect(replacementAlreadyThere(other, at, at + 4, 'Gaza Strip')).toBe(false)
  })
  it('counts a change of case as a change', () => {
    expect(replacementAlreadyThere('western officials', 0, 17, 'Western officials')).toBe(false)
    expect(replacementAlreadyThere('Western officials', 0, 17, 'Western officials')).toBe(true)
  })
})
