import {describe, expect, it} from 'vitest'
import {loadAnnotatedCorpus, referenceText, scoreClean, scoreText, summarize} from '../src/eval/score.js'
import {createPostedit} from '../src/processor.js'

const corpus = loadAnnotatedCorpus('corpus')
const seed = corpus.find((text) => text.name === 'gaza-hostage-talks')

describe('quality on the annotated corpus', () => {
  it('has the seed article and its gold annotation', () => {
    expect(seed?.gold.length).toBeGreaterThan(50)
  })

  it('holds the seed floors: recall ≥ 0.80, precision ≥ 0.95, fix accuracy ≥ 0.80', () => {
    const summary = summarize([scoreText(createPostedit(), seed!)])
    expect(summary.recall).toBeGreaterThanOrEqual(0.8)
    expect(summary.precision).toBeGreaterThanOrEqual(0.95)
    expect(summary.fixAccuracy).toBeGreaterThanOrEqual(0.8)
    expect(summary.editDistanceRemoved).toBeGreaterThan(0.4)
  })

  it('scores nothing found when nothing is checked, so the floors can fail', () => {
    const none = createPostedit({shippedRules: false, detectors: false})
    const summary = summarize([scoreText(none, seed!)])
    expect(summary.recall).toBe(0)
    expect(summary.editDistanceRemoved).toBe(0)
  })

  it('builds the reference from the first accepted fixes', () => {
    const reference = referenceText('aa bb cc', [{id: 'x', start: 3, end: 5, text: 'bb', category: 'c', severity: 'error', fixes: ['BB']}])
    expect(reference).toBe('aa BB cc')
  })
})

describe('false alarms on clean English', () => {
  it('at most 1 finding per 5,000 words of well-edited text', () => {
    const clean = scoreClean(createPostedit(), 'corpus/clean')
    expect(clean.words).toBeGreaterThan(40_000)
    expect(clean.per5000).toBeLessThanOrEqual(1)
  })
})

describe('the other annotated articles', () => {
  const others = corpus.filter((text) => text.name !== 'gaza-hostage-talks')
  it('are at least three, on other topics', () => {
    expect(others.length).toBeGreaterThanOrEqual(3)
  })
  it('hold floors: recall ≥ 0.70, precision ≥ 0.95, fix accuracy ≥ 0.80', () => {
    const summary = summarize(others.map((text) => scoreText(createPostedit(), text)))
    expect(summary.recall).toBeGreaterThanOrEqual(0.7)
    expect(summary.precision).toBeGreaterThanOrEqual(0.95)
    expect(summary.fixAccuracy).toBeGreaterThanOrEqual(0.8)
  })
})
