import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {DecisionStore, fingerprintOf} from '../../src/review/decisions.js'
import {ReviewSession} from '../../src/review/session.js'
import {createPostedit} from '../../src/processor.js'
import {tempDir, withRules} from '../helpers.js'

const rules = `
rules:
  - id: doha
    message: x
    match: Dohi
    replace: [Doha, Doha's]
  - id: truce
    message: x
    match: expand the truce
    replace: extend the truce
  - id: the-truce
    message: x
    match: the truce
    replace: the ceasefire
`
const text = 'Talks in Dohi resumed. They sought to expand the truce. In Dohi again.'

function session(store?: DecisionStore) {
  const postedit = withRules(rules)
  return new ReviewSession('a.txt', text, postedit.check(text).findings, store)
}

describe('a review session', () => {
  it('walks suggestions in order; accepting one supersedes those it overlaps', () => {
    const review = session()
    expect(review.current?.finding.actual).toBe('Dohi')
    review.accept()
    expect(review.current?.finding.actual).toBe('expand the truce')
    review.accept()
    // "the truce" overlapped the accepted "expand the truce".
    expect(review.current?.finding.actual).toBe('Dohi')
    review.reject()
    expect(review.done).toBe(true)
    expect(review.result()).toBe('Talks in Doha resumed. They sought to extend the truce. In Dohi again.')
  })

  it('accepts alternatives and edits, and undoes a whole rule decision', () => {
    const review = session()
    review.accept("Doha's")
    review.edit('prolong the truce')
    expect(review.decideRule('reject')).toBe(1)
    expect(review.done).toBe(true)
    expect(review.undo()?.finding.actual).toBe('Dohi')
    expect(review.current?.finding.actual).toBe('Dohi')
    expect(review.result()).toBe("Talks in Doha's resumed. They sought to prolong the truce. In Dohi again.")
  })

  it('records decisions; a rejection is not proposed again and an acceptance comes pre-accepted', () => {
    const path = join(tempDir(), 'decisions.json')
    const store = DecisionStore.load(path)
    const first = session(store)
    first.accept()
    first.reject()
    const reloaded = DecisionStore.load(path)
    expect(reloaded.size).toBe(2)
    expect(reloaded.ruleCounts['test/truce']).toEqual({accept: 0, reject: 1, edit: 0})
    const postedit = withRules(rules)
    const findings = postedit.check(text).findings
    const rejected = findings.find((f) => f.ruleId === 'truce')!
    expect(reloaded.isRejected(text, rejected)).toBe(true)
    const second = new ReviewSession('a.txt', text, findings, reloaded)
    expect(second.suggestions.find((s) => s.finding.actual === 'Dohi' && s.finding.start.offset === 9)?.state).toBe('accepted')
  })

  it('fingerprints by rule and wording, so the same suggestion in another file matches', () => {
    const postedit = withRules(rules)
    const [a] = postedit.check('Talks in Dohi resumed.').findings
    const [b] = postedit.check('Other text. Talks in Dohi resumed.').findings
    expect(fingerprintOf('Talks in Dohi resumed.', a)).toBe(fingerprintOf('Other text. Talks in Dohi resumed.', b))
    const [c] = postedit.check('Talks in Dohi failed.').findings
    expect(fingerprintOf('Talks in Dohi failed.', c)).not.toBe(fingerprintOf('Talks in Dohi resumed.', a))
  })
})

describe('fix and check honour decisions', () => {
  it('rejected suggestions are neither reported nor applied; accepted ones are applied without --apply review', () => {
    const path = join(tempDir(), 'decisions.json')
    const store = DecisionStore.load(path)
    const review = session(store)
    review.accept('Doha')
    review.reject()
    const postedit = createPostedit({shippedRules: false, detectors: false, rules: [withRules(rules).ruleSets[0].path], decisions: DecisionStore.load(path)})
    // Only the accepted Dohi is applied: the rest are review-level and the truce one was rejected.
    expect(postedit.fix(text).output).toBe('Talks in Doha resumed. They sought to expand the truce. In Dohi again.')
    expect(postedit.check(text).findings.map((f) => f.actual)).not.toContain('expand the truce')
  })
})
