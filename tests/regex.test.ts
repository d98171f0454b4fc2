import {describe, expect, it} from 'vitest'
import {cannotCrossLines, requiredLiteral, requiredWordChoices} from '../src/regex.js'

describe('cannotCrossLines', () => {
  it('holds for words, spaces, digits, word boundaries, lookarounds and letter properties', () => {
    for (const source of ['\\b(\\d+) per cent\\b', '(?<![\\d.,])([1-9]\\d{0,2}) thousand(?= [a-z])', '(\\p{Lu}\\p{Ll}+) \\1', '[.,;:] [A-Z]', '\\p{Script=Cyrillic}'])
      expect(cannotCrossLines(new RegExp(source, 'gu')), source).toBe(true)
  })

  it('fails for anything that can take a line feed', () => {
    for (const source of ['a\\sb', 'a\\Wb', '\\D+', '[^a-z]', '^The', 'end$', 'a\\nb', '\\x0a', '\\u000a', '\\P{L}', '\\p{Cc}', '\\p{Any}', '[\\t-\\r]'])
      expect(cannotCrossLines(new RegExp(source, 'gu')), source).toBe(false)
    expect(cannotCrossLines(/a.b/gsu)).toBe(false)
    expect(cannotCrossLines(/a b/gmu)).toBe(false)
  })
})

describe('requiredLiteral', () => {
  it('reads the longest run of literal text at the top level', () => {
    expect(requiredLiteral(/(?:the )?(?:song )?["“]Eurovision-(\d{4})["”]/g)).toBe('Eurovision-')
    expect(requiredLiteral(/\b(\d+|one|two)-storey\b/g)).toBe('-storey')
    expect(requiredLiteral(/\bthe (\d{1,2})(?:st|nd|rd|th) of (January|May)\b/g)).toBe('the ')
    expect(requiredLiteral(/ %(?<=\d %)/g)).toBeUndefined()
  })

  it('leaves out what a match may lack: optional characters, groups, classes and lookarounds', () => {
    expect(requiredLiteral(/colou?r scheme/g)).toBe('r scheme')
    expect(requiredLiteral(/(?=Mayor)\w+ said/g)).toBe(' said')
    expect(requiredLiteral(/[Tt]he cat|the dog/g)).toBeUndefined()
    expect(requiredLiteral(/Some Words/gi)).toBeUndefined()
  })

  it('reads escapes whole: a property, a code point or a named back-reference is no literal text', () => {
    expect(requiredLiteral(/\p{Script=Cyrillic}+ word/gu)).toBe(' word')
    expect(requiredLiteral(/\u0041\u0042\u0043/g)).toBeUndefined()
    expect(requiredLiteral(/(?<w>\w+) \k<w>/g)).toBeUndefined()
    expect(requiredLiteral(/\x41bc said/g)).toBe('bc said')
  })

  it('finds text every match contains', () => {
    const cases: Array<[RegExp, string]> = [
      [/\b(?:with|by) (?:the |a )?score (?:of )?(\d{1,2})\s*:\s*(\d{1,2})\b/g, 'The match ended with the score 2:1 and by a score of 3 : 0.'],
      [/\bon (\d[\d.,]*) (percent|%)\b/g, 'Prices rose on 5 percent, wages on 3 %.'],
      [/\b(mark|level) in (?=\$)/g, 'the mark in $90,000 and the level in $5'],
    ]
    for (const [regex, text] of cases) {
      const literal = requiredLiteral(regex)!
      expect(literal, regex.source).toBeDefined()
      for (const match of text.matchAll(regex)) expect(match[0], regex.source).toContain(literal)
    }
  })
})

describe('requiredWordChoices', () => {
  const words = (regex: RegExp): string[][] => requiredWordChoices(regex).map((set) => [...set])

  it('reads a group of plain words bounded on both sides by its first words, spelled as the pattern allows', () => {
    expect(words(/\b([Tt]he|[Aa]) (strike|walkout) of\b/g)).toEqual([['The', 'the', 'A', 'a'], ['strike', 'walkout'], ['of']])
    expect(words(/\b(prime minister|mayor)-(woman|Muslim)\b/g)).toEqual([['prime', 'mayor'], ['woman', 'Muslim']])
    expect(words(/(?<!not )\b(?:often|rarely) (is|was) seen/g)).toEqual([['often', 'rarely'], ['is', 'was']])
  })

  it('takes the words the required literal holds between non-word characters', () => {
    expect(words(/(\d+) degrees (?:higher|warmer) than\b/g)).toEqual([['degrees'], ['higher', 'warmer'], ['than']])
  })

  it('looks past optional phrases, into nested groups and lookaheads for what bounds a word', () => {
    expect(words(/\b(taken|sent)((?: (?!in )[a-z]+)?) in hospital\b/g)).toEqual([['taken', 'sent'], ['in'], ['hospital']])
    // A match may end inside a word: "in hospital" without a boundary also matches "in hospitals".
    expect(words(/\b(taken|sent) in hospital/g)).toEqual([['taken', 'sent'], ['in']])
    expect(words(/\b((?:highest|lowest)(?: [a-z]+)? (?:level|rate)) in\b/g)).toEqual([['highest', 'lowest'], ['in']])
    expect(words(/(\d+) thousand(?= [a-z]|[.;]|,(?! \d))/g)).toEqual([['thousand']])
    expect(words(/\b(big ?|large) deal/g)).toEqual([['big', 'large']])
  })

  it('takes a group after an optional phrase that ends with a non-word character', () => {
    expect(words(/\b([Tt]he|[Aa]) ((?:[\w-]+ )?)(strike|walkout) of\b/g)).toEqual([['The', 'the', 'A', 'a'], ['strike', 'walkout'], ['of']])
    expect(words(/\b(the|a) ((?:[\w-]+)?)(strike|walkout) of\b/g)).toEqual([['the', 'a'], ['of']])
    expect(words(/(?:\d+ )?(strike|walkout) of\b/g)).toEqual([['of']])
  })

  it('leaves out a group a match may skip or may meet inside a longer word', () => {
    expect(words(/(senator|mayor) said/g)).toEqual([])
    expect(words(/\b(senator|mayor)s? said/g)).toEqual([])
    expect(words(/\b(senator|mayor)?\b said/g)).toEqual([])
    expect(words(/\b(senators?|mayor) said/g)).toEqual([])
    expect(words(/\b(senator|\w+ mayor) said/g)).toEqual([])
    expect(words(/\b(big ?|large)deal/g)).toEqual([])
    expect(words(/\b(taken|sent)((?: [a-z]+)?)(?:[a-z]+)? in\b/g)).toEqual([['in']])
    expect(words(/(\d+) thousand(?= [a-z]|[.a-z])/g)).toEqual([])
    expect(words(/(\d+) thousand(?=,|$)/g)).toEqual([])
    expect(words(/\b(?:(?:high|low)est|max) rate\b/g)).toEqual([['rate']])
    expect(words(/\b(senator|mayor) said|\bthe mayor/g)).toEqual([])
    expect(words(/\b(senator|mayor) said/gi)).toEqual([])
  })

  it('names words every match holds as whole words', () => {
    const cases: Array<[RegExp, string]> = [
      [/\b([Tt]he|[Aa]) (strike|walkout) of\b/g, 'The strike of pilots and a walkout of staff; the strike-of-the-year.'],
      [/\b(mayor|senator)-(woman|Muslim)\b/g, 'The mayor-woman met the senator-Muslim and ex-mayor-woman Ann.'],
      [/(?<!not )\b(?:often|rarely) (is|was) seen/g, 'It often is seen; it rarely was seen, not often is seen.'],
      [/\b(taken|sent)((?: (?!in )[a-z]+)?) in hospital/g, 'He was taken in hospital, then sent home in hospital; taken-in hospital.'],
      [/\b((?:highest|lowest)(?: [a-z]+)? (?:level|rate)) in\b/g, 'The highest level in years, the lowest jobless rate in May.'],
      [/(\d+) thousand(?= [a-z]|[.;]|,(?! \d))/g, 'Some 20 thousand people; 30 thousand. And 40 thousand, 5 more.'],
      [/\b([Tt]he|[Aa]) ((?:[\w-]+ )?)(strike|walkout) of\b/g, 'The strike of pilots, a big walkout of staff, the overstrike of x, a pre-strike of y.'],
    ]
    for (const [regex, text] of cases) {
      const wholeWords = (part: string) => new Set(part.match(/\w+/g))
      let matches = 0
      for (const match of text.matchAll(regex)) {
        matches++
        const around = text.slice(0, match.index + match[0].length + 1).slice(Math.max(0, match.index - 1))
        for (const set of requiredWordChoices(regex)) expect([...set].some((word) => wholeWords(around).has(word)), `${regex} ${match[0]}`).toBe(true)
      }
      expect(matches, regex.source).toBeGreaterThan(1)
    }
  })
})
