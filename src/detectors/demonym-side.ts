/**
 * Nationality adjectives used as nouns the Russian way: "the Russian side" for Russia
 * («российская сторона» names a party to talks), and "Israeli’s parents" for Israeli parents
 * (an adjective does not take a possessive); and an article MT adds before a nationality and a
 * person's name: "the American Robert Prevost" («американец Роберт Превост»).
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {countryOfDemonym} from '../entities/actors.js'
import {report} from '../findings.js'
import {sentencesOf, startsUpper, type Token} from '../parse/tokens.js'
import {loadGazetteer, type Entity, type Gazetteer} from '../entities/gazetteer.js'
import {isPastForm} from '../rules/inflect.js'
import {FUNCTION_WORDS, isFirstName} from './lexicon.js'

const INSTITUTIONS = new Set([
  'fund', 'foundation', 'institute', 'center', 'centre', 'museum', 'university', 'college', 'school', 'prize', 'award',
  'society', 'association', 'council', 'party', 'trust', 'company', 'group', 'bank', 'library', 'hospital', 'academy',
  // Offices after an institution's name: "the German Bundestag Speaker".
  'speaker', 'president', 'chairman', 'chairwoman', 'minister', 'director', 'spokesman', 'spokeswoman', 'chief', 'leader',
  'commissioner', 'secretary', 'ambassador', 'delegation', 'team', 'squad', 'embassy', 'ministry', 'government',
  'committee', 'commission', 'court', 'parliament', 'agency', 'office', 'service', 'union', 'federation', 'league',
  'club', 'cup', 'open', 'championship', 'championships', 'games', 'prix', 'festival', 'orchestra', 'opera', 'theater',
  'theatre', 'airlines', 'railways', 'navy', 'army', 'police', 'forces', 'guard', 'exchange', 'times', 'post', 'press',
  'news', 'institute', 'corporation', 'motors', 'airways', 'broadcasting', 'network', 'channel', 'order', 'medal',
])

/** Before "the Russian side", a place: "on the Russian side", "across the Polish side". */
const PLACE_PREPOSITIONS = new Set(['on', 'at', 'onto', 'across'])

/** Whether the words before "the" make "the Russian side" a place ("stuck on the Belarusian side"), not a party ("called on the Russian side"). */
function isPlaceBefore(tokens: Token[], article: number): boolean {
  const preposition = tokens[article - 1]?.norm ?? ''
  if (!PLACE_PREPOSITIONS.has(preposition)) return false
  return !(preposition === 'on' && /^call(?:s|ed|ing)?$/.test(tokens[article - 2]?.norm ?? ''))
}

const DETERMINERS = new Set(['a', 'an', 'the', 'each', 'every', 'one', 'this', 'that', 'any', 'no'])

/** Occupations a nationality and a name may frame: "the American scientist Mary Brunkow". */
const PROFESSIONS = new Set(
  ('scientist researcher physicist chemist biologist economist mathematician astronomer engineer inventor doctor surgeon ' +
    'writer author novelist poet journalist reporter photographer filmmaker director actor actress singer rapper musician ' +
    'composer pianist conductor artist painter sculptor architect designer chef model racer driver cyclist skier swimmer ' +
    'runner sprinter player golfer boxer wrestler climber footballer striker goalkeeper coach businessman businesswoman ' +
    'billionaire entrepreneur investor politician diplomat astronaut cosmonaut pilot activist dissident cardinal priest ' +
    'bishop philosopher historian explorer grandmaster champion athlete gymnast skater fencer rower sailor weightlifter ' +
    'midfielder defender jumper hurdler marathoner mountaineer lawyer blogger comedian dancer ballerina ' +
    // "the Japanese company Nippon Steel", "the Swiss bank Credit Suisse": a company named in two words.
    'company firm carmaker automaker steelmaker chipmaker conglomerate bank airline manufacturer retailer insurer broadcaster ' +
    'channel newspaper network')
    .split(' ')
    .flatMap((word) => [word, word.endsWith('man') ? word.slice(0, -3) + 'men' : word + 's']),
)

/** Demonyms that are also a state's name, which takes "the": the Vatican. */
const NAMES_WITH_THE = new Set(['vatican'])

/** Nationality nouns that differ from the adjective: "the Spaniard Carlos Alcaraz", "the Pole Iga Swiatek". */
const DEMONYM_NOUNS = new Set([
  'spaniard', 'pole', 'swede', 'dane', 'finn', 'briton', 'brit', 'scot', 'turk', 'dutchman', 'dutchwoman', 'frenchman',
  'frenchwoman', 'englishman', 'englishwoman', 'irishman', 'irishwoman', 'welshman', 'icelander', 'kiwi', 'aussie',
])

/** The ISO code of the country a nationality adjective names: the actors' own list first ("American" is also the Northern Marianas'). */
function countryCodeOfDemonym(gazetteer: Gazetteer, demonym: string): string | undefined {
  const country = countryOfDemonym(demonym)
  return country ? gazetteer.countryCode(country.replace(/^the /, '').toLowerCase()) : undefined
}

/**
 * A city of one or two capitalized words at `start` that ends the noun phrase: punctuation or a
 * function word follows ("in the Russian Kursk region" is a region, "the French Open" no city).
 */
function cityAfter(gazetteer: Gazetteer, tokens: Token[], start: number): {entity: Entity; end: number} | undefined {
  for (const length of [2, 1]) {
    const words = tokens.slice(start, start + length)
    if (words.length < length || !words.every((word) => word.kind === 'word' && startsUpper(word.text))) continue
    if (length === 2 && !words[1].spaceBefore) continue
    const entity = gazetteer.cityNamed(words.map((word) => word.text).join(' '))
    if (!entity) continue
    const next = tokens[start + length]
    if (next && next.kind === 'word' && !FUNCTION_WORDS.has(next.norm) && !isPastForm(next.norm)) return undefined
    return {entity, end: start + length}
  }
  return undefined
}

export default function retextDemonymSide() {
  return (tree: Root, file: VFile): undefined => {
    const gazetteer = loadGazetteer()
    for (const {tokens} of sentencesOf(tree, file)) {
      tokens.forEach((token, i) => {
        if (!token.norm.endsWith("'s")) return
        const possessive = /^(\p{Lu}\p{Ll}+)['’]s$/u.exec(token.text)
        if (!possessive || !countryOfDemonym(possessive[1].toLowerCase())) return
        // "an Israeli's account": a person, correctly possessive.
        if (DETERMINERS.has(tokens[i - 1]?.norm ?? '')) return
        const next = tokens[i + 1]
        if (!next || next.kind !== 'word' || !/^\p{Ll}/u.test(next.text)) return
        report(file, {
          source: 'demonym-side',
          ruleId: 'possessive-adjective',
          reason: `Unexpected \`${token.text}\`, expected \`${possessive[1]}\`: a nationality adjective takes no possessive`,
          start: token.start,
          end: token.end,
          expected: [possessive[1]],
          category: 'grammar',
          level: 'warning',
          apply: 'review',
        })
      })
      for (let i = 0; i + 3 < tokens.length; i++) {
        const article = tokens[i]
        if (article.norm !== 'the') continue
        // "the American scientists Mary Brunkow and …": an occupation may stand between.
        const role = PROFESSIONS.has(tokens[i + 2]?.norm ?? '') && tokens[i + 2].text === tokens[i + 2].norm ? 1 : 0
        const demonym = tokens[i + 1]
        const given = tokens[i + 2 + role]
        const surname = tokens[i + 3 + role]
        if (!given || !surname) continue
        if (!startsUpper(demonym.text) || !(countryOfDemonym(demonym.norm) || DEMONYM_NOUNS.has(demonym.norm))) continue
        // "the secretary of state of the Vatican Pietro Parolin": the state's own name, with its article.
        if (NAMES_WITH_THE.has(demonym.norm)) continue
        // A given name English lists know, or a capitalized word that is no English word ("Jannik",
        // "Iga"); "the Italian Grand Prix" and "the American Airlines flight" are not people.
        if (given.kind !== 'word' || !startsUpper(given.text)) continue
        if (!isFirstName(given.text) && gazetteer.isCommonWord(given.norm)) continue
        if (surname.kind !== 'word' || !startsUpper(surname.text) || !surname.spaceBefore) continue
        // "the German Marshall Fund", "the American Henry Ford Museum" are institutions, not people.
        const next = tokens[i + 4 + role]
        if (INSTITUTIONS.has(surname.norm) || (next?.kind === 'word' && startsUpper(next.text) && next.spaceBefore)) continue
        report(file, {
          source: 'demonym-side',
          ruleId: 'article-before-named-person',
          reason: `Unexpected \`${article.text} ${demonym.text}\` before a name, expected \`${demonym.text}\`: a nationality before a person's name takes no article`,
          start: article.start,
          end: demonym.end,
          expected: [demonym.text],
          category: 'grammar',
          level: 'warning',
          apply: 'review',
        })
      }
      // "the" and a nationality adjective: before "side" (a party to talks) or before a city of that country.
      for (let i = 0; i + 2 < tokens.length; i++) {
        const article = tokens[i]
        if (article.norm !== 'the') continue
        const demonym = tokens[i + 1]
        if (!startsUpper(demonym.text)) continue
        const side = tokens[i + 2]
        if (side.norm === 'side' || side.norm === 'sides') {
          const country = countryOfDemonym(demonym.norm)
          // "the Russian side of the border", "stuck on the Belarusian side" are places, not parties.
          if (!country || tokens[i + 3]?.norm === 'of' || isPlaceBefore(tokens, i)) continue
          report(file, {
            source: 'demonym-side',
            ruleId: 'country-not-side',
            reason: `Unexpected \`${article.text} ${demonym.text} ${side.text}\`, expected \`${country}\`: English names the country (or its government)`,
            start: article.start,
            end: side.end,
            expected: [country, `the ${demonym.text} government`].map((value) =>
              article.text === 'The' ? value.charAt(0).toUpperCase() + value.slice(1) : value,
            ),
            category: 'style',
            level: 'suggestion',
            apply: 'review',
          })
          continue
        }
        const city = cityAfter(gazetteer, tokens, i + 2)
        if (!city) continue
        const code = countryCodeOfDemonym(gazetteer, demonym.norm)
        if (!code || !city.entity.countries?.split(',').includes(code)) continue
        const name = String(file.value).slice(tokens[i + 2].start, tokens[city.end - 1].end)
        report(file, {
          source: 'demonym-side',
          ruleId: 'nationality-before-city',
          reason: `Unexpected \`${article.text} ${demonym.text} ${name}\`, expected \`${article.text} ${demonym.text} city of ${name}\`: English names a city with its country, not with a nationality adjective`,
          start: article.start,
          end: tokens[city.end - 1].end,
          expected: [`${article.text} ${demonym.text} city of ${name}`, `${name}, ${countryOfDemonym(demonym.norm)!.replace(/^the /, '')}`],
          category: 'grammar',
          level: 'warning',
          apply: 'review',
        })
      }
    }
    return undefined
  }
}
