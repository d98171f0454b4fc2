/**
 * Collective actors — countries, organizations, institutions — that English refers to as "it".
 * Countries come from the world-countries data set; organizations from rules/lists/organizations.yml.
 */
import {createRequire} from 'node:module'
import {startsUpper, type Token} from '../parse/tokens.js'
import {readShippedList} from '../rules/load.js'
import {tokenizeLiteral} from '../rules/compile.js'

interface Country {
  name: {common: string; official: string}
  unMember?: boolean
  demonyms?: {eng?: {m: string; f: string}}
}

export interface ActorName {
  name: string
  kind: 'country' | 'organization'
  /** English demonym, for countries ("Israeli"). */
  demonym?: string
  tokens: string[]
  /** Written in capitals (WHO, UN): must match as written, or "Who" and "Un" would. */
  acronym: boolean
}

const require = createRequire(import.meta.url)

let cached: Map<string, ActorName[]> | undefined

/**
 * The adjective English news puts before a title or a noun where the data set's demonym is dated,
 * a noun for people, or a list: "Kyrgyz President" (not Kirghiz), "Philippine police" (a Filipino
 * is a person), "Saudi Crown Prince". The data set's own form still names the country.
 */
const NEWS_ADJECTIVES: Record<string, string> = {
  Kyrgyzstan: 'Kyrgyz',
  Tajikistan: 'Tajik',
  Uzbekistan: 'Uzbek',
  Kazakhstan: 'Kazakh',
  Philippines: 'Philippine',
  'Saudi Arabia': 'Saudi',
  'Bosnia and Herzegovina': 'Bosnian',
  'Cape Verde': 'Cape Verdean',
  Maldives: 'Maldivian',
  Comoros: 'Comorian',
  'Hong Kong': 'Hong Kong',
  'Guinea-Bissau': 'Bissau-Guinean',
}

/** Every demonym, the data set's and news usage's, with the country it names and whether that is a UN member. */
const demonymCountries: Array<[string, string, boolean]> = []

function actorName(name: string, kind: ActorName['kind'], demonym?: string): ActorName {
  return {name, kind, demonym, tokens: tokenizeLiteral(name).map((token) => token.norm), acronym: /^[\p{Lu}\d.-]+$/u.test(name)}
}

/** Actor names indexed by their first token (normalized), longest name first. */
export function actorIndex(): Map<string, ActorName[]> {
  if (cached) return cached
  const names: ActorName[] = []
  const countries = require('world-countries/countries.json') as Country[]
  for (const country of countries) {
    const name = country.name.common
    const demonym = country.demonyms?.eng?.m
    const adjective = NEWS_ADJECTIVES[name] ?? demonym
    names.push(actorName(name, 'country', adjective))
    for (const form of new Set([adjective, demonym])) if (form && !form.includes(',')) demonymCountries.push([form, name, country.unMember === true])
  }
  // Short names news uses for two countries the data set names otherwise.
  for (const [name, demonym] of [['America', 'American'], ['Britain', 'British'], ['Great Britain', 'British']])
    names.push(actorName(name, 'country', demonym))
  const lists = readShippedList<{organizations: string[]}>('organizations.yml')
  for (const name of lists.organizations)
    names.push(actorName(name, 'organization'))
  const index = new Map<string, ActorName[]>()
  for (const actor of names) {
    if (actor.tokens.length === 0) continue
    const list = index.get(actor.tokens[0]) ?? []
    list.push(actor)
    index.set(actor.tokens[0], list)
  }
  for (const list of index.values()) list.sort((a, b) => b.tokens.length - a.tokens.length)
  cached = index
  return index
}

/** The actor whose name starts at token `start`, with the index one past its last token. */
export function actorAt(tokens: Token[], start: number): {actor: ActorName; end: number} | undefined {
  const candidates = actorIndex().get(tokens[start]?.norm ?? '')
  if (!candidates) return undefined
  // Detectors ask at every token: the loop allocates nothing until a name matches.
  for (const actor of candidates) {
    const end = start + actor.tokens.length
    if (end > tokens.length) continue
    let k = 0
    while (k < actor.tokens.length && tokens[start + k].norm === actor.tokens[k]) k++
    if (k < actor.tokens.length) continue
    // Names need their capital; acronyms (WHO, UN) must be in capitals, or "Who" and "Un" would match.
    if (actor.acronym ? writtenAs(tokens, start, end) !== actor.name : !startsUpper(tokens[start].text)) continue
    return {actor, end}
  }
  return undefined
}

function writtenAs(tokens: Token[], start: number, end: number): string {
  return tokens
    .slice(start, end)
    .map((token) => token.text)
    .join(' ')
}

let byDemonym: Map<string, string> | undefined

/** The country an English demonym names ("israeli" → Israel), from the same data as the actors. */
export function countryOfDemonym(demonym: string): string | undefined {
  if (!byDemonym) {
    byDemonym = new Map([['american', 'the United States'], ['turkish', 'Turkey']])
    const index = actorIndex()
    // A territory shares its state's demonym ("French" is also the French Southern Lands'): states first.
    for (const [demonym, country, member] of demonymCountries) if (member && !byDemonym.has(demonym.toLowerCase())) byDemonym.set(demonym.toLowerCase(), country)
    for (const list of index.values())
      for (const actor of list)
        if (actor.kind === 'country' && actor.demonym && !byDemonym.has(actor.demonym.toLowerCase()))
          byDemonym.set(actor.demonym.toLowerCase(), actor.name)
    for (const [demonym, country] of demonymCountries) if (!byDemonym.has(demonym.toLowerCase())) byDemonym.set(demonym.toLowerCase(), country)
  }
  return byDemonym.get(demonym.toLowerCase())
}

/**
 * Adjectives of peoples, faiths and blocs that are no country's demonym in the data set: with the
 * demonyms, the capitalized words that stand before a noun rather than for a person.
 */
const GROUP_ADJECTIVES = new Set(
  'Arab Arabic Jewish Muslim Islamic Christian Catholic Orthodox Protestant Evangelical Sunni Shiite Shia Hindu Buddhist Sikh Kurdish Palestinian Soviet Western Eastern Northern Southern Central European African Asian Latin Baltic Nordic Scandinavian Balkan Caucasian Arctic Atlantic Pacific Mediterranean Gulf Pashtun Uyghur Uighur Tatar Chechen Druze Alawite Yazidi Rohingya Tamil Basque Catalan Flemish Walloon Scottish Welsh English Quebecois Hispanic Indigenous Native Allied Nazi Communist Democratic Republican Conservative Liberal'.split(' '),
)

/** A people's, faith's or bloc's adjective ("French", "Israeli", "Kurdish", "Soviet"): the `@demonym` token class. */
export function isPeopleAdjective(word: string): boolean {
  return GROUP_ADJECTIVES.has(word) || countryOfDemonym(word) !== undefined
}
