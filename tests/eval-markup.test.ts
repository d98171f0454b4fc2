import {readFileSync, readdirSync} from 'node:fs'
import {basename, join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseMarkup} from '../src/eval/markup.js'

describe('annotated-text markup', () => {
  it('turns marks into text and gold spans with offsets, fixes and categories', () => {
    const {text, gold} = parseMarkup('Talks in [[Dohi => Doha @entity]] and [[a garble => @rewrite]].', 'T')
    expect(text).toBe('Talks in Dohi and a garble.')
    expect(gold).toEqual([
      {id: 'T01', start: 9, end: 13, text: 'Dohi', category: 'entity', severity: 'error', fixes: ['Doha']},
      {id: 'T02', start: 18, end: 26, text: 'a garble', category: 'rewrite', severity: 'error', fixes: []},
    ])
  })
  it('rejects unbalanced marks', () => {
    expect(() => parseMarkup('broken [[mark => x')).toThrow(/unbalanced/)
  })
  it('names the line of a mark without its " => ", which would otherwise swallow the next mark', () => {
    const source = 'First line.\nIt [[“the unfair”=> “unfair” @grammar]] and [[stated => said @collocation]].'
    expect(() => parseMarkup(source)).toThrow(/line 2: .*near "\[\[“the unfair”/)
  })
  it('the committed corpus files are what their sources give', () => {
    for (const name of readdirSync('corpus/src').filter((file) => file.endsWith('.marked.txt'))) {
      const base = basename(name, '.marked.txt')
      const {text, gold} = parseMarkup(readFileSync(join('corpus/src', name), 'utf8'), base[0].toUpperCase())
      expect(readFileSync(`corpus/${base}.mt.txt`, 'utf8')).toBe(text)
      const committed = JSON.parse(readFileSync(`corpus/${base}.gold.json`, 'utf8')) as {annotations: unknown}
      expect(committed.annotations).toEqual(gold)
    }
  })
})
