/**
 * The gazetteer: English names of places, countries, people and organizations, with the garbled
 * forms MT makes of them from their Russian names, a transliteration key for fuzzy look-up, and
 * the names and words that are known to be correct. Built once from data (GeoNames cities1000,
 * world-countries, dictionary-en, rules/lists/*.yml) and cached as JSON.
 */
import {readFileSync} from 'node:fs'
import {hashOf, readCache, writeCache} from '../cache.js'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {parse} from 'yaml'
import {SHIPPED_RULES_DIR} from '../rules/load.js'
import {editDistance, isCyrillic, romanizations, russianCaseForms, translitKey} from './romanize.js'

export type EntityKind = 'country' | 'city' | 'place' | 'person' | 'organization'

export interface Entity {
  name: string
  kind: EntityKind
  prominence: number
  /** Cities: the ISO 3166 codes of the countries a city of this name lies in ("ES,VE" for Valencia). */
  countries?: string
  /** People listed by surname: their given names, so another given name is another person ("Salvador Nasralla"). */
  given?: string[]
  /**
   * People whose given names the list spells in the source language too: each romanized word
   * (lower case) → the English word it garbles ("redzhep" → "Recep", "vladimir" → "Volodymyr").
   */
  givenGarbles?: Record<string, string>
}

/**
 * The cached form. Large tables are stored as tab-separated lines in one string each: parsing a
 * 150,000-key JSON object and turning it into a Map costs ~400 ms, splitting lines ~40 ms.
 */
export interface GazetteerData {
  version: number
  entities: Entity[]
  /** Source language → lines "garbled form (lower case)\tid,id" (most prominent first). */
  garbles: Record<string, string>
  /** Lines "translitKey\tid,id" for prominent entities (unknown words no garble list has). */
  keys: string
  /** Lines "correct name (lower case)\tweight" (population for places). */
  known: string
  /** Common English words (dictionary stems), one per line. */
  words: string
  /** Lines "country name or demonym (lower case)\tISO code": "austria\tAT", "austrian\tAT". */
  countryCodes: string
}

function toLines(map: Iterable<[string, string | number]>): string {
  const lines: string[] = []
  for (const [key, value] of map) lines.push(`${key}\t${value}`)
  return lines.sort().join('\n')
}

function fromLines<T>(text: string, convert: (value: string) => T): Map<string, T> {
  const map = new Map<string, T>()
  if (!text) return map
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t')
    map.set(line.slice(0, tab), convert(line.slice(tab + 1)))
  }
  return map
}

const toIds = (value: string): number[] => value.split(',').map(Number)

/**
 * A sorted table of "key\tvalue" lines searched by halving: splitting the cached text into lines
 * takes milliseconds, where building a Map of 150,000 names took hundreds (start-up counts, in
 * every worker). Keys never hold characters below the tab, so line order is key order.
 */
export class LineTable<T> {
  private readonly lines: string[]

  constructor(
    text: string,
    private readonly convert: (value: string) => T,
  ) {
    this.lines = text ? text.split('\n') : []
  }

  // The same capitalized words recur in a document and across a batch: each key is searched once
  // (a search slices a key out of some seventeen lines).
  private readonly found = new Map<string, string | undefined>()

  private find(key: string): string | undefined {
    if (this.found.has(key)) return this.found.get(key)
    if (this.found.size > 50_000) this.found.clear()
    const value = this.search(key)
    this.found.set(key, value)
    return value
  }

  private search(key: string): string | undefined {
    let low = 0
    let high = this.lines.length - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      const line = this.lines[middle]
      const tab = line.indexOf('\t')
      const lineKey = tab < 0 ? line : line.slice(0, tab)
      if (lineKey === key) return tab < 0 ? '' : line.slice(tab + 1)
      if (lineKey < key) low = middle + 1
      else high = middle - 1
    }
    return undefined
  }

  get(key: string): T | undefined {
    const value = this.find(key)
    return value === undefined ? undefined : this.convert(value)
  }

  has(key: string): boolean {
    return this.find(key) !== undefined
  }

  get size(): number {
    return this.lines.length
  }
}

const VERSION = 19
/** The weight of a proper name dictionary-en knows (see entity-names' KNOWN_FLOOR). */
const DICTIONARY_NAME_WEIGHT = 50_000
/** Cities below this population do not get garbled forms generated (too obscure to be worth the risk). */
export const GARBLE_MIN_POPULATION = 100_000
/** Entities below this prominence are not fuzzy-matched. */
export const FUZZY_MIN_PROMINENCE = 1_000_000
const COUNTRY_PROMINENCE = 1_000_000_000
/** A capital is news-prominent whatever its size (Port Vila has 36,000 people). */
const CAPITAL_PROMINENCE = 500_000

const require = createRequire(import.meta.url)
const LISTS = join(SHIPPED_RULES_DIR, 'lists')

interface Country {
  cca2: string
  unMember?: boolean
  demonyms?: {eng?: {m?: string; f?: string}}
  name: {common: string; official: string}
  altSpellings?: string[]
  capital?: string[]
  translations?: {rus?: {common: string; official: string}}
}

interface Sources {
  citiesPath: string
  countries: Country[]
  dictionary: string
  places: Array<{name: string; ru: string; prominence: number; also?: string[]; replaces?: string}>
  /** `given`: a list of given names, or a map of each to its Russian spelling. */
  people: Array<{name: string; ru: string; prominence: number; also?: string[]; given?: string[] | Record<string, string>}>
  organizations: {organizations: string[]; russian?: Record<string, string>}
}

function readSources(): Sources {
  return {
    citiesPath: require.resolve('cities1000/cities1000.txt'),
    countries: require('world-countries/countries.json') as Country[],
    dictionary: readFileSync(join(dirname(require.resolve('dictionary-en')), 'index.dic'), 'utf8'),
    places: (parse(readFileSync(join(LISTS, 'places.yml'), 'utf8')) as {places: Sources['places']}).places,
    people: (parse(readFileSync(join(LISTS, 'people.yml'), 'utf8')) as {people: Sources['people']}).people,
    organizations: parse(readFileSync(join(LISTS, 'organizations.yml'), 'utf8')) as Sources['organizations'],
  }
}

/** A fingerprint of everything the gazetteer is built from, so a stale cache is rebuilt. */
function fingerprint(): string {
  const parts: Array<string | Uint8Array> = [String(VERSION)]
  for (const file of ['places.yml', 'people.yml', 'organizations.yml']) parts.push(readFileSync(join(LISTS, file)))
  for (const pkg of ['cities1000/package.json', 'world-countries/package.json', 'dictionary-en/package.json']) {
    try {
      parts.push(readFileSync(require.resolve(pkg)))
    } catch {
      parts.push(pkg)
    }
  }
  return hashOf(...parts)
}

/**
 * The romanized forms of each word of a person's Russian given names that differ from the English
 * word in the same place ("Реджеп Тайип" for "Recep Tayyip": redzhep, rejep → Recep; tayip, taiip,
 * tajip → Tayyip). Given names are not declined here: a person is named in the nominative.
 */
function givenNameGarbles(given: Record<string, string>): Record<string, string> {
  const garbles: Record<string, string> = {}
  for (const [english, russian] of Object.entries(given)) {
    const englishWords = english.split(/\s+/)
    const russianWords = russian.split(/\s+/)
    if (englishWords.length !== russianWords.length) throw new Error(`people.yml: given name "${english}" and "${russian}" differ in their number of words`)
    russianWords.forEach((word, i) => {
      for (const latin of romanizations(word)) {
        const lower = latin.toLowerCase().replace(/’/g, "'")
        if (lower !== englishWords[i].toLowerCase()) garbles[lower] = englishWords[i]
      }
    })
  }
  return garbles
}

/** A Cyrillic name whose romanization is near the English one (Доха ~ Doha, not Ленинград ~ Saint Petersburg). */
function spellsLike(cyrillic: string, english: string): boolean {
  const target = translitKey(english)
  return romanizations(cyrillic).some((latin) => {
    const key = translitKey(latin)
    return editDistance(key, target) <= Math.max(2, Math.floor(Math.max(key.length, target.length) * 0.4))
  })
}

export function buildGazetteer(sources: Sources = readSources()): GazetteerData {
  const entities: Entity[] = []
  const ids = new Map<string, number>()
  const known = new Map<string, number>()
  const garbles = new Map<string, Set<number>>()
  const cyrillicOf = new Map<number, Set<string>>()
  // Spellings the curated lists call garbles ("Kharkov", "Kirgizia"): an editorial decision that
  // wins over the dictionary knowing the word as a name.
  const curatedGarbles = new Set<string>()

  const entityId = (name: string, kind: EntityKind, prominence: number): number => {
    const existing = ids.get(name)
    if (existing !== undefined) {
      const entity = entities[existing]
      if (prominence > entity.prominence) entity.prominence = prominence
      if (kind === 'country') entity.kind = kind
      return existing
    }
    ids.set(name, entities.length)
    entities.push({name, kind, prominence})
    return entities.length - 1
  }
  /** The data set's entity of this name, if any, now goes by the English one. */
  const renameEntity = (from: string, to: string): void => {
    const id = ids.get(from)
    if (id === undefined) return
    ids.delete(from)
    entities[id].name = to
    ids.set(to, id)
  }
  const addKnown = (name: string, weight: number): void => {
    const key = name.toLowerCase()
    known.set(key, Math.max(known.get(key) ?? 0, weight))
  }
  const addCyrillic = (id: number, name: string): void => {
    if (!isCyrillic(name)) return
    let set = cyrillicOf.get(id)
    if (!set) cyrillicOf.set(id, (set = new Set()))
    set.add(name)
  }
  const addGarble = (form: string, id: number): void => {
    const key = form.toLowerCase().replace(/’/g, "'")
    let set = garbles.get(key)
    if (!set) garbles.set(key, (set = new Set()))
    set.add(id)
  }

  // Cities: every primary name is known; prominent ones get their Cyrillic names for garbling.
  for (const line of readFileSync(sources.citiesPath, 'utf8').split('\n')) {
    const fields = line.split('\t')
    if (fields.length < 15) continue
    const [, name, ascii, alternates] = fields
    const countryCode = fields[8]
    const population = Number(fields[14]) || 0
    addKnown(name, population)
    addKnown(ascii, population)
    if (population < GARBLE_MIN_POPULATION) continue
    // English-language news mostly writes foreign places without diacritics (Chisinau, Sao Paulo).
    const id = entityId(ascii || name, 'city', population)
    const city = entities[id]
    if (city.kind === 'city' && countryCode && !city.countries?.split(',').includes(countryCode))
      city.countries = city.countries ? `${city.countries},${countryCode}` : countryCode
    // Only the Russian name that spells the English one: a former name (Ленинград, Сталинград,
    // Свердловск) romanizes to a correct historical English name, which is no garble.
    for (const alternate of alternates.split(','))
      if (isCyrillic(alternate) && spellsLike(alternate, ascii || name)) addCyrillic(id, alternate)
  }

  // GeoNames spells some capitals the French way ("Port-Vila", "Port-of-Spain"); English writes
  // them with spaces, so the hyphenated form is no longer a known name and the capital is
  // prominent enough for name-case to restore it.
  const addCapital = (capital: string): void => {
    if (!capital.includes(' ') || /[.'’]/.test(capital)) return
    const hyphenated = capital.replace(/ /g, '-')
    renameEntity(hyphenated, capital)
    known.delete(hyphenated.toLowerCase())
    entityId(capital, 'city', CAPITAL_PROMINENCE)
    addKnown(capital, CAPITAL_PROMINENCE)
  }

  const countryCodes = new Map<string, string>()
  for (const country of sources.countries) {
    for (const name of [country.name.common, country.name.official, country.demonyms?.eng?.m, country.demonyms?.eng?.f])
      if (name && !countryCodes.has(name.toLowerCase())) countryCodes.set(name.toLowerCase(), country.cca2)
    const id = entityId(country.name.common, 'country', COUNTRY_PROMINENCE)
    for (const name of [country.name.common, country.name.official, ...(country.altSpellings ?? []).filter((n) => n.length > 3)])
      addKnown(name, COUNTRY_PROMINENCE)
    if (country.translations?.rus) addCyrillic(id, country.translations.rus.common)
    if (country.unMember) for (const capital of country.capital ?? []) addCapital(capital)
  }

  for (const [list, kind] of [[sources.places, 'place'], [sources.people, 'person']] as const)
    for (const entry of list) {
      // A curated name wins over the data set's ("Türkiye" → Turkey, "Kiev" → Kyiv).
      if ('replaces' in entry && entry.replaces !== undefined) renameEntity(entry.replaces, entry.name)
      const id = entityId(entry.name, kind, entry.prominence)
      if ('given' in entry && entry.given) {
        const given = entry.given
        entities[id].given = Array.isArray(given) ? given : Object.keys(given)
        if (!Array.isArray(given)) entities[id].givenGarbles = givenNameGarbles(given)
      }
      addKnown(entry.name, entry.prominence)
      addCyrillic(id, entry.ru)
      for (const also of entry.also ?? []) {
        addGarble(also, id)
        curatedGarbles.add(also.toLowerCase())
      }
    }
  for (const name of sources.organizations.organizations) addKnown(name, COUNTRY_PROMINENCE / 10)
  for (const [name, ru] of Object.entries(sources.organizations.russian ?? {})) {
    addCyrillic(entityId(name, 'organization', COUNTRY_PROMINENCE / 10), ru)
  }

  // Names the dictionary knows (capitalized entries) are correct; lower-case entries are words.
  const words = new Set<string>()
  for (const line of sources.dictionary.split('\n').slice(1)) {
    const word = line.split('/')[0].trim()
    if (!word) continue
    // A name the dictionary knows (a person, a brand, a well-known place) is a name, not a hamlet:
    // weigh it like a sizable place, so only a garble of something far bigger can override it.
    if (/^\p{Lu}/u.test(word)) addKnown(word, DICTIONARY_NAME_WEIGHT)
    else words.add(word.toLowerCase())
  }

  for (const garble of curatedGarbles) known.delete(garble)

  // Russian case forms × romanization schemes = the garbles; a form that is a correct name of the
  // same entity is not a garble.
  for (const [id, names] of cyrillicOf) {
    const entity = entities[id]
    // People keep their nominative only: "Medvedeva" is as likely a woman as Medvedev declined.
    const forms = (cyrillic: string): string[] => (entity.kind === 'person' ? [cyrillic] : russianCaseForms(cyrillic))
    for (const cyrillic of names)
      for (const form of forms(cyrillic))
        for (const latin of romanizations(form)) {
          if (latin.toLowerCase() === entity.name.toLowerCase()) continue
          addGarble(latin, id)
        }
  }

  const byProminence = (a: number, b: number): number => entities[b].prominence - entities[a].prominence
  const garbleLines = [...garbles].map(([form, set]): [string, string] => [form, [...set].sort(byProminence).join(',')])
  const keys = new Map<string, number[]>()
  entities.forEach((entity, id) => {
    // People are matched by their listed spellings only: a key match would take Medvedeva
    // (a woman) for Medvedev.
    if (entity.prominence < FUZZY_MIN_PROMINENCE || entity.name.length < 4 || entity.kind === 'person') return
    const key = translitKey(entity.name)
    keys.set(key, [...(keys.get(key) ?? []), id])
  })
  return {
    version: VERSION,
    entities,
    garbles: {ru: toLines(garbleLines)},
    keys: toLines([...keys].map(([key, list]): [string, string] => [key, list.sort(byProminence).join(',')])),
    known: toLines(known),
    words: [...words].sort().join('\n'),
    countryCodes: toLines(countryCodes),
  }
}

export interface Gazetteer {
  data: GazetteerData
  known: LineTable<number>
  words: LineTable<string>
  /** A dictionary word or an inflected or derived form of one ("slower", "tried", "Federally", "Congresses"); lower case in. */
  isCommonWord(lower: string): boolean
  /** The ISO code of a country named or described (lower case in): "austria", "austrian" → AT. */
  countryCode(lower: string): string | undefined
  /** The city (of at least GARBLE_MIN_POPULATION people) of this exact name. */
  cityNamed(name: string): Entity | undefined
  garblesFor(language: string): LineTable<number[]>
  keys: Map<string, number[]>
}

let loaded: Gazetteer | undefined

// dictionary-en lists stems; "slower", "samples", "tried", "federally" are common words too.
const STEMS: Array<[RegExp, string]> = [
  [/s$/, ''], [/es$/, ''], [/ies$/, 'y'], [/er$/, ''], [/er$/, 'e'], [/est$/, ''], [/est$/, 'e'], [/ed$/, ''], [/ed$/, 'e'],
  [/ied$/, 'y'], [/ing$/, ''], [/ing$/, 'e'], [/ly$/, ''], [/ly$/, 'le'], [/ally$/, 'al'], [/(.)\1(er|est|ed|ing)$/, '$1'],
]

/** The gazetteer, from the cache when it is current, else built and cached (about a second). */
export function loadGazetteer(): Gazetteer {
  if (loaded) return loaded
  const name = `gazetteer-${fingerprint()}.json`
  let data: GazetteerData | undefined
  const cached = readCache(name)
  if (cached) {
    try {
      data = JSON.parse(cached) as GazetteerData
    } catch {
      data = undefined
    }
  }
  if (!data || data.version !== VERSION) {
    data = buildGazetteer()
    writeCache(name, JSON.stringify(data))
  }
  const garbleTables = new Map<string, LineTable<number[]>>()
  const built = data
  const words = new LineTable(built.words, (value) => value)
  const countryCodes = new LineTable(built.countryCodes, (value) => value)
  let cities: Map<string, Entity> | undefined
  loaded = {
    data: built,
    known: new LineTable(built.known, Number),
    words,
    isCommonWord: (lower) => words.has(lower) || STEMS.some(([ending, replacement]) => ending.test(lower) && words.has(lower.replace(ending, replacement))),
    countryCode: (lower) => countryCodes.get(lower),
    cityNamed(name) {
      cities ??= new Map(built.entities.filter((entity) => entity.kind === 'city').map((entity) => [entity.name, entity]))
      return cities.get(name)
    },
    keys: fromLines(built.keys, toIds),
    garblesFor(language) {
      let table = garbleTables.get(language)
      if (!table) garbleTables.set(language, (table = new LineTable(built.garbles[language] ?? '', toIds)))
      return table
    },
  }
  return loaded
}
