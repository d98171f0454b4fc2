/**
 * "The" before a group first named at the start of a sentence or of a clause: "The residents
 * complained", "The voters were worried", "said that the investors were worried". Russian has no
 * articles, and MT adds "the" where English news names a group in general: "Residents
 * complained". Only groups of people
 * (and markets) the document has not named before, without a phrase that makes them particular
 * ("The residents of Altadena", "The workers who were fired"). The same holds for a group asked,
 * urged or allowed to do something: "called on the residents to stay home", "asked the airlines
 * to cancel flights" («попросил авиакомпании отменить») → "called on residents to stay home".
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report} from '../findings.js'
import {firstMentions, isPartOfDocument, sentencesOf, type Token} from '../parse/tokens.js'
import {countryOfDemonym} from '../entities/actors.js'
import {isPastForm} from '../rules/inflect.js'
import {capitalize, COMMON_ADVERBS, PEOPLE_GROUPS} from './lexicon.js'

function singular(word: string): string {
  return word.endsWith('ies') ? word.slice(0, -3) + 'y' : word.endsWith('s') ? word.slice(0, -1) : word
}

// Groups of people, and markets ("The prices rose").
// Troops and crowds too; not militants or attackers, which point back to a group named before.
const GROUPS = new Set([...PEOPLE_GROUPS, 'prices', 'markets', 'stocks', 'shares', 'unions', 'leaders', 'troops', 'forces', 'soldiers', 'crowds', 'witnesses', 'thieves', 'robbers', 'automakers', 'carmakers', 'exporters', 'importers', 'retailers'])
// Capitalized modifiers a group takes in general: "The Israeli troops will", "The Western leaders".
const REGIONS = new Set(['Western', 'Eastern', 'European', 'Arab', 'African', 'Asian', 'Latin', 'Nordic', 'Baltic', 'Gulf'])
// After the group, these make it particular: "the residents of Altadena", "the workers who left".
const PARTICULAR_AFTER = new Set(['of', 'who', 'that', 'whom', 'whose', 'in', 'at', 'from', 'on', 'near', 'with', 'under', 'living', 'based', 'involved', 'killed', 'wounded', 'held', 'taken', 'here', 'there', 'themselves', 'said', 'say', ',', 'and', 'or'])
const NOT_MODIFIERS = new Set(['and', 'or', 'of', 'the', 'a', 'an', 'two', 'three', 'four', 'five', 'few', 'many', 'other', 'same', 'remaining', 'rest', 'first', 'last'])
const MAX_MODIFIERS = 2

// A clause starts after these: "said that the investors were worried", "because of which the farmers had to".
const CLAUSE_OPENERS = new Set(['that', 'because', 'when', 'while', 'after', 'since', 'although', 'though', 'where', 'which', 'so'])

// A group as the object of these, before "to" and a verb: "asked the airlines to cancel".
const ASKING_VERBS = new Set([
  'ask', 'asks', 'asked', 'urge', 'urges', 'urged', 'allow', 'allows', 'allowed', 'force', 'forces', 'forced',
  'encourage', 'encourages', 'encouraged', 'advise', 'advises', 'advised', 'warn', 'warns', 'warned', 'order', 'orders',
  'ordered', 'invite', 'invites', 'invited', 'require', 'requires', 'required', 'prompt', 'prompted', 'push', 'pushed',
  'help', 'helps', 'helped', 'enable', 'enables', 'enabled', 'tell', 'tells', 'told', 'persuade', 'persuaded',
  'oblige', 'obliges', 'obliged', 'compel', 'compels', 'compelled',
])
const ASKED_GROUPS = new Set([...GROUPS, 'people', 'children', 'parents', 'companies', 'airlines', 'businesses', 'banks', 'tourists', 'fans', 'owners', 'motorists', 'travelers', 'travellers', 'countries', 'governments', 'nations'])

// People a vehicle has: once the plane is named, "the pilots" are its pilots ("The pilots returned
// the plane to Portland"), not pilots in general. One vehicle, in the singular: "planes" and
// "flights" in general have passengers in general.
const VEHICLES = ['plane', 'flight', 'aircraft', 'airliner', 'jet', 'helicopter', 'ship', 'vessel', 'boat', 'ferry', 'bus', 'train', 'cabin', 'cockpit', 'capsule', 'spacecraft']
const VEHICLE_GROUPS = new Set(['pilots', 'passengers', 'crew', 'crews', 'drivers', 'sailors', 'astronauts', 'flight attendants'])

// A group after these, ending its clause, is named in general: "most of them among the children".
const GENERAL_PREPOSITIONS = new Set(['among', 'against'])

/** "asked the airlines to …", "called on the residents to …", "among the children.": the group is named in general. */
function askedGroup(tokens: Token[], article: number): number {
  const before = tokens[article - 1]
  if (!before) return -1
  const general = GENERAL_PREPOSITIONS.has(before.norm)
  const asking = ASKING_VERBS.has(before.norm) || (before.norm === 'on' && /^(call|calls|called|calling)$/.test(tokens[article - 2]?.norm ?? ''))
  if (!general && !asking) return -1
  const group = groupAfterThe(tokens, article, ASKED_GROUPS)
  if (group < 0 || tokens[group].text !== tokens[group].norm) return -1
  // Asked: "to" and a verb follow. Among others: the clause ends.
  const next = tokens[group + 1]?.norm
  return (general ? next === undefined || /^(\.|,|;|and|or)$/.test(next) : next === 'to') ? group : -1
}

const AUXILIARIES = new Set(['are', 'were', 'have', 'had', 'will', 'would', 'can', 'could', 'must', 'should', 'may', 'might', 'do', 'did', "don't", "didn't", 'need', 'began', 'continue', 'continued'])

/** A finite verb, perhaps after one adverb ("the farmers also had"): the group before it is a clause's subject. */
function verbFollows(tokens: Token[], index: number): boolean {
  let token = tokens[index]
  if (token && (COMMON_ADVERBS.has(token.norm) || /^[a-z]+ly$/.test(token.norm))) token = tokens[index + 1]
  if (!token || token.kind !== 'word') return false
  return AUXILIARIES.has(token.norm) || isPastForm(token.norm)
}

/** Index of the group noun after "the" at `article`, past up to two lower-case modifiers, or -1. */
function groupAfterThe(tokens: Token[], article: number, groups: Set<string> = GROUPS): number {
  for (let k = article + 1; k <= article + 1 + MAX_MODIFIERS && k < tokens.length; k++) {
    const token = tokens[k]
    if (groups.has(token.norm)) return k
    // "The agency urged residents": a verb that takes the group as its object is no modifier of it.
    if (token.kind !== 'word' || NOT_MODIFIERS.has(token.norm) || ASKING_VERBS.has(token.norm)) return -1
    if (token.text === token.norm ? !/^[a-z-]+$/.test(token.text) : !REGIONS.has(token.text) && !countryOfDemonym(token.text)) return -1
  }
  return -1
}

export default function retextGenericPlural() {
  return (tree: Root, file: VFile): undefined => {
    // A first mention can only be told in the whole document.
    if (isPartOfDocument(file)) return undefined
    const text = String(file.value)
    const sentences = sentencesOf(tree, file)
    const candidates: Array<{tokens: Token[]; start: number; article: number; group: number}> = []
    for (const {tokens, start} of sentences)
      for (let article = 0; article < tokens.length; article++) {
        if (tokens[article].text === 'the' && article > 0) {
          const asked = askedGroup(tokens, article)
          if (asked >= 0) {
            candidates.push({tokens, start, article, group: asked})
            continue
          }
        }
        if (article === 0 ? tokens[0].text !== 'The' : tokens[article].text !== 'the' || !CLAUSE_OPENERS.has(tokens[article - 1].norm)) continue
        const group = groupAfterThe(tokens, article)
        const after = tokens[group + 1]
        // Mid-sentence, the group must be the clause's subject: a verb follows ("the farmers had to").
        // "the Democrats" is a party, not a group in general.
        if (group < 0 || (after && PARTICULAR_AFTER.has(after.norm)) || tokens[group].text !== tokens[group].norm) continue
        // "The workers' union": the article belongs to what the group owns.
        if (after && /^['’]$/.test(after.text) && after.start === tokens[group].end) continue
        if (article > 0 && !verbFollows(tokens, group + 1)) continue
        candidates.push({tokens, start, article, group})
      }
    if (candidates.length === 0) return undefined
    const words = new Set([...candidates.flatMap(({tokens, group}) => [tokens[group].norm, singular(tokens[group].norm)]), ...VEHICLES])
    const firstNamed = firstMentions(sentences, words, file)
    const firstVehicle = Math.min(...VEHICLES.map((vehicle) => firstNamed.get(vehicle) ?? Infinity))
    for (const {tokens, start, article, group} of candidates) {
      const head = tokens[group].norm
      // Named before this sentence, in either number: "the" points back to it.
      if (Math.min(firstNamed.get(head) ?? start, firstNamed.get(singular(head)) ?? start) < start) continue
      if (VEHICLE_GROUPS.has(head) && firstVehicle < start) continue
      const rest = text.slice(tokens[article + 1].start, tokens[group].end)
      report(file, {
        source: 'generic-plural',
        ruleId: 'the-before-group',
        reason: `Unexpected \`${tokens[article].text}\` before \`${rest}\`, first named here: English names a group in general without an article`,
        start: tokens[article].start,
        end: tokens[group].end,
        expected: [article === 0 ? capitalize(rest) : rest],
        category: 'grammar',
        level: 'suggestion',
        apply: 'review',
      })
    }
    return undefined
  }
}
