/**
 * A past or present tense where English needs the present perfect, because a "since" phrase
 * reaches up to now. Russian has no perfect: «С ноября хуситы атаковали…» comes out as "Since
 * November the Houthis attacked…" ("have attacked"), «граница закрыта с марта» as "the border is
 * closed since March" ("has been closed").
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report} from '../findings.js'
import {sentencesOf, type Token} from '../parse/tokens.js'
import {formsOf, lemmaOf} from '../rules/inflect.js'
import {COMMON_ADVERBS, MONTH_NAMES, SAYING_VERBS, startsUpper, subjectIsPlural, WEEKDAY_NAMES} from './lexicon.js'

const MONTHS = new Set(MONTH_NAMES.map((name) => name.toLowerCase()))
const WEEKDAYS = new Set(WEEKDAY_NAMES.map((name) => name.toLowerCase()))
const PERIODS = new Set(['week', 'month', 'year', 'spring', 'summer', 'autumn', 'fall', 'winter', 'weekend', 'decade'])
const MILESTONES = new Set(['beginning', 'start', 'end', 'outbreak', 'middle'])
// Words that end a subject before its verb could come: "Since 2019, when he took office…".
const NOT_IN_SUBJECT = new Set(['when', 'which', 'who', 'after', 'as', 'before', 'that', 'while', 'has', 'have', 'had', 'was', 'were', 'is', 'are', 'will', 'would', 'could', 'can', 'should', 'may', 'might', 'must', 'did', 'does', 'do', 'not', 'never', 'also', 'only', 'already'])
const MAX_SUBJECT = 4
// Verbs of a lasting state or activity: "the party rules the country since 1966" ("has ruled").
const LASTING_VERBS = new Set(['rule', 'govern', 'lead', 'head', 'run', 'control', 'occupy', 'hold', 'own', 'chair', 'live', 'work', 'serve', 'reside', 'remain', 'stay', 'operate', 'belong', 'exist', 'last', 'continue', 'coach', 'manage', 'represent', 'dominate'])
/** "rules" → rule: the third-person forms of the lasting verbs. */
const LASTING_BY_FORM = new Map([...LASTING_VERBS].map((lemma) => [formsOf(lemma).s, lemma]))
const BEFORE_A_NOUN = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'new', 'these', 'those'])
/** How many words may stand between such a verb and "since": "rules the country", "lives in Paris". */
const MAX_OBJECT = 4
// States a subject is in, like a participle, up to now: "the party is in power since 1990".
const STATE_PHRASES = new Set([
  'in power', 'in office', 'in force', 'in effect', 'in custody', 'in prison', 'in jail', 'in detention', 'in exile',
  'in hiding', 'in place', 'in operation', 'at war', 'on strike', 'under arrest', 'under sanctions', 'under siege',
])

/** The index one past a time expression starting at `start` ("November 2023", "2022", "then", "the start of the war"), or undefined. */
function timeEnd(tokens: Token[], start: number): number | undefined {
  const word = tokens[start]
  if (!word) return undefined
  if (MONTHS.has(word.norm) && startsUpper(word.text)) {
    let end = start + 1
    while (end < tokens.length && /^\d{1,4}$/.test(tokens[end].text)) end++
    return end
  }
  // «с обретения независимости»: "since (the) independence" is a point in time like a year.
  if (word.norm === 'the' && tokens[start + 1]?.norm === 'independence' && tokens[start + 2]?.norm !== 'of') return start + 2
  if (WEEKDAYS.has(word.norm) || word.norm === 'then' || word.norm === 'independence' || /^(1[5-9]|20)\d\d$/.test(word.text)) return start + 1
  if (['last', 'early', 'late', 'mid'].includes(word.norm) && tokens[start + 1] && (PERIODS.has(tokens[start + 1].norm) || /^(1[5-9]|20)\d\d$/.test(tokens[start + 1].text))) return start + 2
  if (word.norm === 'the' && tokens[start + 1] && MILESTONES.has(tokens[start + 1].norm) && tokens[start + 2]?.norm === 'of') {
    // "the start of the war", "the beginning of 2024": to the end of the noun phrase.
    let end = start + 3
    if (tokens[end]?.norm === 'the') end++
    return tokens[end]?.kind === 'word' ? end + 1 : undefined
  }
  return undefined
}

/** A lower-case past-tense verb, with its lemma. */
function pastTense(token: Token): string | undefined {
  if (token.kind !== 'word' || token.text !== token.norm || token.norm.length < 3) return undefined
  const lemma = lemmaOf(token.norm)
  if (lemma === token.norm) return undefined
  return formsOf(lemma).ed === token.norm ? lemma : undefined
}


export default function retextPerfectSince() {
  return (tree: Root, file: VFile): undefined => {
    const text = String(file.value)
    for (const {tokens} of sentencesOf(tree, file)) {
      // Most sentences have no "since": nothing below can fire in them.
      if (!tokens.some((token) => token.norm === 'since')) continue
      reportSinceFirst(file, text, tokens)
      reportCopulaBeforeSince(file, text, tokens)
      reportPresentBeforeSince(file, text, tokens)
    }
    return undefined
  }
}

/** "Since November 2023 the Houthis attacked more than 100 ships." */
function reportSinceFirst(file: VFile, text: string, tokens: Token[]): void {
  const since = tokens.findIndex((token) => token.kind === 'word')
  if (since < 0 || tokens[since].norm !== 'since') return
  const end = timeEnd(tokens, since + 1)
  if (end === undefined) return
  const subjectStart = tokens[end]?.text === ',' ? end + 1 : end
  for (let verb = subjectStart + 1; verb <= subjectStart + MAX_SUBJECT && verb < tokens.length; verb++) {
    const token = tokens[verb]
    if (token.kind !== 'word' || NOT_IN_SUBJECT.has(token.norm)) return
    const lemma = pastTense(token)
    if (!lemma) continue
    // "Since then, officials said, …" is an aside, not the clause's verb.
    if (SAYING_VERBS.has(lemma) && [',', 'that'].includes(tokens[verb + 1]?.norm ?? '')) return
    const words = tokens.slice(subjectStart, verb)
    // "we've regularly filed": the perfect is there already.
    if (words.some((word) => word.kind !== 'word' || NOT_IN_SUBJECT.has(word.norm) || /['’](ve|d)$/.test(word.norm))) return
    // "prices steadily rose" → "prices have steadily risen": the auxiliary goes before adverbs.
    let adverbs = words.length
    while (adverbs > 1 && (COMMON_ADVERBS.has(words[adverbs - 1].norm) || /ly$/.test(words[adverbs - 1].norm))) adverbs--
    const subject = words.slice(0, adverbs)
    const between = words.slice(adverbs).map((word) => word.text)
    const phrase = [text.slice(subject[0].start, subject[subject.length - 1].end), subjectIsPlural(subject) ? 'have' : 'has', ...between, formsOf(lemma).pp].join(' ')
    reportPerfect(file, words[0].start, token.end, `Unexpected past tense \`${token.text}\` with \`since\`, expected the present perfect \`${phrase}\``, phrase)
    return
  }
}

/** "The border is closed since March." */
function reportCopulaBeforeSince(file: VFile, text: string, tokens: Token[]): void {
  for (let i = 0; i + 3 < tokens.length; i++) {
    const copula = tokens[i]
    if (copula.norm !== 'is' && copula.norm !== 'are') continue
    const participle = tokens[i + 1]
    const stateLength = STATE_PHRASES.has(`${participle.norm} ${tokens[i + 2].norm}`) ? 2 : 1
    const since = tokens[i + 1 + stateLength]
    if (since?.norm !== 'since' || timeEnd(tokens, i + 2 + stateLength) === undefined) continue
    if (stateLength === 1 && (participle.kind !== 'word' || participle.text !== participle.norm || !/(ed|en|wn)$/.test(participle.norm))) continue
    const state = tokens[i + stateLength]
    const auxiliary = copula.norm === 'is' ? 'has been' : 'have been'
    const predicate = text.slice(participle.start, state.end)
    reportPerfect(file, copula.start, state.end, `Unexpected \`${copula.text} ${predicate}\` with \`since\`, expected \`${auxiliary} ${predicate}\``, `${auxiliary} ${predicate}`)
  }
}

/** "The party, which rules the country since 1966, …" */
function reportPresentBeforeSince(file: VFile, text: string, tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const verb = tokens[i]
    const lemma = verb.text === verb.norm ? LASTING_BY_FORM.get(verb.norm) : undefined
    if (!lemma) continue
    // "the rules since 2020": a noun after a determiner.
    if (BEFORE_A_NOUN.has(tokens[i - 1]?.norm ?? '')) continue
    let since = i + 1
    while (since < tokens.length && since <= i + 1 + MAX_OBJECT && tokens[since].kind === 'word' && tokens[since].norm !== 'since') since++
    if (tokens[since]?.norm !== 'since' || timeEnd(tokens, since + 1) === undefined) continue
    const perfect = `has ${formsOf(lemma).pp}`
    reportPerfect(file, verb.start, verb.end, `Unexpected present \`${verb.text}\` with \`since\`, expected the present perfect \`${perfect}\``, perfect)
  }
}

/** Every finding here is the same kind: a tense the "since" phrase wants as a present perfect. */
function reportPerfect(file: VFile, start: number, end: number, reason: string, expected: string): void {
  report(file, {source: 'perfect-since', ruleId: 'perfect-after-since', reason, start, end, expected: [expected], category: 'grammar', level: 'suggestion', apply: 'review'})
}
