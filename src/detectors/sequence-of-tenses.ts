/**
 * "will" and "can" reported after a verb of saying in the past: Russian keeps the tense of the
 * words reported («заявил, что будет»), English news moves it back ("said the administration
 * would continue", "said the operation could last weeks"). A round trip through Russian turns
 * "would" back into "will". Both are English when the future is still ahead, so every finding is
 * a suggestion for review.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report} from '../findings.js'
import {sentencesOf, type Token} from '../parse/tokens.js'
import {formsOf} from '../rules/inflect.js'
import {SPEECH_VERBS} from './lexicon.js'

// Past tenses of the verbs that report speech; "has said that it will" (present perfect) keeps "will".
// Not verbs of thinking or finding: "studies showed that exercise can help" states a lasting truth.
const REPORTING_PAST = new Set([...SPEECH_VERBS].map((lemma) => formsOf(lemma).ed))
// Verbs whose object is the person told: "told reporters that", "assured allies that".
const TAKES_PERSON = new Set(['told', 'assured', 'warned', 'informed', 'reminded', 'promised'])
// Before the verb, these make it present perfect or present passive ("has said", "is expected").
const NOT_PAST = new Set(['has', 'have', "'s", 'having', 'is', 'are', 'am', 'be', 'been', 'being', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'should'])
const MODALS = new Map([
  ['will', 'would'],
  ['can', 'could'],
  ['cannot', 'could not'],
  ["won't", "wouldn't"],
  ["can't", "couldn't"],
])
const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'there'])
// A subject holds none of these: they start another clause or are verbs themselves.
const SUBJECT_STOP = new Set(['will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'do', 'does', 'did', 'not', 'that', 'which', 'who', 'whom', 'whose', 'if', 'when', 'whether', 'because', 'while', 'unless', 'until', 'as', 'than', 'so'])
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'its', 'their', 'his', 'her'])
const MAX_BEFORE_THAT = 8
const BACKSHIFTED = new Set(MODALS.values())
const COORDINATORS = new Set(['and', 'but', 'or'])
// A word that opens another clause, whose modal is its own subject's: "… that the state will".
const CLAUSE_OPENERS = new Set(['that', 'which', 'who', 'whom', 'whose', 'if', 'when', 'whether', 'because', 'while', 'unless', 'until', 'as', 'since', 'although', 'though', 'where', 'after', 'before'])
/** How far after a reported modal the next joined one may come. */
const MAX_COORDINATED_GAP = 10
const MAX_SUBJECT = 6

// Adverbs that may stand between "has" and the verb: "I have today assured him".
const BETWEEN_AUXILIARY = new Set(['today', 'already', 'also', 'just', 'now', 'recently', 'never', 'always', 'often', 'repeatedly', 'since', 'long', 'once', 'publicly'])

/** A present perfect or present passive: "has said", "have today assured", "is expected". */
function isNotPast(tokens: Token[], verb: number): boolean {
  const before = tokens[verb - 1]
  if (!before) return false
  if (NOT_PAST.has(before.norm)) return true
  return BETWEEN_AUXILIARY.has(before.norm) && NOT_PAST.has(tokens[verb - 2]?.norm ?? '')
}

/** Index of the first token of the reported clause's subject after the verb at `verb`, or -1. */
function reportedSubjectStart(tokens: Token[], verb: number): number {
  const next = tokens[verb + 1]
  if (!next) return -1
  // "announced the plan that the city will fund": an object, then a relative clause.
  if (DETERMINERS.has(next.norm) && !TAKES_PERSON.has(tokens[verb].norm)) return -1
  if (PRONOUNS.has(next.norm)) return verb + 1
  for (let k = verb + 1; k <= verb + MAX_BEFORE_THAT && k < tokens.length; k++) {
    const token = tokens[k]
    if (token.norm === 'that') return k + 1
    // "told reporters he will", "said Monday it can": a pronoun subject without "that".
    if (PRONOUNS.has(token.norm) && MODALS.has(tokens[k + 1]?.norm ?? '')) return k
    if (token.kind !== 'word' || MODALS.has(token.norm) || SUBJECT_STOP.has(token.norm)) return -1
  }
  return -1
}

export default function retextSequenceOfTenses() {
  return (tree: Root, file: VFile): undefined => {
    for (const {tokens} of sentencesOf(tree, file)) {
      for (let i = 0; i < tokens.length; i++) {
        const verb = tokens[i]
        if (verb.kind !== 'word' || !REPORTING_PAST.has(verb.norm)) continue
        if (isNotPast(tokens, i)) continue
        const first = reportedSubjectStart(tokens, i)
        if (first < 0) continue
        let modal = -1
        for (let k = first; k < tokens.length && k <= first + MAX_SUBJECT; k++) {
          const token = tokens[k]
          if ((MODALS.has(token.norm) || BACKSHIFTED.has(token.norm)) && token.text === token.text.toLowerCase()) {
            modal = k
            break
          }
          if (token.kind !== 'word' || SUBJECT_STOP.has(token.norm)) break
        }
        if (modal <= first) continue
        // "would not recognize … and will appeal": a fix made in an earlier round leaves the joined one.
        const modals = [...(MODALS.has(tokens[modal].norm) ? [modal] : []), ...coordinatedModals(tokens, modal)]
        if (modals.length === 0) continue
        for (const at of modals) reportModal(file, tokens[at], verb)
        i = modals[modals.length - 1]
      }
    }
    return undefined
  }
}

/** Modals of predicates joined to the reported one, sharing its subject: "will not recognize … and will appeal". */
function coordinatedModals(tokens: Token[], modal: number): number[] {
  const found: number[] = []
  let last = modal
  for (let k = modal + 1; k < tokens.length && k <= last + MAX_COORDINATED_GAP; k++) {
    const token = tokens[k]
    if (token.kind !== 'word' && !/^[,\p{Pd}]$/u.test(token.text)) break
    if (CLAUSE_OPENERS.has(token.norm)) break
    const next = tokens[k + 1]
    if (COORDINATORS.has(token.norm) && next && MODALS.has(next.norm) && next.text === next.norm) found.push((last = k + 1))
  }
  return found
}

function reportModal(file: VFile, token: Token, verb: Token): void {
  // The document's own apostrophe stays: "won’t" → "wouldn’t".
  const backshifted = (MODALS.get(token.norm) as string).replace("'", token.text.includes('’') ? '’' : "'")
  report(file, {
    source: 'sequence-of-tenses',
    ruleId: 'reported-future',
    reason: `Unexpected \`${token.text}\` reported after \`${verb.text}\`, expected \`${backshifted}\` (English moves reported speech into the past) unless the event is still ahead`,
    start: token.start,
    end: token.end,
    expected: [backshifted],
    category: 'grammar',
    level: 'suggestion',
    apply: 'review',
  })
}
