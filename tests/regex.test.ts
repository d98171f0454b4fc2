import {describe, expect, it} from 'vitest'
import {cannotCrossLines} from '../src/regex.js'

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
