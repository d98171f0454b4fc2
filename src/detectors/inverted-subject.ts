/**
 * Russian word order leaking into English clauses: the verb before its subject.
 * - a report attributed verb-first: "…, reported the press service of the court." («сообщила
 *   пресс-служба суда») → "…, the press service of the court said.";
 * - a passive whose counted subject trails: "were wounded 17 people" («были ранены 17 человек»)
 *   → "17 people were wounded";
 * - a verb whose definite subject trails after a place phrase: "In the kindergarten was damaged the
 *   facade" («в детском саду был повреждён фасад») → "the facade was damaged".
 * English inverts only after "said" in quotations ("…,” said Mr. Alexander."), which stays alone.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report} from '../findings.js'
import {sentencesOf, type Token} from '../parse/tokens.js'
import {capitalize, looksPlural, MONTH_NAMES, startsUpper, WEEKDAY_NAMES} from './lexicon.js'

/** Verbs English never puts before their subject; what a report says instead. */
const INVERTED_REPORTING = new Map<string, string | undefined>([
  ['reported', 'said'],
  ['informed', 'said'],
  ['stated', 'said'],
  ['reports', 'says'],
  ['informs', 'says'],
  ['states', 'says'],
  ['announced', undefined],
  ['noted', undefined],
  ['note', undefined],
  ['notes', undefined],
  ['specified', undefined],
  ['clarified', undefined],
  ['emphasized', undefined],
  ['emphasised', undefined],
  ['stressed', undefined],
  ['explained', undefined],
  ['assured', undefined],
  ['declared', 'said'],
  ['declares', 'says'],
])

/** Verbs of reporting that may name their speaker through "in" («сообщили в …», «заявили в …»). */
const REPORT_VERBS = new Set([
  'reported', 'informed', 'said', 'told', 'stated', 'noted', 'announced', 'explained', 'confirmed', 'stressed',
  'clarified', 'specified', 'emphasized', 'added',
])

/** What the speaker does in English: report verbs become "said" / "says", the rest stay. */
function sayingFor(verb: Token): string {
  if (/^(reported|informed|stated|said|told)$/.test(verb.norm)) return 'said'
  return INVERTED_REPORTING.get(verb.norm) ?? verb.text
}

/** Nouns that name who reports: the subject a report verb lost. */
const SPEAKERS = new Set([
  'service', 'office', 'ministry', 'department', 'representative', 'representatives', 'spokesman', 'spokeswoman',
  'spokesperson', 'official', 'officials', 'company', 'agency', 'police', 'court', 'administration', 'governor',
  'mayor', 'minister', 'committee', 'commission', 'authorities', 'press', 'forces', 'force', 'military', 'army',
  'command', 'headquarters', 'operator', 'utility', 'bank', 'alliance', 'government', 'prosecutor', 'prosecutors',
  'investigators', 'committee', 'council', 'embassy', 'mission', 'staff', 'source', 'sources', 'witnesses',
  'rescuers', 'service', 'center', 'centre', 'organization', 'organisation', 'agency', 'newspaper', 'channel',
  'publication', 'head', 'chief', 'director', 'chairman', 'president', 'secretary', 'leader', 'leaders', 'lawyer',
  'lawyers', 'correspondent', 'broadcaster', 'regulator', 'cabinet', 'kremlin', 'pentagon', 'family', 'relatives',
  'team', 'club', 'label', 'publisher', 'manager', 'agent', 'palace', 'household', 'bureau',
  'analysts', 'analyst', 'experts', 'expert', 'economists', 'observers', 'scientists', 'researchers', 'doctors',
  // Groups that speak for themselves: «сообщила повстанческая группировка», «объявили организаторы».
  'organizers', 'organisers', 'group', 'rebels', 'movement', 'jury', 'judges', 'activists', 'monitors', 'union',
  'unions', 'party', 'campaign', 'federation', 'association', 'foundation', 'institute', 'university', 'hospital',
  'airline', 'carrier', 'airport',
  // Emergency crews and those who speak for them: «сообщили пожарные», «заявили спасатели».
  'firefighters', 'paramedics', 'medics', 'coastguard', 'guard', 'navy', 'troops', 'soldiers',
])
// "…, reported his family": a possessive opens the subject as "the" does.
const SUBJECT_OPENERS = new Set(['the', 'his', 'her', 'their', 'its'])

/** Words that end the subject noun phrase: what follows it is an adjunct, not part of the name. */
const PHRASE_ENDS = new Set([
  'after', 'on', 'in', 'at', 'during', 'before', 'following', 'via', 'to', 'for', 'with', 'from', 'citing',
  'according', 'late', 'earlier', 'later', 'today', 'yesterday', 'on', 'by', 'as', 'while', 'when', 'that', 'which',
  'who', 'about', 'over', 'against', 'under', 'into', 'through', 'between', 'among', 'without', 'within', 'near',
  'across', 'per', 'since', 'until', 'it', 'this', 'them',
])

const BE = new Set(['was', 'were', 'is', 'are'])
const PLURAL_BE = new Map([['was', 'were'], ['is', 'are']])
const SINGULAR_BE = new Map([['were', 'was'], ['are', 'is']])
const PREPOSITIONS = new Set(['in', 'at', 'for', 'on', 'during', 'from', 'among', 'by', 'near', 'after', 'before', 'since', 'under', 'against', 'as', 'with', 'without', 'over'])
const INTRANSITIVE = new Set(['died', 'voted', 'arrived', 'remained', 'live', 'lived', 'participated', 'came', 'gathered', 'perished', 'drowned', 'stayed', 'work', 'worked', 'abstained', 'attended'])
/** Who can be the subject of those verbs: "voted 312 deputies", not "gathered 500 signatures". */
const PEOPLE = new Set([
  'people', 'persons', 'residents', 'citizens', 'deputies', 'lawmakers', 'senators', 'members', 'soldiers', 'servicemen',
  'civilians', 'children', 'adults', 'tourists', 'passengers', 'workers', 'employees', 'students', 'patients',
  'journalists', 'protesters', 'participants', 'volunteers', 'spectators', 'fans', 'delegates', 'voters', 'miners',
  'rescuers', 'firefighters', 'police', 'officers', 'doctors', 'teachers', 'man', 'woman', 'person', 'child',
  // Voting and taking part: "For the document voted 124 countries".
  'countries', 'states', 'nations', 'delegations', 'delegates',
])
const ADVERBS = new Set(['also', 'now', 'still', 'already', 'reportedly', 'officially'])
const QUANTIFIERS = ['about', 'at least', 'more than', 'nearly', 'over', 'some', 'around', 'up to', 'almost', 'another', 'all'].map((phrase) => phrase.split(' '))
const NUMBER_WORDS = new Set([
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'dozens', 'hundreds',
  'thousands', 'several', 'many',
])
// With the predicate adjectives a count trails as well: «присутствовали 13 тысяч зрителей».
const IRREGULAR_PARTICIPLES = new Set(['hurt', 'held', 'taken', 'found', 'left', 'shot', 'hit', 'born', 'caught', 'brought', 'put', 'sent', 'given', 'seen', 'stolen', 'broken', 'hidden', 'sold', 'built', 'thrown', 'present', 'absent'])
/** Counted units: "prices were raised 20 points", "were sentenced 5 years" are not subjects. */
const UNITS = new Set([
  'times', 'hours', 'days', 'weeks', 'months', 'years', 'minutes', 'seconds', 'points', 'degrees', 'dollars', 'euros',
  'rubles', 'roubles', 'meters', 'metres', 'kilometers', 'kilometres', 'miles', 'feet', 'percent', 'tons', 'tonnes',
  'votes', 'goals', 'runs', 'places', 'spots', 'positions', 'notches', 'yards',
  'time', 'hour', 'day', 'week', 'month', 'year', 'minute', 'second', 'point', 'degree', 'dollar', 'euro',
  'ruble', 'rouble', 'meter', 'metre', 'mile', 'foot', 'ton', 'tonne', 'vote', 'goal', 'run', 'place', 'spot',
  'position', 'notch', 'yard', 'inch', 'step', 'shot', 'round', 'game', 'match', 'set', 'season', 'term', 'way',
])

const isWord = (token: Token | undefined): boolean => token?.kind === 'word'
const isCapitalized = (token: Token): boolean => startsUpper(token.text)
/** A word that shows a phrase names a speaker: a reporting body, or a name. */
const namesSpeaker = (token: Token): boolean => SPEAKERS.has(token.norm) || (isCapitalized(token) && token.norm !== 'the')
const endsClause = (token: Token | undefined): boolean => !token || /^[.!?…;,]+$/.test(token.text)

function isNumber(token: Token | undefined): boolean {
  return !!token && (/^\d[\d,.]*$/.test(token.text) || NUMBER_WORDS.has(token.norm))
}

const WEEKDAYS = new Set(WEEKDAY_NAMES.map((name) => name.toLowerCase()))
const MONTHS = new Set(MONTH_NAMES.map((name) => name.toLowerCase()))
const PARTS_OF_DAY = new Set(['morning', 'afternoon', 'evening', 'night'])

/**
 * Tokens of a time adjunct at `from` that may sit between a report verb and its trailing subject
 * ("reported on Wednesday the local authorities"): on Wednesday (evening), on March 3, late on
 * Tuesday, yesterday, today. 0 when there is none.
 */
function timeAdjunctLength(tokens: Token[], from: number): number {
  let k = from
  if (tokens[k]?.norm === 'late' || tokens[k]?.norm === 'early') k++
  const word = tokens[k]?.norm
  if (k === from && (word === 'yesterday' || word === 'today')) return 1
  if (word !== 'on') return 0
  const day = tokens[k + 1]?.norm ?? ''
  if (WEEKDAYS.has(day)) return k + 2 - from + (PARTS_OF_DAY.has(tokens[k + 2]?.norm ?? '') ? 1 : 0)
  if (MONTHS.has(day) && isNumber(tokens[k + 2])) return k + 3 - from
  return 0
}

// Bodies MT names with "on" or "for" and what they deal with: «комиссия по правам человека».
const INSTITUTION_HEADS = new Set(['commission', 'committee', 'council', 'agency', 'center', 'centre', 'service', 'ministry', 'office', 'department', 'bureau', 'authority'])

/**
 * The end of an institution's name that goes on past "for" or "on": "the Centers for Disease
 * Control", "the Institute for the Study of War", "the national commission on the human rights" —
 * a capitalized head before "for" (or a word for a body before either), the preposition, and words
 * to the clause's end, none of them a time ("… the Air Forces for the third day" is an adjunct).
 */
function nameAfterPreposition(tokens: Token[], last: number): number | undefined {
  const preposition = tokens[last + 1]?.norm
  const head = tokens[last]
  if (!(preposition === 'for' && isCapitalized(head)) && !((preposition === 'for' || preposition === 'on') && INSTITUTION_HEADS.has(head.norm))) return undefined
  for (let k = last + 2; k < tokens.length && k < last + 8; k++) {
    const token = tokens[k]
    if (endsClause(token)) return k - 1 > last + 1 ? k - 1 : undefined
    if (!isWord(token) || isNumber(token) || WEEKDAYS.has(token.norm) || MONTHS.has(token.norm) || TIME_WORDS.has(token.norm)) return undefined
  }
  return undefined
}

/** The index of an acronym (AFAD, NASA) that closes the clause within a few words of `from`, if any. */
function acronymNameEnd(tokens: Token[], from: number): number | undefined {
  for (let k = from; k < tokens.length && k < from + 6; k++) {
    const token = tokens[k]
    if (!isWord(token)) return undefined
    if (/^\p{Lu}{2,}$/u.test(token.text) && (k + 1 === tokens.length || endsClause(tokens[k + 1]))) return k
  }
  return undefined
}

/** "…, reported the press service of the court." "…, reported on Wednesday the local authorities." */
function reportingInversions(tokens: Token[], text: string, emit: (start: number, end: number, reason: string, expected: string[]) => void): void {
  for (let i = 1; i < tokens.length; i++) {
    const verb = tokens[i]
    if (!isWord(verb)) continue
    // «сообщили в Роскосмосе»: "reported in Roscosmos" names the speaker through "in".
    const through = tokens[i + 1]?.norm === 'in' && REPORT_VERBS.has(verb.norm) ? 1 : 0
    if (!through && !INVERTED_REPORTING.has(verb.norm)) continue
    // After a dash too: «“…”, — заявил представитель» comes out as "…”, — declared the representative".
    const dashed = /^[—–]$/.test(tokens[i - 1].text) ? 1 : 0
    const previous = tokens[i - 1 - dashed]
    if (!previous) continue
    const afterComma = previous.text === ',' || (/^["”»]$/.test(previous.text) && /^[,!?]$/.test(tokens[i - 2 - dashed]?.text ?? ''))
    if (!afterComma) continue
    // «сообщили в среду местные власти»: a time adjunct may come before the subject.
    const adjunct = through ? 0 : timeAdjunctLength(tokens, i + 1)
    const skip = through + adjunct
    // The subject phrase: words up to the end of the clause or an adjunct.
    let last = i + skip
    let speaker = false
    // Up to a dozen words: "declared the head of the quantum division of Google Hartmut Neven".
    for (let k = i + 1 + skip; k < tokens.length && k <= i + 12 + skip; k++) {
      const token = tokens[k]
      if (!isWord(token)) {
        if (/^[-’']$/.test(token.text)) continue
        break
      }
      if (PHRASE_ENDS.has(token.norm)) break
      if (namesSpeaker(token)) speaker = true
      last = k
    }
    if (last === i + skip || !speaker) continue
    const first = tokens[i + 1 + skip]
    if (!(SUBJECT_OPENERS.has(first.norm) || isCapitalized(first))) continue
    // «агентство по чрезвычайным ситуациям AFAD»: a phrase that ends the clause with an acronym
    // is the agency's name, not an adjunct ("… the agency on the emergency situations AFAD").
    last = acronymNameEnd(tokens, last + 1) ?? nameAfterPreposition(tokens, last) ?? last
    // The phrase must close the clause, or lead into an adjunct ("… the alliance after a meeting").
    const next = tokens[last + 1]
    if (next && !endsClause(next) && !PHRASE_ENDS.has(next.norm)) continue
    // ", reported in the Times, …" is a participle; the speaker reading needs the sentence to end,
    // and so does a subject found after a time adjunct.
    if ((through || adjunct) && next && !/^[.!?…]+$/.test(next.text)) continue
    const subject = text.slice(first.start, tokens[last].end)
    const when = adjunct ? ' ' + text.slice(tokens[i + 1].start, tokens[i + adjunct].end) : ''
    const saying = sayingFor(verb) + when
    emit(
      verb.start,
      tokens[last].end,
      `Unexpected verb before its subject in \`${text.slice(verb.start, tokens[last].end)}\`, expected \`${subject} ${saying}\``,
      [`${subject} ${saying}`],
    )
  }
}

const PLACE_PHRASE_LINKS = new Set(['the', 'of', 'and', 'for', 'on', 'at', 'in', '&'])

/** «В Кремле заявили, что…»: "In the Kremlin said that…" — the speaker hides in a place phrase. */
function speakerInPlacePhrase(tokens: Token[], text: string, emit: (start: number, end: number, reason: string, expected: string[]) => void): void {
  if (tokens[0]?.norm !== 'in') return
  let speaker = false
  for (let k = 1; k < tokens.length && k <= 9; k++) {
    const token = tokens[k]
    if (!isWord(token)) return
    // A name straight after a common noun starts the clause's own subject: "In the speech before
    // the supporters Mamdani said" has its speaker; "In the Ministry of Defense said" does not.
    const before = tokens[k - 1]
    if (k > 1 && isCapitalized(token) && !isCapitalized(before) && !PLACE_PHRASE_LINKS.has(before.norm)) return
    if (namesSpeaker(token)) speaker = true
    const verb = tokens[k + 1]
    if (!verb || !REPORT_VERBS.has(verb.norm)) continue
    if (!speaker) return
    const after = tokens[k + 2]
    if (after && !/^(that|,|:)$/.test(after.norm)) return
    const phrase = text.slice(tokens[1].start, token.end)
    const subject = phrase.charAt(0).toUpperCase() + phrase.slice(1)
    const saying = sayingFor(verb)
    emit(
      tokens[0].start,
      verb.end,
      `Unexpected speaker inside \`${text.slice(tokens[0].start, verb.end)}\`, expected \`${subject} ${saying}\``,
      [`${subject} ${saying}`],
    )
    return
  }
}

/** "were wounded 17 people" */
// What ends one clause and lets the next open: its subject slot is then empty or filled anew.
const CLAUSE_BREAKS = new Set([',', 'and', ';'])

// Verbs that take no object: a count after them in a clause opening with a place is their subject
// ("and in the crush perished two people"); "in May the group gathered 300 people" has one.
const NO_OBJECT = new Set(['died', 'perished', 'drowned', 'arrived', 'came', 'remained', 'stayed', 'lived', 'participated', 'abstained'])

/** Whether a verb that takes no object stands in a clause (after a comma, semicolon or "and") that opens with a preposition. */
function opensWithPlace(tokens: Token[], verb: number, token: Token): boolean {
  if (!NO_OBJECT.has(token.norm)) return false
  let start = verb
  while (start > 0 && !CLAUSE_BREAKS.has(tokens[start - 1].norm)) start--
  return PREPOSITIONS.has(tokens[start]?.norm ?? '')
}

function trailingCountedSubjects(tokens: Token[], text: string, emit: (start: number, end: number, reason: string, expected: string[]) => void): void {
  const words = tokens
  for (let i = 0; i < words.length; i++) {
    const be = words[i]
    // «Погибли 17 человек», «проголосовали 312 депутатов»: an intransitive verb before people.
    const active = INTRANSITIVE.has(be.norm)
    if (!BE.has(be.norm) && !active) continue
    // The active reading needs an empty subject slot: the clause opens with a place or a cause
    // ("In the fire died 17 people", "…, and in the crush perished two people"), or the verb follows a
    // comma or "where" ("where perished three people"). "The party gathered 500 people" has one.
    if (active && !(words[i - 1]?.text === ',' || words[i - 1]?.norm === 'where' || PREPOSITIONS.has(words[0]?.norm ?? '') || opensWithPlace(words, i, be))) continue
    // "there were 17 people wounded" is English; the subject slot before the verb is what is empty.
    if (words[i - 1]?.norm === 'there') continue
    let k = active ? i : i + 1
    if (!active && ADVERBS.has(words[k]?.norm ?? '')) k++
    const participle = words[k]
    if (!active && (!isWord(participle) || !(/[^e]ed$/.test(participle.norm) || IRREGULAR_PARTICIPLES.has(participle.norm)))) continue
    const counted = k + 1
    let n = counted
    const quantifier = QUANTIFIERS.find((phrase) => phrase.every((part, j) => words[n + j]?.norm === part))
    if (quantifier) n += quantifier.length
    if (!isNumber(words[n])) continue
    const single = words[n].norm === 'one'
    n++
    // An adjective may stand between the number and the noun ("17 more people", "5 Ukrainian soldiers").
    if (isWord(words[n]) && !looksPlural(words[n].norm) && isWord(words[n + 1]) && !endsClause(words[n + 1]) && (single || looksPlural(words[n + 1].norm))) n++
    const noun = words[n]
    if (!isWord(noun) || !(single ? !looksPlural(noun.norm) : looksPlural(noun.norm)) || UNITS.has(noun.norm)) continue
    if (active && !PEOPLE.has(noun.norm)) continue
    if (!endsClause(words[n + 1])) continue
    const subject = text.slice(words[counted].start, noun.end)
    // The verb agrees with the subject it now follows: «было зарегистрировано 7 тысяч случаев» came out singular.
    const agreeing = active ? undefined : single ? SINGULAR_BE.get(be.norm) : PLURAL_BE.get(be.norm)
    const verb = agreeing ? (startsUpper(be.text) ? capitalize(agreeing) : agreeing) : be.text
    const predicate = verb + text.slice(be.end, participle.end)
    const start = be.start
    emit(
      start,
      noun.end,
      `Unexpected subject after its verb in \`${predicate} ${subject}\`, expected \`${subject} ${predicate}\``,
      [`${subject} ${predicate}`],
    )
  }
}

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'his', 'her', 'their', 'some', 'several', 'all', 'many', 'most'])
/** Verbs that take no object: after one, a noun phrase is its subject. */
const EVENT_VERBS = new Set([
  'disappeared', 'vanished', 'appeared', 'occurred', 'happened', 'arrived', 'died', 'perished', 'collapsed', 'erupted',
  'exploded', 'began', 'started', 'ended', 'remained', 'awoke', 'woke', 'flared', 'resumed', 'broke', 'burst',
  'sank', 'capsized', 'crashed', 'derailed', 'emerged', 'surfaced', 'prevailed', 'reigned',
  // Present and past of events that begin, go on and end: "In the region continue the searches".
  'continued', 'continue', 'continues', 'begins', 'ends', 'opened', 'closed', 'finished', 'spread', 'intensified',
  'escalated', 'unfolded', 'raged',
])
/** A noun phrase of time is an adjunct, not a subject: "was arrested the next day". */
const TIME_WORDS = new Set([
  'day', 'next', 'following', 'same', 'previous', 'night', 'morning', 'evening', 'afternoon', 'week', 'month', 'year',
  'weekend', 'most', 'least', 'hour', 'time', 'moment', 'whole', 'entire', 'rest', 'first', 'last',
])

/**
 * Where the clause's subject slot holds only a place phrase — a preposition, at most a determiner
 * and one word (or a name), and an "of" phrase like it — the clause has no subject before its verb.
 * A longer phrase may hide one ("In the city police were given the order"), so it is left alone.
 */
function placePhraseEnd(tokens: Token[], from: number): number {
  let k = from
  if (!PREPOSITIONS.has(tokens[k]?.norm ?? '')) return -1
  k++
  const nounPhrase = (): boolean => {
    if (DETERMINERS.has(tokens[k]?.norm ?? '')) {
      k++
      // "the two countries": a count before the noun is part of the phrase.
      if (PAIR_COUNTS.has(tokens[k]?.norm ?? '')) k++
      if (!isWord(tokens[k]) || isCapitalized(tokens[k]) || DETERMINERS.has(tokens[k].norm)) return false
      k++
      // "the federal court", "the old town center": after an adjective, up to two more words of the
      // noun, none of them the verb. Not after a noun: in "the city police were given" the police
      // are the subject.
      if (looksAdjective(tokens[k - 1].norm))
        for (let extra = 0; extra < 2 && isWord(tokens[k]) && !isCapitalized(tokens[k]) && !mayBeTheVerb(tokens, k); extra++) k++
      return true
    }
    // "In 2023 began the war": a year is a phrase of time.
    if (/^(?:1[89]|20)\d\d$/.test(tokens[k]?.text ?? '')) {
      k++
      return true
    }
    if (!isWord(tokens[k]) || !isCapitalized(tokens[k])) return false
    k++
    if (isWord(tokens[k]) && isCapitalized(tokens[k])) k++
    return true
  }
  if (!nounPhrase()) return -1
  if (tokens[k]?.norm === 'of') {
    k++
    if (!nounPhrase()) return -1
  }
  return k
}

const PAIR_COUNTS = new Set(['two', 'three', 'both'])

/** A word the clause's verb could be, or a word that ends the noun: the noun phrase stops before it. */
function mayBeTheVerb(tokens: Token[], at: number): boolean {
  const norm = tokens[at].norm
  return EVENT_VERBS.has(norm) || BE.has(norm) || norm === 'took' || norm === 'takes' || PREPOSITIONS.has(norm) || DETERMINERS.has(norm) || NOT_OF_THE_NOUN.has(norm) || norm === 'of' || norm === 'and' || /(?:ed|ing)$/.test(norm)
}

const COMMON_ADJECTIVES = new Set(['next', 'following', 'previous', 'last', 'first', 'second', 'old', 'new', 'big', 'small', 'main', 'local', 'high', 'low', 'large', 'great', 'top', 'former', 'same', 'entire', 'whole', 'upper', 'lower', 'north', 'south', 'east', 'west', 'inner', 'outer'])

function looksAdjective(norm: string): boolean {
  return COMMON_ADJECTIVES.has(norm) || /(?:al|ic|ous|ive|ern|ish|ian|ary|ful|less|able|ible)$/.test(norm)
}

// "on the facades there were used": an adverb after the noun is no part of it.
const NOT_OF_THE_NOUN = new Set([...ADVERBS, 'there', 'here', 'then', 'again', 'yet', 'today', 'yesterday', 'tomorrow', 'recently', 'later', 'earlier', 'soon', 'too', 'only', 'even', 'just', 'once', 'finally'])

/** Length of "for the first time", "again" or "also" after the place phrase: an adjunct before the verb. */
function adjunctBeforeVerb(tokens: Token[], at: number): number {
  if (tokens[at]?.norm === 'again' || tokens[at]?.norm === 'also') return 1
  if (tokens[at]?.norm === 'for' && tokens[at + 1]?.norm === 'the' && tokens[at + 3]?.norm === 'time' && /^(first|second|third|last)$/.test(tokens[at + 2]?.norm ?? '')) return 4
  return 0
}

/** An "and" before another noun phrase later in the sentence: what follows a comma is a list, not an apposition ("…, the highest volcano of Eurasia"). */
function hasLaterItem(tokens: Token[], from: number): boolean {
  for (let k = from; k < tokens.length - 1; k++) if (tokens[k].norm === 'and' && (DETERMINERS.has(tokens[k + 1].norm) || isCapitalized(tokens[k + 1]))) return true
  return false
}

/** Where a subject's noun phrase ends, from `from` up to `limit`: before punctuation, "of", "and" or an adjunct. */
function subjectEnd(tokens: Token[], from: number, limit: number): number {
  let end = from
  while (end < limit && isWord(tokens[end]) && tokens[end].norm !== 'and' && tokens[end].norm !== 'of' && !PHRASE_ENDS.has(tokens[end].norm)) end++
  return end
}

/** "In the kindergarten was damaged the facade." "In the school was opened a vaccination point." */
function trailingDefiniteSubjects(tokens: Token[], text: string, emit: (start: number, end: number, reason: string, expected: string[]) => void): void {
  for (let start = 0; start < tokens.length; start++) {
    // A clause opens the sentence, or follows a comma or "and".
    if (start > 0 && !CLAUSE_BREAKS.has(tokens[start - 1].norm)) continue
    const phraseEnd = placePhraseEnd(tokens, start)
    if (phraseEnd < 0) continue
    let verbAt = phraseEnd + adjunctBeforeVerb(tokens, phraseEnd)
    // More phrases of place and time before the verb: "In the court of Washington on Monday began the trial".
    for (let more = 0; more < 2; more++) {
      const next = placePhraseEnd(tokens, verbAt)
      if (next < 0) break
      verbAt = next + adjunctBeforeVerb(tokens, next)
    }
    let k = verbAt
    const verb = tokens[k]
    if (!verb) continue
    // "In Paris took place the summit" («прошёл саммит»): the verb is two words.
    if ((verb.norm === 'took' || verb.norm === 'takes') && tokens[k + 1]?.norm === 'place') k += 2
    else if (BE.has(verb.norm)) {
      const participle = tokens[k + 1]
      if (!isWord(participle) || !(/[^e]ed$/.test(participle.norm) || IRREGULAR_PARTICIPLES.has(participle.norm))) continue
      k += 2
    } else if (EVENT_VERBS.has(verb.norm)) k++
    else continue
    // "was damaged the facade", "was opened an additional vaccination point".
    if (!/^(the|a|an)$/.test(tokens[k]?.norm ?? '')) continue
    const end = subjectEnd(tokens, k + 1, k + 4)
    if (end === k + 1) continue
    const subjectTokens = tokens.slice(k, end)
    if (subjectTokens.some((token) => TIME_WORDS.has(token.norm) || isNumber(token))) continue
    const subject = text.slice(tokens[k].start, tokens[end - 1].end)
    const predicate = text.slice(verb.start, tokens[k - 1].end)
    // "are named the Russian Rosatom, the Chinese CNNC and …": a list, whose first item alone cannot move.
    const listGoesOn = tokens[end]?.text === ',' && DETERMINERS.has(tokens[end + 1]?.norm ?? '') && hasLaterItem(tokens, end + 1)
    if (endsClause(tokens[end]) && !listGoesOn) {
      emit(verb.start, tokens[end - 1].end, `Unexpected subject after its verb in \`${predicate} ${subject}\`, expected \`${subject} ${predicate}\``, [`${subject} ${predicate}`])
      continue
    }
    // "was confirmed an outbreak of the virus", "sank a ferry with 60 people": the subject runs on
    // into a phrase of its own, and where the verb goes is the writer's call; so it does after
    // "and" ("were closed the schools and the stock exchange": moving the first alone strands the rest).
    if (listGoesOn || tokens[end].norm === 'of' || tokens[end].norm === 'and' || PHRASE_ENDS.has(tokens[end].norm))
      emit(verb.start, tokens[end - 1].end, `Unexpected subject after its verb in \`${predicate} ${subject}\`: put \`${subject}\` and what describes it before \`${predicate}\``, [])
  }
}

// Clauses that open with one of these put their subject first in English: "when his mother was crowned".
const SUBORDINATORS = new Set(['when', 'where', 'after', 'before', 'since', 'until', 'while', 'because', 'although', 'though', 'if'])

/** "…, when was crowned his mother." («когда была коронована его мать») → "when his mother was crowned". */
function subordinateClauseInversions(tokens: Token[], text: string, emit: (start: number, end: number, reason: string, expected: string[]) => void): void {
  for (let at = 0; at + 3 < tokens.length; at++) {
    if (!SUBORDINATORS.has(tokens[at].norm)) continue
    const be = tokens[at + 1]
    const participle = tokens[at + 2]
    if (!BE.has(be.norm) || !isWord(participle) || !(/[^e]ed$/.test(participle.norm) || IRREGULAR_PARTICIPLES.has(participle.norm))) continue
    const k = at + 3
    if (!SUBJECT_OPENERS.has(tokens[k].norm)) continue
    let end = subjectEnd(tokens, k + 1, k + 4)
    if (end === k + 1) continue
    // "where are located the main assets of the company": an "of" phrase that ends the clause goes with it.
    if (tokens[end]?.norm === 'of' && SUBJECT_OPENERS.has(tokens[end + 1]?.norm ?? '') && isWord(tokens[end + 2])) {
      const ofEnd = subjectEnd(tokens, end + 3, end + 5)
      if (endsClause(tokens[ofEnd])) end = ofEnd
    }
    // The subject ends the clause: "when was crowned his mother, the queen" — not "when was given his name by …".
    if (!endsClause(tokens[end])) continue
    const subject = text.slice(tokens[k].start, tokens[end - 1].end)
    const predicate = text.slice(be.start, participle.end)
    emit(be.start, tokens[end - 1].end, `Unexpected subject after its verb in \`${predicate} ${subject}\`, expected \`${subject} ${predicate}\``, [`${subject} ${predicate}`])
  }
}

export default function retextInvertedSubject() {
  return (tree: Root, file: VFile): undefined => {
    const text = String(file.value)
    // One reporter per rule for the file, not four closures per sentence.
    const emit = (ruleId: string) => (start: number, end: number, reason: string, expected: string[]) =>
      report(file, {
        source: 'inverted-subject',
        ruleId,
        reason,
        start,
        end,
        expected,
        category: 'grammar',
        level: 'warning',
        apply: 'review',
      })
    const reportVerbFirst = emit('report-verb-first')
    const countedSubjectLast = emit('counted-subject-last')
    const definiteSubjectLast = emit('definite-subject-last')
    for (const {tokens} of sentencesOf(tree, file)) {
      reportingInversions(tokens, text, reportVerbFirst)
      speakerInPlacePhrase(tokens, text, reportVerbFirst)
      trailingCountedSubjects(tokens, text, countedSubjectLast)
      trailingDefiniteSubjects(tokens, text, definiteSubjectLast)
      subordinateClauseInversions(tokens, text, definiteSubjectLast)
    }
    return undefined
  }
}
