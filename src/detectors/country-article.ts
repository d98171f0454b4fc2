/**
 * "the" before a country whose English name takes none: "snow melting in the Kazakhstan".
 * Russian has no articles, so MT guesses; names like the Netherlands or the United States keep
 * theirs, and "the Kazakhstan government" (the name as a modifier) is left alone.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {actorAt} from '../entities/actors.js'
import {report} from '../findings.js'
import {sentencesOf, type Token} from '../parse/tokens.js'
import {isPastForm} from '../rules/inflect.js'
import {capitalize, FUNCTION_WORDS} from './lexicon.js'

/** English country names that take "the". */
const TAKES_THE = /^(United |Republic|Central African|Dominican|Czech|Democratic|Holy See|Vatican)|s$|^(Gambia|Congo|Bahamas|Philippines|Netherlands|Maldives|Seychelles|Comoros)$/

const PLACE_ADJECTIVES = new Set(['neighboring', 'neighbouring', 'neighbor', 'northern', 'southern', 'eastern', 'western', 'central', 'war-torn', 'landlocked', 'oil-rich', 'tiny', 'impoverished', 'isolated', 'modern', 'present-day', 'communist', 'democratic', 'independent', 'post-war', 'postwar', 'pre-war', 'prewar', 'wartime', 'ancient', 'medieval', 'occupied', 'divided', 'reunified', 'contemporary'])

// Continents and regions named without an article, like most countries: "The Europe is weakening".
const CONTINENTS = new Set(['europe', 'asia', 'africa', 'antarctica', 'eurasia', 'oceania', 'scandinavia', 'siberia'])
// After these, "the Europe" is a particular one: "the Europe of the 1930s", "the Asia that we know".
const PARTICULAR_AFTER = new Set(['of', 'that', 'which', 'we', 'they', 'he', 'she', 'i', 'you', 'where', 'whose'])

function continentAt(tokens: Token[], index: number): {actor: {kind: 'country'; name: string}; end: number} | undefined {
  const token = tokens[index]
  if (!token || !CONTINENTS.has(token.norm) || !/^\p{Lu}/u.test(token.text)) return undefined
  if (PARTICULAR_AFTER.has(tokens[index + 1]?.norm ?? '')) return undefined
  return {actor: {kind: 'country', name: token.text}, end: index + 1}
}

export default function retextCountryArticle() {
  return (tree: Root, file: VFile): undefined => {
    for (const {tokens} of sentencesOf(tree, file)) {
      for (let i = 0; i + 1 < tokens.length; i++) {
        const article = tokens[i]
        if (article.norm !== 'the') continue
        // "the neighboring Thailand": an adjective of place or size between keeps no article either.
        const described = PLACE_ADJECTIVES.has(tokens[i + 1].norm) ? 1 : 0
        const found = actorAt(tokens, i + 1 + described) ?? continentAt(tokens, i + 1 + described)
        if (!found || found.actor.kind !== 'country' || TAKES_THE.test(found.actor.name)) continue
        const next = tokens[found.end]
        // The name as a modifier ("the Israel-Hamas talks", "the Kazakhstan government") is fine;
        // after a place adjective a verb may follow the name ("in the central Vietnam grew to 41").
        if (next && next.kind === 'word' && !FUNCTION_WORDS.has(next.norm) && !(described && isPastForm(next.norm))) continue
        if (next && /^['’]s?$/.test(next.text)) continue
        const name = tokens.slice(i + 1, found.end)
        const text = String(file.value).slice(name[0].start, name[name.length - 1].end)
        report(file, {
          source: 'country-article',
          ruleId: 'article-before-country',
          reason: `Unexpected \`${article.text}\` before \`${text}\`, expected no article`,
          start: article.start,
          end: name[name.length - 1].end,
          // "The neighboring South Sudan" opens a sentence: "Neighboring South Sudan".
          expected: [article.text === 'The' ? capitalize(text) : text],
          category: 'grammar',
          level: 'warning',
          apply: 'review',
        })
      }
    }
    return undefined
  }
}
