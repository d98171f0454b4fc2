import {describe, expect, it} from 'vitest'
import {mapSpan, type EditRound} from '../../src/fix/offset-map.js'
import {applyEdits, selectEdits} from '../../src/fix/select.js'
import {fixToFixpoint} from '../../src/fix/fixpoint.js'
import type {Finding} from '../../src/types.js'
import {withRules} from '../helpers.js'

function finding(start: number, end: number, expected: string[], extra: Partial<Finding> = {}): Finding {
  const point = (offset: number) => ({line: 1, column: offset + 1, offset})
  return {
    source: 'test', ruleId: `r${start}-${end}`, reason: 'x', start: point(start), end: point(end), actual: '',
    expected, category: 'grammar', level: 'error', apply: 'auto', priority: 0, ...extra,
  }
}

describe('choosing fixes', () => {
  const text = 'aaaa bbbb cccc dddd'
  it('resolves overlaps by priority, then longest span, then earliest', () => {
    const low = finding(0, 9, ['LONG'])
    const high = finding(5, 9, ['B'], {priority: 5})
    expect(selectEdits([low, high], text, 'auto').map((e) => e.replacement)).toEqual(['B'])
    const short = finding(5, 9, ['B'])
    expect(selectEdits([short, low], text, 'auto').map((e) => e.replacement)).toEqual(['LONG'])
    const first = finding(0, 4, ['A'])
    const second = finding(0, 4, ['Z'], {ruleId: 'later'})
    expect(selectEdits([second, first], text, 'auto').map((e) => e.replacement)).toEqual(['Z'])
  })

  it('keeps neighbours that only whitespace separates for the next round', () => {
    const edits = selectEdits([finding(0, 4, ['A']), finding(5, 9, ['B']), finding(15, 19, ['D'])], text, 'auto')
    expect(edits.map((e) => e.replacement)).toEqual(['A', 'D'])
  })

  it('applies only what the threshold allows, never "never"', () => {
    const review = finding(0, 4, ['A'], {apply: 'review'})
    const never = finding(10, 14, ['C'], {apply: 'never'})
    expect(selectEdits([review, never], text, 'auto')).toEqual([])
    expect(selectEdits([review, never], text, 'review').map((e) => e.replacement)).toEqual(['A'])
  })

  it('changes nothing outside the chosen spans', () => {
    const edits = selectEdits([finding(5, 9, ['B']), finding(15, 19, ['D'])], text, 'auto')
    expect(applyEdits(text, edits)).toBe('aaaa B cccc D')
  })
})

describe('fixing to a fixpoint', () => {
  it('re-judges dependent fixes on the text the first one left ("This are bad")', () => {
    const rules = withRules(`
rules:
  - id: this-are
    message: x
    apply: auto
    match: "This are"
    replace: These are
  - id: are-bad
    message: x
    apply: auto
    match: "^ This are"
    replace: This is
`)
    const result = rules.fix('This are bad.')
    expect(['These are bad.', 'This is bad.']).toContain(result.output)
    expect(result.applied).toHaveLength(1)
  })

  it('fixing the output again changes nothing, and rounds stop', () => {
    const rules = withRules(`
rules:
  - id: us
    message: x
    apply: auto
    match: US
    caseSensitive: true
    replace: U.S.
  - id: dup
    message: x
    apply: auto
    priority: 10
    match: US US
    caseSensitive: true
    replace: US
`)
    const once = rules.fix('US US officials met US envoys.')
    expect(once.output).toBe('U.S. officials met U.S. envoys.')
    expect(once.converged).toBe(true)
    expect(rules.fix(once.output).output).toBe(once.output)
    expect(rules.fix(once.output).applied).toEqual([])
  })

  it('gives up after the round limit when a rule feeds on its own output', () => {
    let calls = 0
    const result = fixToFixpoint('x', (text) => (calls++, [finding(0, text.length, [text + 'x'])]), {threshold: 'auto'})
    expect(result.converged).toBe(false)
    expect(calls).toBeLessThan(20)
  })
})

describe('mapping spans through edits', () => {
  it('moves spans after an edit and widens a span an edit straddles', () => {
    // "the officials say" ← delete "the " at 0; span of "officials say" shifts left.
    const rounds = [[{start: 0, end: 4, replacement: ''}]]
    expect(mapSpan(4, 17, rounds)).toEqual({start: 0, end: 13})
    expect(mapSpan(0, 17, rounds)).toEqual({start: 0, end: 13})
    const straddle = [[{start: 2, end: 6, replacement: 'XY'}]]
    expect(mapSpan(4, 10, straddle)).toEqual({start: 2, end: 8})
  })

  // The edit-by-edit walk the binary search replaced, kept as an oracle.
  function walk(position: number, round: EditRound, side: 'start' | 'end'): number {
    let delta = 0
    for (const {start, end, replacement} of [...round].sort((a, b) => a.start - b.start)) {
      const grown = replacement.length - (end - start)
      if (end < position || (end === position && start < end)) {
        delta += grown
        continue
      }
      if (start === end && end === position) {
        if (side === 'start') return start + delta
        delta += grown
        continue
      }
      if (start < position && position < end) return side === 'start' ? start + delta : start + delta + replacement.length
      break
    }
    return position + delta
  }

  it('maps every position as walking the edits one by one does: insertions, deletions, boundaries', () => {
    let seed = 7
    const random = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n)
    for (let trial = 0; trial < 300; trial++) {
      // Disjoint edits that never touch, as selection leaves them: some insert, some delete, some replace.
      const round: EditRound = []
      for (let at = random(3); at < 60; at += 2 + random(6)) {
        const length = random(4)
        round.push({start: at, end: at + length, replacement: 'abcdef'.slice(0, random(5))})
        at += length
      }
      for (let start = 0; start <= 70; start++)
        for (const end of [start, start + 1, start + 5]) {
          const first = walk(start, round, 'start')
          const expected = {start: first, end: Math.max(first, walk(end, round, 'end'))}
          expect(mapSpan(start, end, [round])).toEqual(expected)
        }
    }
  })
})

describe('choosing edits among many', () => {
  it('chooses what testing every pair chooses', () => {
    const text = 'a b  c,d e f g h i j k l m n o p q r s t u v w x y z '.repeat(3)
    let seed = 11
    const random = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n)
    // Every pair: overlapping, touching with only whitespace between, or an insertion at the other's edge.
    const pairwise = (findings: Finding[]) => {
      const chosen: Array<{start: number; end: number}> = []
      for (const f of [...findings].sort((a, b) => b.priority - a.priority || b.end.offset - b.start.offset - (a.end.offset - a.start.offset) || a.start.offset - b.start.offset)) {
        const edit = {start: f.start.offset, end: f.end.offset}
        const clash = chosen.some((other) => {
          if (other.start < edit.end && edit.start < other.end) return true
          const [left, right] = other.end <= edit.start ? [other, edit] : [edit, other]
          if (left.end === right.start && (left.start === left.end || right.start === right.end)) return true
          return /^\s*$/.test(text.slice(left.end, right.start))
        })
        if (!clash) chosen.push(edit)
      }
      return chosen.sort((a, b) => a.start - b.start)
    }
    for (let trial = 0; trial < 200; trial++) {
      const findings = Array.from({length: 25}, () => {
        const start = random(text.length)
        return finding(start, Math.min(text.length, start + random(6)), ['#'], {priority: random(3)})
      })
      expect(selectEdits(findings, text, 'auto').map(({start, end}) => ({start, end}))).toEqual(pairwise(findings))
    }
  })
})

describe('apostrophes a fix inserts', () => {
  it('take one kind in a text with none of its own: the kind its double quotes use', async () => {
    const {createPostedit} = await import('../../src/processor.js')
    const postedit = createPostedit()
    const fixed = (text: string) => postedit.fix(text, {apply: 'review'}).output
    const straight = fixed('The Ministry of Commerce of China said "no". The party of Modi lost its majority.')
    expect(straight).toContain("China's Commerce Ministry")
    expect(straight).toContain("Modi's party")
    const curly = fixed('The Ministry of Commerce of China said “no”. The party of Modi lost its majority.')
    expect(curly).toContain('China’s Commerce Ministry')
    expect(curly).toContain('Modi’s party')
  })
})

describe('re-checking only the paragraphs a round changed', () => {
  it('ends where re-checking everything ends, on every annotated text', async () => {
    const {readFileSync, readdirSync} = await import('node:fs')
    const {createPostedit} = await import('../../src/processor.js')
    const postedit = createPostedit()
    const texts = readdirSync('corpus').filter((name) => name.endsWith('.mt.txt')).map((name) => readFileSync(`corpus/${name}`, 'utf8'))
    // Paragraphs side by side, so that rounds touch some and not others.
    const joined = texts.join('\n\n')
    for (const text of [...texts, joined]) {
      const incremental = postedit.fix(text, {apply: 'review'})
      const full = fixToFixpoint(text, (t) => postedit.check(t).findings, {threshold: 'review'})
      expect(incremental.output).toBe(full.output)
      expect(incremental.converged).toBe(true)
      expect(incremental.remaining).toEqual(full.remaining)
    }
  })
})

describe('fixing a text read in pieces', () => {
  it('fixes window by window to the output of fixing the whole text, and the output is a fixpoint', async () => {
    const {readFileSync, readdirSync} = await import('node:fs')
    const {createPostedit} = await import('../../src/processor.js')
    const seed = readFileSync('corpus/gaza-hostage-talks.mt.txt', 'utf8')
    const articles = readdirSync('corpus').filter((name) => name.endsWith('.mt.txt')).sort().slice(0, 30).map((name) => readFileSync(`corpus/${name}`, 'utf8'))
    const postedit = createPostedit({windowSize: 3000})
    for (const text of [`${seed}\n\n${seed}\n\n${seed}`, articles.join('\n\n')])
      for (const apply of ['auto', 'review'] as const) {
        const read = function* (): Generator<string> {
          for (let at = 0; at < text.length; at += 5000) yield text.slice(at, at + 5000)
        }
        const windows = [...postedit.fixStream(read, {apply})]
        expect(windows.length).toBeGreaterThan(5)
        expect(windows.map((window) => window.input).join('')).toBe(text)
        const output = windows.map((window) => window.output).join('')
        const whole = postedit.fix(text, {apply})
        expect(whole.applied.length).toBeGreaterThan(10)
        expect(output).toBe(whole.output)
        expect([...postedit.fixStream(() => [output], {apply})].every((window) => window.applied.length === 0)).toBe(true)
      }
  })
})
