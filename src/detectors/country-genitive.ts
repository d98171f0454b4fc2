/**
 * "the officials of Israel" for "Israeli officials": Russian marks nationality with a genitive
 * («представители Израиля»), MT keeps the "of"; English news puts the demonym first.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {actorAt} from '../entities/actors.js'
import {report} from '../findings.js'
import {sentencesOf, type Token} from '../parse/tokens.js'
import {documentApostrophe, withApostrophe} from '../rules/plugin.js'
import {capitalize, FUNCTION_WORDS, startsUpper} from './lexicon.js'

// Only groups whose "of Country" form is the MT calque; "the leaders of Iran" is good English.
const GROUPS = new Set([
  'officials', 'representatives', 'diplomats', 'negotiators', 'delegation', 'lawmakers',
  'prosecutors', 'investigators', 'hostages', 'army', 'military', 'navy', 'troops', 'forces', 'authorities', 'police',
])
// "the naval forces of Israel" → "the Israeli naval forces".
const FORCES = new Set(['naval', 'armed', 'air', 'ground', 'security', 'special', 'border', 'defense', 'defence'])

// "President of Ukraine Volodymyr Zelensky" → "Ukrainian President Volodymyr Zelensky".
// "Minister of Foreign Affairs of Iran Abbas Araghchi" → "Iranian Foreign Minister Abbas Araghchi".
const TITLE_NAMES: Record<string, string> = {
  President: 'President', 'Prime Minister': 'Prime Minister', 'Foreign Minister': 'Foreign Minister',
  'Defense Minister': 'Defense Minister', 'Defence Minister': 'Defence Minister', King: 'King', Queen: 'Queen', 'Queen Mother': 'Queen Mother', 'Crown Prince': 'Crown Prince',
  Emir: 'Emir', Chancellor: 'Chancellor', 'Minister of Foreign Affairs': 'Foreign Minister',
  'Minister of Defense': 'Defense Minister', 'Minister of Defence': 'Defence Minister', 'Minister of Finance': 'Finance Minister',
  'Minister of Internal Affairs': 'Interior Minister', 'Minister of Justice': 'Justice Minister', 'Minister of Economy': 'Economy Minister',
  Leader: 'leader', 'Supreme Leader': 'Supreme Leader', 'Vice President': 'Vice President', 'Vice-President': 'Vice President',
}
// Matched in any case: MT writes "the prime minister of Spain Pedro Sánchez" as often as the capitalized form.
const TITLES = Object.keys(TITLE_NAMES).map((title) => title.toLowerCase().split(' ')).sort((a, b) => b.length - a.length)
const TITLE_STARTS = new Set(TITLES.map((words) => words[0]))
const TITLE_NAME_OF = new Map(Object.entries(TITLE_NAMES).map(([title, name]) => [title.toLowerCase(), name]))

// Things a country has that English writes with a possessive: "the proposal of Israel" → "Israel's proposal".
// Not "position" or "leadership": "the position of the United States" is good formal English.
const POSSESSIONS = new Set([
  'proposal', 'proposals', 'plan', 'plans', 'initiative', 'demands', 'offer', 'partners', 'allies',
  'ministry', 'envoy', 'embassy', 'delegation', 'infrastructure', 'might', 'arsenal',
  // "the offensive of Azerbaijan" is Azerbaijan's; "the invasion of Ukraine" is not Ukraine's, so only this.
  'offensive',
])
const RELATIONAL = new Set(['partners', 'allies'])
const MAX_MODIFIERS = 2

export default function retextCountryGenitive() {
  return (tree: Root, file: VFile): undefined => {
    const text = String(file.value)
    for (const {tokens} of sentencesOf(tree, file)) {
      for (let i = 0; i < tokens.length; i++) {
        if (!TITLE_STARTS.has(tokens[i].norm)) continue
        const words = TITLES.find((candidate) => candidate.every((word, k) => tokens[i + k]?.norm === word) && tokens[i + candidate.length]?.norm === 'of')
        if (!words) continue
        const title = TITLE_NAME_OF.get(words.join(' '))!
        const afterOf = i + words.length + 1
        const found = actorAt(tokens, afterOf)
        if (!found || found.actor.kind !== 'country' || !found.actor.demonym) continue
        const name = tokens[found.end]
        if (!name || name.kind !== 'word' || !startsUpper(name.text)) continue
        const countryEnd = tokens[found.end - 1].end
        // A title with the demonym before a name takes no article: "South Korean President Yoon".
        const article = tokens[i - 1]?.norm === 'the' ? tokens[i - 1] : undefined
        const start = article ? article.start : tokens[i].start
        report(file, {
          source: 'country-genitive',
          ruleId: 'demonym-before-title',
          reason: `Unexpected \`${text.slice(start, countryEnd)}\` before a name, expected \`${found.actor.demonym} ${title}\``,
          start,
          end: countryEnd,
          expected: article ? [`${found.actor.demonym} ${title}`, `${article.text} ${found.actor.demonym} ${title}`] : [`${found.actor.demonym} ${title}`],
          category: 'style',
          level: 'suggestion',
          apply: 'review',
        })
        // "vice president of Taiwan" holds "president of Taiwan": one finding.
        i = found.end - 1
      }
      for (let i = 0; i + 3 < tokens.length; i++) {
        const article = tokens[i]
        if (article.norm !== 'the') continue
        const group = tokens[i + 1]
        const twoWords = FORCES.has(group.norm) && tokens[i + 2].norm === 'forces' && tokens[i + 3]?.norm === 'of'
        const of = twoWords ? i + 3 : i + 2
        if ((!twoWords && !GROUPS.has(group.norm)) || tokens[of].norm !== 'of' || group.text !== group.norm) continue
        // "the police of the Netherlands": a country named with "the".
        const found = actorAt(tokens, tokens[of + 1]?.norm === 'the' ? of + 2 : of + 1)
        if (!found || found.actor.kind !== 'country' || !found.actor.demonym) continue
        // "the officials of Israel's army": the country is a possessor of something else.
        const next = tokens[found.end]
        if (next && /^['’]s?$/.test(next.text)) continue
        const end = tokens[found.end - 1].end
        const groupText = twoWords ? `${group.text} ${tokens[i + 2].text}` : group.text
        const replacement = `${article.text} ${found.actor.demonym} ${groupText}`
        report(file, {
          source: 'country-genitive',
          ruleId: 'demonym-before-noun',
          reason: `Unexpected \`${text.slice(group.start, end)}\`, expected \`${found.actor.demonym} ${groupText}\``,
          start: article.start,
          end,
          expected: [replacement],
          category: 'style',
          level: 'warning',
          apply: 'review',
        })
      }
      reportPossessions(file, text, tokens)
    }
    return undefined
  }
}

/**
 * "the largest trading partners of America" → "America's largest trading partners";
 * "the proposal of the United States" → "the American proposal".
 */
function reportPossessions(file: VFile, text: string, tokens: Token[]): void {
  for (let i = 0; i + 3 < tokens.length; i++) {
    if (tokens[i].norm !== 'the') continue
    let noun = i + 1
    while (noun < tokens.length && noun - i - 1 < MAX_MODIFIERS && !POSSESSIONS.has(tokens[noun].norm) && tokens[noun].kind === 'word' && !FUNCTION_WORDS.has(tokens[noun].norm)) noun++
    const head = tokens[noun]
    if (!head || !POSSESSIONS.has(head.norm) || tokens[noun + 1]?.norm !== 'of') continue
    const modifiers = tokens.slice(i + 1, noun)
    // Lower-case modifiers only, but for a ministry's name ("The Foreign ministry of Iran").
    const named = head.norm === 'ministry' && modifiers.length === 1
    if (!named && modifiers.some((word) => word.text !== word.norm)) continue
    // "the might of the United States" is English rhetoric; "the military might of China" the calque.
    if (head.norm === 'might' && modifiers.length === 0) continue
    let start = noun + 2
    const hasThe = tokens[start]?.norm === 'the'
    if (hasThe) start++
    const found = actorAt(tokens, start)
    if (!found || found.actor.kind !== 'country' || !found.actor.demonym) continue
    const next = tokens[found.end]
    // "of Israel's cabinet", "of Russia Today": the country is part of a longer name.
    if (next && (/^['’]s?$/.test(next.text) || (next.kind === 'word' && startsUpper(next.text)))) continue
    const country = text.slice(tokens[hasThe ? start - 1 : start].start, tokens[found.end - 1].end)
    const phrase = [...modifiers.map((word) => word.text), named ? capitalize(head.text) : head.text].join(' ')
    const possessive = withApostrophe(/s$/.test(country) ? `${country}’` : `${country}’s`, documentApostrophe(file))
    // "the American allies" are allies who are American, not allies of America.
    const relational = RELATIONAL.has(head.norm)
    const expected = [`${possessive} ${phrase}`, ...(relational || modifiers.length > 0 ? [] : [`the ${found.actor.demonym} ${phrase}`])]
    const end = tokens[found.end - 1].end
    report(file, {
      source: 'country-genitive',
      ruleId: 'possessive-not-genitive',
      reason: `Unexpected \`${text.slice(tokens[i].start, end)}\`, expected \`${expected[0]}\``,
      start: tokens[i].start,
      end,
      expected,
      category: 'style',
      level: 'suggestion',
      apply: 'review',
    })
  }
}
