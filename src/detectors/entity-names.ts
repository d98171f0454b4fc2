/**
 * Named entities MT transliterated or declined: "Dohi" (Дохи → Doha), "Katar", "Kanada",
 * "Floridy", "Dzhidda", "Netan'yakhu". Candidates come from the gazetteer: first the garbled forms
 * generated from each entity's source-language name, then, for unknown words, a transliteration
 * key compared with prominent entities. A word that is itself a known name or a common English
 * word is left alone unless the entity it garbles is far more prominent than what it names.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {loadGazetteer, type Entity} from '../entities/gazetteer.js'
import {translitKey} from '../entities/romanize.js'
import {report} from '../findings.js'
import {sentencesOf, type Token} from '../parse/tokens.js'
import {isFirstName, NAME_TITLES, startsUpper} from './lexicon.js'

// Words for places far smaller than any city the gazetteer holds (it keeps cities of 100,000 and more).
const SMALL_PLACE_WORDS = new Set(['village', 'hamlet', 'settlement', 'commune', 'kibbutz', 'township'])

export interface EntityNamesOptions {
  /** Source language of the translation (ISO 639-1); the gazetteer's garbles are per language. */
  from?: string
}

/**
 * A known name is left alone unless it names something small (under KNOWN_FLOOR people) and the
 * entity it looks like a garble of is at least PROMINENCE_RATIO times more prominent: "Kanada", a
 * village in Indonesia, is still Canada; "Salvador", a city of millions, is not El Salvador.
 */
const PROMINENCE_RATIO = 50
const KNOWN_FLOOR = 50_000
const MAX_PHRASE = 3

function isApostrophe(character: string): boolean {
  return character === "'" || character === '’'
}

// Asked for every capitalized word: string tests, not a regex.
function stripPossessive(text: string): {base: string; suffix: string} {
  const cut = isApostrophe(text.charAt(text.length - 1)) ? 1 : text.endsWith('s') && isApostrophe(text.charAt(text.length - 2)) ? 2 : 0
  return cut > 0 && text.length - cut > 1 ? {base: text.slice(0, -cut), suffix: text.slice(-cut)} : {base: text, suffix: ''}
}

function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true
  if (a.length === b.length) {
    let differences = 0
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && ++differences > 1) return false
    return true
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a]
  let i = 0
  while (i < short.length && short[i] === long[i]) i++
  return short.slice(i) === long.slice(i + 1)
}

// Arabic names keep a lower-case article: "al-Sharaa", "ash-Shara" are names too.
const ARABIC_ARTICLE_NAME = /^(?:al|el|ash|as|ad|ar|at|az|an)-\p{Lu}/u

// Asked for every word: the hyphen is looked for before the regex runs.
function hasArabicArticle(text: string): boolean {
  const hyphen = text.charCodeAt(2) === 45 ? 2 : text.charCodeAt(3) === 45 ? 3 : -1
  return hyphen > 0 && ARABIC_ARTICLE_NAME.test(text)
}

/** A capitalized word or a title ("Mr."): what stands before a person's surname. */
function isNameOrTitle(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'word' && (/^\p{Lu}\p{Ll}+$/u.test(token.text) || NAME_TITLES.has(token.norm))
}

function isGivenName(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'word' && isFirstName(token.text)
}

/** A word token written with a capital, or an Arabic name with its article ("al-Sharaa"). */
function isCapitalized(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'word' && (startsUpper(token.text) || hasArabicArticle(token.text))
}

/** Lower-case particles inside personal names: "Alexandre de Moraes", "Ursula von der Leyen". */
const NAME_PARTICLES = new Set(['de', 'da', 'do', 'dos', 'das', 'di', 'del', 'della', 'du', 'van', 'von', 'der', 'den', 'ter', 'bin', 'ibn', 'al', 'el', 'la', 'le'])

const REGION_WORDS = new Set(['oblast', 'region', 'krai', 'kray', 'province', 'district'])

/**
 * "Kurganskaya oblast" → "Kurgan region": Russian names a region with an adjective of its main
 * city; English uses the city's name. The adjective's stem is checked against known names.
 */
function regionAdjective(tokens: Token[], index: number, isKnown: (name: string) => boolean): {actual: string; expected: string} | undefined {
  const adjective = tokens[index]
  const noun = tokens[index + 1]
  if (!noun || !REGION_WORDS.has(noun.norm) || !noun.spaceBefore) return undefined
  const match = /^(\p{Lu}\p{Ll}+?)(sk)?(aya|aja|oy|oi|oj|iy|ogo|oye|oe)$/u.exec(adjective.text)
  if (!match) return undefined
  const [, stem, sk] = match
  // Kurskaya → Kursk (the city ends in -sk); Kurganskaya → Kurgan.
  const candidates = sk ? [stem + 'sk', stem] : [stem]
  const city = candidates.find(isKnown)
  if (!city) return undefined
  return {actual: `${adjective.text} ${noun.text}`, expected: `${city} region`}
}

// English-language news writes Russian names with -y (Medinsky, Dmitry), not -iy / -ii / -ij.
const FIRST_NAME_ENDINGS = new Map(Object.entries({
  dmitriy: 'Dmitry', dmitrii: 'Dmitry', yuriy: 'Yury', yurii: 'Yury', valeriy: 'Valery', valerii: 'Valery',
  anatoliy: 'Anatoly', anatolii: 'Anatoly', grigoriy: 'Grigory', grigorii: 'Grigory', vasiliy: 'Vasily',
  vasilii: 'Vasily', gennadiy: 'Gennady', gennadii: 'Gennady', arkadiy: 'Arkady', evgeniy: 'Yevgeny',
  evgenii: 'Yevgeny', yevgeniy: 'Yevgeny', sergei: 'Sergei', sergey: 'Sergei', aleksey: 'Alexei',
  aleksei: 'Alexei', alexey: 'Alexei', nikolay: 'Nikolai', andrey: 'Andrei', mikhail: 'Mikhail',
}))

const SURNAME_ENDINGS = new Set(['iy', 'ii', 'ij', 'yi', 'yy'])

function russianNameEnding(word: string, lower: string): string | undefined {
  const first = FIRST_NAME_ENDINGS.get(lower)
  if (first) return first.toLowerCase() === lower ? undefined : first
  // Asked for every capitalized word: the last letter is looked at before anything is cut.
  const last = word.charCodeAt(word.length - 1)
  if ((last !== 121 && last !== 105 && last !== 106) || !SURNAME_ENDINGS.has(word.slice(-2))) return undefined
  const surname = /^(\p{Lu}\p{Ll}{2,}(?:sk|tsk|zk|ck))(?:iy|ii|ij|yi|yy)$/u.exec(word)
  return surname ? surname[1] + 'y' : undefined
}

/**
 * The given names before a known person's surname, romanized from the source language ("Redzhep
 * Tayip Erdogan", "Vladimir Zelensky"): the run of garbled words becomes one finding. A garble
 * that is itself a known or common given name ("Vladimir", "Andrey") is someone's correct name: only a suggestion.
 */
function reportGivenNames(file: VFile, tokens: Token[], surnameAt: number, person: Entity, isKnownName: (name: string) => boolean): number[] {
  const reported: number[] = []
  let first = surnameAt
  while (first > 0 && tokens[first].spaceBefore && isNameOrTitle(tokens[first - 1]) && !NAME_TITLES.has(tokens[first - 1].norm)) {
    const word = tokens[first - 1].text
    if (!isGivenNameOf(person, word)) break
    first--
  }
  let start = first
  while (start < surnameAt) {
    if (givenGarbleOf(person, tokens[start].text) === undefined) {
      start++
      continue
    }
    let end = start
    while (end < surnameAt && givenGarbleOf(person, tokens[end].text) !== undefined) end++
    const words = tokens.slice(start, end)
    const actual = words.map((token) => token.text).join(' ')
    const expected = words.map((token) => givenGarbleOf(person, token.text)).join(' ')
    report(file, {
      source: 'entity-names',
      ruleId: 'transliterated-given-name',
      reason: `Unexpected \`${actual}\`, expected \`${expected}\`: ${person.name}'s given name as romanized from the source language`,
      start: tokens[start].start,
      end: tokens[end - 1].end,
      expected: [expected],
      category: 'entity',
      level: 'warning',
      apply: words.some((token) => isKnownName(token.text) || isFirstName(token.text)) ? 'review' : 'auto',
      priority: 5,
    })
    for (let index = start; index < end; index++) reported.push(index)
    start = end
  }
  return reported
}

/** The English given name a romanized word garbles ("Redzhep" → "Recep"); own keys only: "Constructor" is nobody's. */
function givenGarbleOf(person: Entity, word: string): string | undefined {
  const garbles = person.givenGarbles
  const key = word.toLowerCase()
  return garbles && Object.hasOwn(garbles, key) ? garbles[key] : undefined
}

/** One of the person's given names, or a garble of one: "Tayyip" and "Tayip" are Erdogan's. */
function isGivenNameOf(person: Entity, word: string): boolean {
  return person.given?.some((given) => given.split(' ').includes(word)) === true || givenGarbleOf(person, word) !== undefined
}

// People listed with their given names in the source language, by surname, for the gazetteer's entities.
let surnamesWithGiven: {entities: Entity[]; bySurname: Map<string, Entity>} | undefined

export default function retextEntityNames(options: EntityNamesOptions = {}) {
  const language = options.from ?? 'ru'
  // The same capitalized words recur within and across documents: look each up once.
  const memo = new Map<string, ReturnType<typeof lookUp> | null>()
  let lookUp: (phrase: string) => {entities: Entity[]; exact: boolean} | undefined = () => undefined
  return (tree: Root, file: VFile): undefined => {
    const gazetteer = loadGazetteer()
    const garbles = gazetteer.garblesFor(language)
    const entities = gazetteer.data.entities

    /** Entities a (capitalized) phrase may be a garble of, best first, and whether it is an exact garble. */
    lookUp = (phrase: string): {entities: Entity[]; exact: boolean} | undefined => {
      const lower = phrase.toLowerCase().replace(/’/g, "'")
      const exact = garbles.get(lower)
      const knownWeight = gazetteer.known.get(lower) ?? gazetteer.known.get(lower.replace(/'/g, ''))
      // Acronyms (NOAA, NATO) are not transliterations.
      if (!exact && /^[\p{Lu}\d]+$/u.test(phrase)) return undefined
      let found: Entity[] = []
      let isExact = false
      if (exact) {
        found = exact.map((id) => entities[id])
        isExact = true
      } else if (knownWeight === undefined && !/\s/.test(phrase) && !gazetteer.isCommonWord(lower) && lower.replace(/[^a-z]/g, '').length >= 4) {
        // Fuzzy matching only for single words: a phrase of several capitals is too often a name.
        const key = translitKey(phrase)
        found = (gazetteer.keys.get(key) ?? nearKeys(key)).map((id) => entities[id])
      }
      found = found.filter((entity) => entity.name.toLowerCase() !== lower)
      if (found.length === 0) return undefined
      // A correct name or a common word stays, unless it names something small next to the entity.
      if (gazetteer.isCommonWord(lower)) return undefined
      if (knownWeight !== undefined && (knownWeight >= KNOWN_FLOOR || found[0].prominence < knownWeight * PROMINENCE_RATIO)) return undefined
      return {entities: found, exact: isExact}
    }
    const candidatesFor = (phrase: string): {entities: Entity[]; exact: boolean} | undefined => {
      let found = memo.get(phrase)
      if (found === undefined) {
        if (memo.size > 100_000) memo.clear()
        found = lookUp(phrase) ?? null
        memo.set(phrase, found)
      }
      return found ?? undefined
    }

    /** Keys one edit away, for longer words only ("Venesuela" → Venezuela). */
    const nearKeys = (key: string): number[] => {
      if (key.length < 6) return []
      const ids: number[] = []
      for (const [other, list] of gazetteer.keys)
        if (other[0] === key[0] && Math.abs(other.length - key.length) <= 1 && withinOneEdit(other, key)) ids.push(...list)
      return ids.sort((a, b) => entities[b].prominence - entities[a].prominence)
    }

    const isUnknown = (word: string): boolean => {
      const lower = word.toLowerCase()
      return !gazetteer.known.has(lower) && !gazetteer.isCommonWord(lower)
    }

    const isKnownName = (name: string): boolean => gazetteer.known.has(name.toLowerCase())
    if (surnamesWithGiven?.entities !== entities)
      surnamesWithGiven = {entities, bySurname: new Map(entities.filter((entity) => entity.givenGarbles).map((entity) => [entity.name, entity]))}
    const bySurname = surnamesWithGiven.bySurname
    for (const {tokens} of sentencesOf(tree, file)) {
      // Given names first: a word they report is no other garble ("Andrey Yermak" is Andriy, not Andrei).
      let givenReported: Set<number> | undefined
      for (let i = 1; i < tokens.length; i++) {
        const person = isCapitalized(tokens[i]) ? bySurname.get(stripPossessive(tokens[i].text).base) : undefined
        if (person) for (const index of reportGivenNames(file, tokens, i, person, isKnownName)) (givenReported ??= new Set()).add(index)
      }
      for (let i = 0; i < tokens.length; i++) {
        const first = tokens[i]
        if (!isCapitalized(first) || givenReported?.has(i)) continue
        const region = regionAdjective(tokens, i, isKnownName)
        if (region) {
          report(file, {
            source: 'entity-names',
            ruleId: 'russian-region-adjective',
            reason: `Unexpected \`${region.actual}\`, expected \`${region.expected}\`: English names a Russian region after its city`,
            start: first.start,
            end: tokens[i + 1].end,
            expected: [region.expected],
            category: 'entity',
            level: 'warning',
            apply: 'review',
            priority: 5,
          })
          i++
          continue
        }
        const ending = russianNameEnding(first.text, first.norm)
        // Only as a person's name: after a first name or a title ("Vladimir Medinskiy", "Mr. Peskovskiy").
        const previous = tokens[i - 1]
        if (ending && (FIRST_NAME_ENDINGS.has(first.norm) || isNameOrTitle(previous)) && isUnknown(first.text) && !garbles.has(first.norm)) {
          report(file, {
            source: 'entity-names',
            ruleId: 'russian-name-ending',
            reason: `Unexpected \`${first.text}\`, expected \`${ending}\`: English-language news spells this Russian name ending with -y`,
            start: first.start,
            end: first.end,
            expected: [ending],
            category: 'entity',
            level: 'warning',
            apply: 'review',
            priority: 4,
          })
          continue
        }
        // Longest phrase first: "Saudovskaya Araviya", "Abu Dabi".
        for (let length = Math.min(MAX_PHRASE, tokens.length - i); length >= 1; length--) {
          let allCapitalized = true
          for (let k = 1; k < length && allCapitalized; k++) allCapitalized = isCapitalized(tokens[i + k]) && tokens[i + k].spaceBefore
          if (!allCapitalized) continue
          const {base, suffix} = stripPossessive(tokens[i + length - 1].text)
          let text = base
          for (let k = i + length - 2; k >= i; k--) text = tokens[k].text + ' ' + text
          // "the Sverdlovsk region", "Leningrad oblast": a region keeps the Soviet-era city name.
          if (REGION_WORDS.has(tokens[i + length]?.norm ?? '')) continue
          const found = candidatesFor(text)
          if (!found) {
            // A known name of several words is correct as a whole: none of its words is a garble ("Sri Lanka" holds no "Sri").
            if (length > 1 && gazetteer.known.has(text.toLowerCase().replace(/’/g, "'"))) {
              i += length - 1
              break
            }
            continue
          }
          // A word after a given name is a surname, whatever place it spells ("Maia Sandu", not Sanda);
          // a garbled surname of a known person stays a finding ("Vladimir Medinskiy").
          if (length === 1 && found.entities[0].kind !== 'person' && first.spaceBefore && isGivenName(previous)) continue
          // So is a look-alike after an unfamiliar capitalized word in mid-sentence: "Mojtaba Amani"
          // is the ambassador, not Amman; an unknown first name is no place. Not at a sentence's
          // first word, which is capitalized whatever it is.
          if (length === 1 && !found.exact && found.entities[0].kind !== 'person' && first.spaceBefore && i - 1 > 0 && isNameOrTitle(previous) && isUnknown(previous!.text)) continue
          // A person known by surname, after another given name, is another person: "Salvador
          // Nasralla" is no garble of (Hassan) Nasrallah.
          const given = found.entities[0].given
          if (length === 1 && given && first.spaceBefore && isNameOrTitle(previous) && !NAME_TITLES.has(previous!.norm) && !isGivenNameOf(found.entities[0], previous!.text)) continue
          // A look-alike followed by a capitalized word, or by a name particle and one, is a first
          // name ("Samy Pessé", "Alexandre de Moraes"), not a place.
          const after = tokens[i + length]
          const surnameAt = after && NAME_PARTICLES.has(after.text) ? tokens[i + length + 1] : after
          if (!found.exact && surnameAt?.kind === 'word' && surnameAt.spaceBefore && /^\p{Lu}/u.test(surnameAt.text)) continue
          // "the village Tempi" is no garble of Tempe, Arizona: the gazetteer's places are cities.
          const placeWord = previous?.norm === 'of' ? tokens[i - 2] : previous
          if (found.entities[0].kind === 'city' && SMALL_PLACE_WORDS.has(placeWord?.norm ?? '')) continue
          const expected = found.entities.slice(0, 3).map((entity) => entity.name + suffix)
          report(file, {
            source: 'entity-names',
            ruleId: found.exact ? 'transliterated-name' : 'name-like-transliteration',
            reason: `Unexpected \`${text}\`, expected \`${found.entities[0].name}\`: ${found.exact ? 'a romanized or declined form of the name' : 'spelled like a transliteration of the name'}`,
            start: first.start,
            end: tokens[i + length - 1].end,
            expected,
            category: 'entity',
            level: found.exact ? 'error' : 'warning',
            apply: found.exact && found.entities.length === 1 ? 'auto' : 'review',
            priority: 5,
          })
          i += length - 1
          break
        }
      }
    }
    return undefined
  }
}
