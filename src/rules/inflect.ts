/**
 * English word forms, enough to match a verb or noun in any inflection and to re-inflect a
 * replacement like the word it replaces (providing release → securing the release).
 */

export const FORM_NAMES = ['base', 's', 'ed', 'pp', 'ing'] as const
export type FormName = (typeof FORM_NAMES)[number]
export type Forms = Record<FormName, string>

// base: [past, past participle]
const IRREGULAR: Record<string, [string, string]> = {
  arise: ['arose', 'arisen'], bear: ['bore', 'borne'], beat: ['beat', 'beaten'], become: ['became', 'become'],
  begin: ['began', 'begun'], bend: ['bent', 'bent'], bind: ['bound', 'bound'], bite: ['bit', 'bitten'],
  blow: ['blew', 'blown'], break: ['broke', 'broken'], bring: ['brought', 'brought'], build: ['built', 'built'],
  burst: ['burst', 'burst'], broadcast: ['broadcast', 'broadcast'],
  burn: ['burned', 'burned'], buy: ['bought', 'bought'], catch: ['caught', 'caught'], choose: ['chose', 'chosen'],
  come: ['came', 'come'], cost: ['cost', 'cost'], cut: ['cut', 'cut'], deal: ['dealt', 'dealt'],
  do: ['did', 'done'], draw: ['drew', 'drawn'], drink: ['drank', 'drunk'], drive: ['drove', 'driven'],
  eat: ['ate', 'eaten'], fall: ['fell', 'fallen'], feed: ['fed', 'fed'], feel: ['felt', 'felt'],
  fight: ['fought', 'fought'], find: ['found', 'found'], flee: ['fled', 'fled'], fly: ['flew', 'flown'],
  forbid: ['forbade', 'forbidden'], forget: ['forgot', 'forgotten'], forgive: ['forgave', 'forgiven'],
  freeze: ['froze', 'frozen'], get: ['got', 'gotten'], give: ['gave', 'given'], go: ['went', 'gone'],
  grow: ['grew', 'grown'], hang: ['hung', 'hung'], have: ['had', 'had'], hear: ['heard', 'heard'],
  hide: ['hid', 'hidden'], hit: ['hit', 'hit'], hold: ['held', 'held'], hurt: ['hurt', 'hurt'],
  keep: ['kept', 'kept'], know: ['knew', 'known'], lay: ['laid', 'laid'], lead: ['led', 'led'],
  leave: ['left', 'left'], lend: ['lent', 'lent'], let: ['let', 'let'], lie: ['lay', 'lain'],
  light: ['lit', 'lit'], lose: ['lost', 'lost'], make: ['made', 'made'], mean: ['meant', 'meant'],
  meet: ['met', 'met'], mislead: ['misled', 'misled'], overcome: ['overcame', 'overcome'],
  overtake: ['overtook', 'overtaken'], pay: ['paid', 'paid'], put: ['put', 'put'], quit: ['quit', 'quit'],
  read: ['read', 'read'], ride: ['rode', 'ridden'], ring: ['rang', 'rung'], rise: ['rose', 'risen'],
  run: ['ran', 'run'], say: ['said', 'said'], see: ['saw', 'seen'], seek: ['sought', 'sought'],
  sell: ['sold', 'sold'], send: ['sent', 'sent'], set: ['set', 'set'], shake: ['shook', 'shaken'],
  shoot: ['shot', 'shot'], show: ['showed', 'shown'], shut: ['shut', 'shut'], sing: ['sang', 'sung'],
  sink: ['sank', 'sunk'], sit: ['sat', 'sat'], sleep: ['slept', 'slept'], speak: ['spoke', 'spoken'],
  spend: ['spent', 'spent'], split: ['split', 'split'], spread: ['spread', 'spread'],
  stand: ['stood', 'stood'], steal: ['stole', 'stolen'], stick: ['stuck', 'stuck'],
  strike: ['struck', 'struck'], swear: ['swore', 'sworn'], sweep: ['swept', 'swept'],
  swim: ['swam', 'swum'], take: ['took', 'taken'], teach: ['taught', 'taught'], tear: ['tore', 'torn'],
  tell: ['told', 'told'], think: ['thought', 'thought'], throw: ['threw', 'thrown'],
  undergo: ['underwent', 'undergone'], understand: ['understood', 'understood'],
  undertake: ['undertook', 'undertaken'], uphold: ['upheld', 'upheld'], wake: ['woke', 'woken'],
  wear: ['wore', 'worn'], win: ['won', 'won'], withdraw: ['withdrew', 'withdrawn'],
  withhold: ['withheld', 'withheld'], write: ['wrote', 'written'],
}

const IRREGULAR_S: Record<string, string> = {be: 'is', have: 'has', do: 'does', go: 'goes'}

// Final-syllable-stressed verbs whose last consonant doubles (refer → referred); short CVC verbs
// (stop, plan) double by the length rule below.
const DOUBLES = new Set([
  'admit', 'commit', 'compel', 'confer', 'control', 'defer', 'deter', 'equip', 'expel', 'incur',
  'occur', 'omit', 'patrol', 'permit', 'prefer', 'propel', 'rebel', 'recur', 'refer', 'regret',
  'submit', 'transfer', 'transmit', 'abet', 'acquit', 'allot', 'embed', 'forbid', 'outstrip', 'repel', 'dispel',
  'impel', 'excel', 'annul', 'extol', 'enrol', 'instil', 'distil', 'fulfil', 'befit', 'beset', 'upset',
])

const VOWEL = /[aeiou]/

function doublesFinal(word: string): boolean {
  if (DOUBLES.has(word)) return true
  // consonant-vowel-consonant at the end of a one-syllable word (stop, plan, ban), not w/x/y.
  return /^[^aeiou]*[aeiou][^aeiouwxy]$/.test(word)
}

function thirdPerson(word: string): string {
  if (Object.hasOwn(IRREGULAR_S, word)) return IRREGULAR_S[word]
  if (/(s|x|z|ch|sh)$/.test(word)) return word + 'es'
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + 'ies'
  if (/[^aeiou]o$/.test(word)) return word + 'es'
  return word + 's'
}

function regularPast(word: string): string {
  if (word.endsWith('e')) return word + 'd'
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + 'ied'
  if (doublesFinal(word)) return word + word[word.length - 1] + 'ed'
  return word + 'ed'
}

function presentParticiple(word: string): string {
  if (word.endsWith('ie')) return word.slice(0, -2) + 'ying'
  if (/[^eoy]e$/.test(word) && word.length > 2) return word.slice(0, -1) + 'ing'
  if (doublesFinal(word)) return word + word[word.length - 1] + 'ing'
  return word + 'ing'
}

/** The forms of a one-word lemma. */
function wordForms(word: string): Forms {
  if (word === 'be') return {base: 'be', s: 'is', ed: 'was', pp: 'been', ing: 'being'}
  const irregular = Object.hasOwn(IRREGULAR, word) ? IRREGULAR[word] : undefined
  return {
    base: word,
    s: thirdPerson(word),
    ed: irregular ? irregular[0] : regularPast(word),
    pp: irregular ? irregular[1] : regularPast(word),
    ing: presentParticiple(word),
  }
}

/** Forms of a lemma; for a phrase ("take part") the first word inflects. */
export function formsOf(lemma: string): Forms {
  const [head, ...rest] = lemma.split(' ')
  const forms = wordForms(head.toLowerCase())
  if (rest.length === 0) return forms
  const tail = ' ' + rest.join(' ')
  return {base: forms.base + tail, s: forms.s + tail, ed: forms.ed + tail, pp: forms.pp + tail, ing: forms.ing + tail}
}

/**
 * Every spelling a lemma's head word can take when matching: the verb forms, the noun plural, and
 * both doubled and undoubled consonants (the doubling rule cannot know stress).
 */
export function matchForms(word: string): string[] {
  const lower = word.toLowerCase()
  const forms = new Set<string>(Object.values(wordForms(lower)))
  if (lower === 'be') for (const form of ['am', 'are', 'were']) forms.add(form)
  forms.add(lower + 'ed')
  forms.add(lower + 'ing')
  const last = lower[lower.length - 1]
  if (VOWEL.test(lower.slice(-2, -1)) && !VOWEL.test(last)) {
    forms.add(lower + last + 'ed')
    forms.add(lower + last + 'ing')
  }
  return [...forms]
}

/** Which form of `lemma` the word is, if any ('ed' wins over 'pp' when both spell the same). */
export function formNameOf(lemma: string, word: string): FormName | undefined {
  const lower = word.toLowerCase()
  const forms = formsOf(lemma.split(' ')[0])
  for (const name of FORM_NAMES) if (forms[name] === lower) return name
  if (matchForms(lemma.split(' ')[0]).includes(lower)) {
    if (lower.endsWith('ing')) return 'ing'
    if (lower.endsWith('ed')) return 'ed'
    if (lower.endsWith('s')) return 's'
  }
  return undefined
}

/** The given form of a lemma ("secure", "ing" → "securing"). */
export function inflect(lemma: string, form: FormName): string {
  return formsOf(lemma)[form]
}

const PAST_TO_BASE = new Map<string, string>()
for (const [base, [past, participle]] of Object.entries(IRREGULAR)) {
  if (!PAST_TO_BASE.has(past)) PAST_TO_BASE.set(past, base)
  if (!PAST_TO_BASE.has(participle)) PAST_TO_BASE.set(participle, base)
}

/** An irregular past tense or participle: took, taken, spent, led. */
export function isIrregularPast(word: string): boolean {
  return PAST_TO_BASE.has(word.toLowerCase())
}

/** A past form, regular ("used", "warned") or irregular ("fled", "stood"). */
export function isPastForm(word: string): boolean {
  return /^[a-z]{2,}ed$/.test(word) || isIrregularPast(word)
}

/**
 * Stems that end a verb only with a silent e: achiev(e), produc(e), judg(e), organiz(e), creat(e),
 * execut(e), decid(e), includ(e), secur(e), requir(e), manag(e), chang(e), provok(e), describ(e),
 * collaps(e), merg(e), revers(e), caus(e), sens(e).
 */
const WANTS_FINAL_E = /(?:v|c|dg|[iy]z|(?<!e)at|^creat|ut|[^aeiou]ot|[^aeiou]id|[^aeiou]ud|[^aeiou]od|[^aeiou]ur|(?:[^aeiou]|u)ir|ag|[aeu]ng|[^aeiou]ok|ib|ps|rg|rs|ns|[aeo]us|^us|^(?:re|con|in|dif|de)?fus|^acc?us|^ab?us|^amus|^exc?us)$/
/** Verbs that do end so: heat, pilot, pivot, bang, hang, belong. */
const KEEPS_BARE_STEM = /^(?:pilot|pivot|bang|hang|clang|twang|combat|format|output|input|habitat)$/

function dropsFinalE(suffix: string): boolean {
  return suffix === 'ed' || suffix === 'ing' || suffix === 'es'
}

/** A best guess at the base form of an inflected verb (took → take, referred → refer, stopped → stop). */
export function lemmaOf(word: string): string {
  const lower = word.toLowerCase()
  const irregular = PAST_TO_BASE.get(lower)
  if (irregular) return irregular
  for (const [suffix, endings] of [
    ['ied', ['y']],
    ['ies', ['y']],
    ['ying', ['ie', 'y']],
    ['ing', ['', 'e']],
    ['ed', ['', 'e']],
    ['es', ['', 'e']],
    ['s', ['']],
  ] as const) {
    if (!lower.endsWith(suffix) || lower.length <= suffix.length + 1) continue
    const stem = lower.slice(0, -suffix.length)
    const candidates: string[] = []
    // stopped → stop, referred → refer; but added, filled, passed keep their double letter.
    if (/([^aeiouldsfz])\1$/.test(stem)) candidates.push(stem.slice(0, -1))
    // patrolling → patrol, controlled → control: a final -ol, -el of a longer word doubles too.
    else if (/[aeiou][^aeiou]+[eo]ll$/.test(stem) && !/(tell|sell|spell|well|poll|smell|shell|dwell|swell|fell|^(?:en|un|re)roll)$/.test(stem))
      return stem.slice(0, -1)
    for (const ending of endings) candidates.push(stem + ending)
    // Both "achiev" and "achieve" spell "achieved": a stem no English verb ends in takes its e back.
    if (dropsFinalE(suffix) && WANTS_FINAL_E.test(stem) && !KEEPS_BARE_STEM.test(stem)) candidates.reverse()
    return candidates.find((candidate) => Object.values(formsOf(candidate)).includes(lower)) ?? candidates[0]
  }
  return lower
}
