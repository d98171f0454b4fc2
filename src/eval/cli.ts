/**
 * npm run eval: score the shipped rules and detectors on every annotated text in corpus/.
 * The seed article is reported apart from the other texts (rules were written looking at it).
 *   --json        machine-readable output
 *   --verbose     list missed spans, wrong fixes and false alarms
 *   --corpus DIR  another folder of annotated texts
 */
import {parseArgs} from 'node:util'
import {createPostedit} from '../processor.js'
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {parse} from 'yaml'
import {loadAnnotatedCorpus, scoreClean, scoreText, summarize, type TextScore} from './score.js'

const SEED = 'gaza-hostage-talks'

const {values} = parseArgs({options: {json: {type: 'boolean'}, verbose: {type: 'boolean'}, corpus: {type: 'string'}}})
const postedit = createPostedit()
const folder = values.corpus ?? 'corpus'
const texts = loadAnnotatedCorpus(folder)
const clean = existsSync(join(folder, 'clean')) ? scoreClean(postedit, join(folder, 'clean')) : undefined
const scores = texts.map((text) => scoreText(postedit, text))
// corpus/src/blind.yml names the articles scored blind and their style: round-trip (English news
// through Russian and back, like the seed) or russian-news.
const blindList = join(folder, 'src', 'blind.yml')
const roundTrip = new Set(
  existsSync(blindList)
    ? (parse(readFileSync(blindList, 'utf8')) as {articles: Array<{name: string; style: string}>}).articles.filter((a) => a.style === 'round-trip').map((a) => a.name)
    : [],
)
const groups = {
  seed: summarize(scores.filter((s) => s.name === SEED)),
  others: summarize(scores.filter((s) => s.name !== SEED)),
  'others, russian-news': summarize(scores.filter((s) => s.name !== SEED && !roundTrip.has(s.name))),
  'others, round-trip': summarize(scores.filter((s) => roundTrip.has(s.name))),
  all: summarize(scores),
}

if (values.json) {
  const cleanSummary = clean && {texts: clean.texts, words: clean.words, findings: clean.findings, per5000: clean.per5000, byRule: clean.byRule}
  process.stdout.write(JSON.stringify({groups, clean: cleanSummary, texts: scores.map(({outcomes: _outcomes, falsePositives: _falsePositives, ...rest}) => rest)}, null, 2) + '\n')
} else {
  const f = (value: number): string => value.toFixed(3)
  const header = ['text', 'spans', 'found', 'recall', 'findings', 'precision', 'fix-acc', 'fixed/fixable', 'dist-removed', 'edits-outside']
  const rows = scores.map((s: TextScore) => {
    const sum = summarize([s])
    return [s.name, s.spans, s.found, f(sum.recall), s.findings, f(sum.precision), f(sum.fixAccuracy), `${s.fixedToAccepted}/${s.fixableSpans}`, f(sum.editDistanceRemoved), s.editsOutsideGold]
  })
  for (const [name, sum] of Object.entries(groups)) {
    if (sum.texts === 0) continue
    rows.push([`[${name}]`, sum.spans, '', f(sum.recall), '', f(sum.precision), f(sum.fixAccuracy), f(sum.fixCoverage), f(sum.editDistanceRemoved), sum.editsOutsideGold])
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)))
  const line = (cells: Array<string | number>): string => cells.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ')
  console.log(line(header))
  for (const row of rows) console.log(line(row))
  if (clean)
    console.log(`\nclean English (${clean.texts} texts, ${clean.words} words): ${clean.findings} findings = ${clean.per5000.toFixed(2)} per 5,000 words`)
  console.log('\nrecall: gold spans overlapped by a finding; precision: findings overlapping a gold span;')
  console.log('fix-acc: found spans that end in an accepted state after applying every first suggestion')
  console.log('(flag-only spans: flagged and left unchanged); fixed/fixable: spans with accepted fixes that were fixed;')
  console.log('dist-removed: share of the edit distance to the reference removed by the fixes.')
  if (values.verbose)
    for (const score of scores) {
      console.log(`\n== ${score.name}`)
      for (const o of score.outcomes.filter((o) => !o.found)) console.log(`  missed  ${o.span.id} ${JSON.stringify(o.span.text)}`)
      for (const o of score.outcomes.filter((o) => o.found && !o.correct))
        console.log(`  wrong   ${o.span.id} ${JSON.stringify(o.span.text)} → ${JSON.stringify(o.after)}  (accepted: ${JSON.stringify(o.span.fixes)})`)
      for (const fp of score.falsePositives) console.log(`  false   ${fp.source}/${fp.ruleId} ${JSON.stringify(fp.actual)} at ${fp.start.line}:${fp.start.column}`)
    }
  if (values.verbose && clean) {
    console.log('\n== clean English')
    for (const {path, finding} of clean.examples) console.log(`  ${path}:${finding.start.line}:${finding.start.column} ${finding.source}/${finding.ruleId} ${JSON.stringify(finding.actual)}`)
  }
}
