/**
 * "which" for a person: Russian «который» serves people and things alike, so MT writes "Mayor
 * Karen Bass, which was on a trip", "three hostages, which spent 15 months". English says "who".
 * The person is a word for people ("hostages", "the mayor"), a name after a title ("Mr. Trump"),
 * or a person in rules/lists/people.yml. After an "of" phrase ("the party of the chancellor,
 * which") the clause may describe the thing, so common nouns there are left alone.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report} from '../findings.js'
import {sentencesOf, type Token} from '../parse/tokens.js'
import {isIrregularPast} from '../rules/inflect.js'
import {readShippedList} from '../rules/load.js'
import {loadGazetteer} from '../entities/gazetteer.js'
import {isFirstName, NAME_TITLES, PEOPLE_GROUPS, startsUpper} from './lexicon.js'

const PERSON_NOUNS = new Set([
  ...PEOPLE_GROUPS,
  ...(
    'man men woman women boy boys girl girls child children people person persons resident citizen hostage hostages prisoner ' +
    'prisoners detainee detainees migrant refugee soldier soldiers officer officers official employee worker doctor nurse journalist ' +
    'reporter lawyer judge judges justice justices senator senators lawmaker legislator voter mayor governor president minister ' +
    'chancellor premier spokesman spokeswoman spokesperson envoy ambassador aide aides adviser advisers advisor advisors leader ' +
    'leaders director chief founder activist protester victim victims survivor survivors father mother son daughter wife husband ' +
    'brother sister parents friend friends student teacher patient passenger pilot driver fighter fighters militant militants ' +
    'negotiator negotiators mediator mediators analyst investor player players coach athlete athletes attackers assailants ' +
    'gunmen rioters looters demonstrators protesters policemen rescuers volunteers supporters opponents ' +
    'shooter gunman attacker assailant suspect perpetrator killer bomber sniper'
  ).split(' '),
])
// Bodies a person leads, and what a person does or says, whose "of" phrase a relative clause may
// describe instead of the person: "the government of Donald Tusk, which", "the political activity
// of its head Elon Musk, which caused boycotts".
const OF_PHRASE_HEADS = new Set([
  'government', 'administration', 'cabinet', 'party', 'coalition', 'team', 'company', 'office', 'ministry', 'camp', 'campaign',
  'movement', 'bloc', 'faction', 'regime', 'army', 'forces', 'foundation', 'firm', 'group', 'alliance', 'club', 'family',
  'activity', 'activities', 'actions', 'policy', 'policies', 'decision', 'decisions', 'statement', 'statements', 'speech',
  'visit', 'arrest', 'death', 'resignation', 'criticism', 'comments', 'remarks', 'words', 'position', 'plan', 'plans',
  'proposal', 'rhetoric', 'behavior', 'behaviour', 'conduct', 'leadership', 'presidency', 'rule', 'tenure', 'election',
  'victory', 'defeat', 'return', 'departure', 'dismissal', 'appointment', 'trial', 'case', 'release', 'book', 'interview',
])
const PLURAL_VERBS = new Set(['are', 'were', 'have'])
const SINGULAR_VERBS = new Set(['is', 'was', 'has'])
const PLURAL_PERSONS = new Set(['men', 'women', 'children', 'people'])
const QUANTITIES = new Set(['dozens', 'hundreds', 'thousands', 'millions', 'tens', 'scores', 'some', 'many', 'most', 'several', 'all', 'both', 'number', 'group', 'couple'])

// Auxiliaries, modals and adverbs that open a clause about its subject: "which was", "which also".
const CLAUSE_OPENERS = new Set(['was', 'were', 'is', 'are', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'did', 'does', 'do', 'also', 'later', 'earlier', 'then', 'still', 'previously', 'already', 'never', 'often', 'once', 'recently', 'repeatedly', 'now'])

/** A finite verb or a clause opener, as far as a word alone tells: "spent", "pressed", "says"; not "side". */
function looksLikeVerb(token: Token): boolean {
  const word = token.text
  if (token.kind !== 'word' || word !== word.toLowerCase()) return false
  return CLAUSE_OPENERS.has(word) || word.endsWith('ed') || isIrregularPast(word) || (word.endsWith('s') && !word.endsWith('ss'))
}

function personSurnames(): Set<string> {
  const {people} = readShippedList<{people: Array<{name: string}>}>('people.yml')
  return new Set(people.map((person) => person.name.split(' ').pop()!.toLowerCase()))
}

// Things named after people: "the tournament of the Grand Slam Roland Garros, which starts".
const EPONYM_HEADS = new Set([
  'tournament', 'stadium', 'airport', 'street', 'avenue', 'boulevard', 'square', 'hospital', 'university', 'school',
  'college', 'prize', 'award', 'center', 'centre', 'bridge', 'foundation', 'festival', 'cup', 'trophy', 'arena', 'park',
  'station', 'institute', 'museum', 'hall', 'library', 'ship', 'carrier', 'base', 'dam', 'tunnel', 'open', 'slam',
  // Land and water that carry a person's name: "the island Diego Garcia, which is used jointly".
  // Not the units an office governs: "the secretary of state of the USA Marco Rubio, which".
  'island', 'islands', 'isle', 'atoll', 'archipelago', 'mount', 'mountain', 'lake', 'river', 'cape', 'bay', 'peninsula',
  'port', 'valley', 'strait', 'reef', 'volcano', 'glacier', 'canal', 'harbor', 'harbour', 'fort',
])

/** Whether the capitalized words before the comma follow a thing named after a person, with only "of", "the" and quotes between. */
function namesAPlaceOrEvent(tokens: Token[], comma: number): boolean {
  for (let k = comma - 1; k >= Math.max(0, comma - 9); k--) {
    const token = tokens[k]
    if (EPONYM_HEADS.has(token.norm)) return true
    if (token.kind === 'word' ? !startsUpper(token.text) && token.norm !== 'of' && token.norm !== 'the' : !/^["“”«»]$/.test(token.text)) return false
  }
  return false
}

export default function retextRelativeWho() {
  let surnames: Set<string> | undefined
  return (tree: Root, file: VFile): undefined => {
    surnames ??= personSurnames()
    const known = surnames
    /** Whether the words before the comma at `comma` end in a person. */
    const isPerson = (tokens: Token[], comma: number): boolean => {
      const head = tokens[comma - 1]
      if (!head || head.kind !== 'word') return false
      const before = tokens[comma - 2]
      if (startsUpper(head.text)) {
        // "the government of Prime Minister Donald Tusk, which": the clause may be about the government.
        for (let k = comma - 2; k >= Math.max(1, comma - 7); k--)
          if (tokens[k].norm === 'of') {
            if (OF_PHRASE_HEADS.has(tokens[k - 1].norm)) return false
            break
          }
        if (namesAPlaceOrEvent(tokens, comma)) return false
        if (before && NAME_TITLES.has(before.norm)) return true
        // "the president Andry Rajoelina, which left": a title, a given name and a surname no
        // dictionary knows as a word ("General Electric Company, which" is a firm).
        if (before && startsUpper(before.text) && NAME_TITLES.has(tokens[comma - 3]?.norm ?? '') && !loadGazetteer().isCommonWord(head.norm)) return true
        // A first name and a surname ("Karen Bas"), or a known person's surname, alone ("Hasina, which
        // ruled") or after a capital ("Steve Witkoff").
        const knownPerson = known.has(head.norm.replace(/['’]s$/, ''))
        if (before === undefined || !startsUpper(before.text)) return knownPerson
        return isFirstName(before.text) || knownPerson
      }
      if (!PERSON_NOUNS.has(head.norm)) return false
      const verb = tokens[comma + 2]?.norm ?? ''
      const pluralHead = PLURAL_PERSONS.has(head.norm) || head.norm.endsWith('s')
      // The verb must agree with the people: "service men and women, which protects" is about a bill.
      if (pluralHead ? SINGULAR_VERBS.has(verb) || /[^s]s$/.test(verb) : PLURAL_VERBS.has(verb)) return false
      // "the party of the chancellor, which": the clause may be about the party, unless a plural
      // verb agrees only with the people ("the dismissal of the employees, which are").
      // A count before "of" is no other thing: "dozens of the workers, which".
      for (let k = comma - 2; k >= Math.max(0, comma - 5); k--)
        if (tokens[k].norm === 'of') return QUANTITIES.has(tokens[k - 1]?.norm ?? '') || (pluralHead && PLURAL_VERBS.has(verb))
      return true
    }
    for (const {tokens} of sentencesOf(tree, file)) {
      for (let i = 2; i < tokens.length; i++) {
        const which = tokens[i]
        if (which.norm !== 'which' || tokens[i - 1].text !== ',') continue
        // "which" asking a question or before a noun ("which side") is not a relative pronoun for a person.
        const next = tokens[i + 1]
        if (!next || next.kind !== 'word') continue
        if (!isPerson(tokens, i - 1)) continue
        // The person is the clause's subject: "which was", "which spent" (not "which side").
        if (!looksLikeVerb(next)) continue
        report(file, {
          source: 'relative-who',
          ruleId: 'which-for-person',
          reason: `Unexpected \`${which.text}\` for a person (\`${tokens[i - 2].text}\`), expected \`who\``,
          start: which.start,
          end: which.end,
          expected: [which.text === 'Which' ? 'Who' : 'who'],
          category: 'grammar',
          level: 'warning',
          apply: 'review',
        })
      }
    }
    return undefined
  }
}
