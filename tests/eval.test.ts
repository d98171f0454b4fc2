import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
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
  // One pipeline for every article, as `npm run eval` scores them: compiling the rules once per
  // article made this the slowest test as the corpus grew.
  const postedit = createPostedit()
  // Articles in the seed's style (English news round-tripped through Russian) were written in
  // session 3 and scored blind first; they stay harder than the Russian-news ones, so each kind
  // keeps its own floor rather than one average that new blind articles would drag down.
  const roundTrip = new Set(
    readBlindList()
      .filter((article) => article.style === 'round-trip')
      .map((article) => article.name),
  )
  it('are at least three, on other topics', () => {
    expect(others.length).toBeGreaterThanOrEqual(3)
    expect(roundTrip.size).toBeGreaterThanOrEqual(3)
    for (const name of roundTrip) expect(others.some((text) => text.name === name), name).toBe(true)
  })
  it('hold floors in the Russian-news style: recall ≥ 0.70, precision ≥ 0.95, fix accuracy ≥ 0.80', () => {
    const summary = summarize(others.filter((text) => !roundTrip.has(text.name)).map((text) => scoreText(postedit, text)))
    expect(summary.recall).toBeGreaterThanOrEqual(0.7)
    expect(summary.precision).toBeGreaterThanOrEqual(0.95)
    expect(summary.fixAccuracy).toBeGreaterThanOrEqual(0.8)
  })
  it("hold floors in the seed's style: recall ≥ 0.55, precision ≥ 0.95, fix accuracy ≥ 0.75", () => {
    const summary = summarize(others.filter((text) => roundTrip.has(text.name)).map((text) => scoreText(postedit, text)))
    expect(summary.recall).toBeGreaterThanOrEqual(0.55)
    expect(summary.precision).toBeGreaterThanOrEqual(0.95)
    expect(summary.fixAccuracy).toBeGreaterThanOrEqual(0.75)
  })
})

function readBlindList(): Array<{name: string; style: string}> {
  return (parse(readFileSync('corpus/src/blind.yml', 'utf8')) as {articles: Array<{name: string; style: string}>}).articles
}
