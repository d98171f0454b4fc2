/**
 * ", having + participle" for the Russian perfective gerund: "won the election, having gained 29
 * percent", "destroyed 2,000 buildings and having forced 100,000 people to flee". English news
 * writes the -ing form for a result or an accompanying action ("gaining 29 percent", "forcing").
 * Only after a comma or "and" inside a sentence: "Having lost the vote, he resigned" and "after
 * having lost" are English, and "having been" is a passive this detector leaves to a person.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report} from '../findings.js'
import {sentencesOf, type Token} from '../parse/tokens.js'
import {inflect, isPastForm, lemmaOf} from '../rules/inflect.js'

// A participle whose -ing form is no English for what it says ("having had" is a possession), and
// verbs of experience, where the perfect is English for something done before ("He retired in
// 2010, having served for thirty years", "having witnessed the war"): the calque gives a result.
const NOT_REWRITTEN = new Set(['been', 'had', 'got', 'gotten'])
const EXPERIENCE = new Set([
  'served', 'lived', 'worked', 'spent', 'come', 'arrived', 'returned', 'witnessed', 'seen', 'observed', 'experienced',
  'known', 'studied', 'learned', 'learnt', 'graduated', 'retired', 'received', 'dealt', 'suffered', 'endured', 'survived',
  'fought', 'completed', 'finished', 'read', 'heard', 'met', 'visited', 'traveled', 'travelled', 'grown', 'done',
  'taught', 'written', 'failed', 'tried', 'waited', 'stayed', 'remained',
  // A win reported after the match it came from: "won the cup, having beaten Traktor".
  'beaten', 'defeated',
])
// "having served for thirty years", "having lived there since 1990": a span of time before.
const DURATION = new Set(['for', 'since', 'during', 'throughout'])

// «Получив 28 процентов голосов»: a share of the vote received is a share won, not an experience.
const VOTE_SHARE_WON = new Set(['received', 'obtained'])
const APPROXIMATELY = new Set(['about', 'nearly', 'almost', 'around', 'roughly', 'some', 'over', 'more', 'than', 'less', 'just', 'under'])

function votesFollow(tokens: readonly Token[], from: number): boolean {
  let i = from
  while (APPROXIMATELY.has(tokens[i]?.norm ?? '')) i++
  if (!/^\d/.test(tokens[i]?.norm ?? '')) return false
  const unit = tokens[i + 1]?.norm
  return unit === '%' || unit === 'percent' || unit === 'per' || unit === 'votes' || unit === 'seats'
}

const FINITE_AFTER = new Set(['will', 'would', 'has', 'have', 'had', 'is', 'was', 'are', 'were', 'can', 'could', 'said', 'says'])

/**
 * "New Zealand, having won the toss, chose to bat": the phrase stands between the subject and its
 * verb, where English puts an earlier action; the calque closes a clause with its result.
 */
function parentheticalBeforeVerb(tokens: readonly Token[], having: number, from: number): boolean {
  const finite = (token: Token): boolean =>
    token.kind === 'word' && token.text === token.norm && (FINITE_AFTER.has(token.norm) || isPastForm(token.norm))
  // The clause before must have no verb of its own: "The quake struck, having killed 800, officials said" closes a clause.
  for (let k = 0; k < having; k++) if (finite(tokens[k])) return false
  for (let k = from; k + 1 < tokens.length; k++) {
    const token = tokens[k]
    if (token.norm === '.' || token.norm === ';' || token.norm === 'and') return false
    if (token.norm !== ',') continue
    return finite(tokens[k + 1])
  }
  return false
}

// «Заявив», «указав»: a statement is reported with "saying".
const SAYING = new Set(['stated', 'declared', 'indicated', 'asserted', 'said'])

export default function retextPerfectiveGerund() {
  return (tree: Root, file: VFile): undefined => {
    for (const {tokens} of sentencesOf(tree, file)) {
      for (let i = 1; i + 1 < tokens.length; i++) {
        const having: Token = tokens[i]
        if (having.norm !== 'having') continue
        // ", not having signed" → "without signing".
        const negated = tokens[i - 1].norm === 'not' && tokens[i - 2]?.norm === ','
        const before = negated ? tokens[i - 2] : tokens[i - 1]
        const participle = tokens[i + 1]
        if (before.norm !== ',' && !(before.norm === 'and' && i > 1 && tokens[i - 2].kind === 'word')) continue
        const voteShare = VOTE_SHARE_WON.has(participle.norm) && votesFollow(tokens, i + 2)
        if (participle.kind !== 'word' || participle.text !== participle.norm || NOT_REWRITTEN.has(participle.norm)) continue
        if (EXPERIENCE.has(participle.norm) && !voteShare) continue
        if (!isPastForm(participle.norm) || DURATION.has(tokens[i + 2]?.norm ?? '')) continue
        if (parentheticalBeforeVerb(tokens, i, i + 2)) continue
        const citing = participle.norm === 'referred' && tokens[i + 2]?.norm === 'to'
        const end = citing ? tokens[i + 2] : participle
        let gerund = citing ? 'citing' : SAYING.has(participle.norm) ? 'saying' : voteShare ? 'winning' : inflect(lemmaOf(participle.norm), 'ing')
        if (negated) gerund = `without ${gerund}`
        const start = negated ? tokens[i - 1] : having
        const actual = String(file.value).slice(start.start, end.end)
        report(file, {
          source: 'perfective-gerund',
          ruleId: 'having-participle',
          reason: `Unexpected \`${actual}\`, expected \`${gerund}\`: English gives the result of an action with the -ing form`,
          start: start.start,
          end: end.end,
          expected: [gerund],
          category: 'grammar',
          level: 'suggestion',
          apply: 'review',
        })
      }
    }
    return undefined
  }
}
