/**
 * An office named the Russian way before a person of a country that names it otherwise. Russian
 * says «министр обороны» in every country, so MT back into English gives "Minister of Defense Pete
 * Hegseth" where American news writes "Defense Secretary Pete Hegseth". People and the countries
 * where they hold office come from rules/lists/people.yml, each country's titles from
 * rules/lists/titles.yml.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {loadGazetteer} from '../entities/gazetteer.js'
import {report} from '../findings.js'
import {sentencesOf, type Token} from '../parse/tokens.js'
import {tokenizeLiteral} from '../rules/compile.js'
import {readShippedList} from '../rules/load.js'

interface Title {
  country: string
  words: string[]
  office: string
}

interface OfficeData {
  /** Country code by the lower-cased name of a person who holds office there. */
  countryOf: Map<string, string>
  /** Titles of every country by their first word, longest first. */
  titles: Map<string, Title[]>
}

const MAX_NAME_WORDS = 4
// "of the USA" after the title says the same as the name does.
const COUNTRY_TAILS = ['of the USA', 'of the United States', 'of the US', 'of the U.S.', 'of America', 'of the United Kingdom', 'of Great Britain', 'of Britain', 'of the UK'].map((tail) =>
  tokenizeLiteral(tail).map((token) => token.norm),
)

let cached: OfficeData | undefined

function officeData(): OfficeData {
  if (cached) return cached
  const {people} = readShippedList<{people: Array<{name: string; country?: string}>}>('people.yml')
  const countryOf = new Map(people.filter((person) => person.country).map((person) => [person.name.toLowerCase(), person.country!]))
  const titles = new Map<string, Title[]>()
  for (const [country, table] of Object.entries(readShippedList<{titles: Record<string, Record<string, string>>}>('titles.yml').titles)) {
    for (const [title, office] of Object.entries(table)) {
      const words = tokenizeLiteral(title).map((token) => token.norm)
      const list = titles.get(words[0]) ?? []
      list.push({country, words, office})
      titles.set(words[0], list)
    }
  }
  for (const list of titles.values()) list.sort((a, b) => b.words.length - a.words.length)
  cached = {countryOf, titles}
  return cached
}

const matchesAt = (tokens: Token[], start: number, words: string[]): boolean =>
  start + words.length <= tokens.length && words.every((word, k) => tokens[start + k].norm === word)

export default function retextOfficeTitle() {
  return (tree: Root, file: VFile): undefined => {
    const {countryOf, titles} = officeData()
    const gazetteer = loadGazetteer()
    const garbles = gazetteer.garblesFor('ru')
    const {entities} = gazetteer.data
    /** The country of the person named by the capitalized words from `start`, if any. */
    const countryOfName = (tokens: Token[], start: number): string | undefined => {
      const words: string[] = []
      for (let k = start; k < tokens.length && k < start + MAX_NAME_WORDS && /^\p{Lu}/u.test(tokens[k].text); k++) {
        words.push(tokens[k].norm)
        // The surname, the full name, or a romanized form of either ("Pete Hegset").
        for (const candidate of [words.join(' '), tokens[k].norm]) {
          const country = countryOf.get(candidate) ?? garbles.get(candidate)?.map((id) => countryOf.get(entities[id].name.toLowerCase())).find(Boolean)
          if (country) return country
        }
      }
      return undefined
    }
    const text = String(file.value)
    for (const {tokens} of sentencesOf(tree, file)) {
      for (let i = 0; i < tokens.length; i++) {
        const start = i
        const titleStart = tokens[i].norm === 'the' ? i + 1 : i
        if (titleStart >= tokens.length) continue
        const candidates = titles.get(tokens[titleStart].norm)
        if (!candidates) continue
        for (const title of candidates) {
          if (!matchesAt(tokens, titleStart, title.words)) continue
          let end = titleStart + title.words.length
          const tail = COUNTRY_TAILS.find((words) => matchesAt(tokens, end, words))
          if (tail) end += tail.length
          if (end >= tokens.length || countryOfName(tokens, end) !== title.country) continue
          const actual = text.slice(tokens[start].start, tokens[end - 1].end)
          report(file, {
            source: 'office-title',
            ruleId: 'office-title',
            reason: `Unexpected \`${actual}\` before the name, expected \`${title.office}\`: the office's name in that country`,
            start: tokens[start].start,
            end: tokens[end - 1].end,
            expected: [title.office],
            category: 'accuracy/mistranslation',
            level: 'warning',
            apply: 'review',
          })
          i = end - 1
          break
        }
      }
    }
    return undefined
  }
}
