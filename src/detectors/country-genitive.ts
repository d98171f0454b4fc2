/**
 * "the officials of Israel" for "Israeli officials": Russian marks nationality with a genitive
 * («представители Израиля»), MT keeps the "of"; English news puts the demonym first.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {actorAt} from '../entities/actors.js'
import {report} from '../findings.js'
import {sentencesOf} from '../parse/tokens.js'

// Only groups whose "of Country" form is the MT calque; "the leaders of Iran" is good English.
const GROUPS = new Set([
  'officials', 'representatives', 'diplomats', 'negotiators', 'delegation', 'lawmakers',
  'prosecutors', 'investigators', 'hostages',
])

// "President of Ukraine Volodymyr Zelensky" → "Ukrainian President Volodymyr Zelensky".
const TITLES = ['President', 'Prime Minister', 'Foreign Minister', 'Defense Minister', 'Defence Minister', 'King', 'Queen', 'Emir', 'Chancellor'].map((title) => title.split(' '))
const TITLE_STARTS = new Set(TITLES.map((words) => words[0]))

export default function retextCountryGenitive() {
  return (tree: Root, file: VFile): undefined => {
    const text = String(file.value)
    for (const {tokens} of sentencesOf(tree, file)) {
      for (let i = 0; i < tokens.length; i++) {
        if (!TITLE_STARTS.has(tokens[i].text)) continue
        const words = TITLES.find((candidate) => candidate.every((word, k) => tokens[i + k]?.text === word) && tokens[i + candidate.length]?.norm === 'of')
        if (!words) continue
        const title = words.join(' ')
        const afterOf = i + words.length + 1
        const found = actorAt(tokens, afterOf)
        if (!found || found.actor.kind !== 'country' || !found.actor.demonym) continue
        const name = tokens[found.end]
        if (!name || name.kind !== 'word' || !/^\p{Lu}/u.test(name.text)) continue
        const countryEnd = tokens[found.end - 1].end
        report(file, {
          source: 'country-genitive',
          ruleId: 'demonym-before-title',
          reason: `Unexpected \`${text.slice(tokens[i].start, countryEnd)}\` before a name, expected \`${found.actor.demonym} ${title}\``,
          start: tokens[i].start,
          end: countryEnd,
          expected: [`${found.actor.demonym} ${title}`],
          category: 'style',
          level: 'suggestion',
          apply: 'review',
        })
      }
      for (let i = 0; i + 3 < tokens.length; i++) {
        const [article, group, of] = [tokens[i], tokens[i + 1], tokens[i + 2]]
        if (article.norm !== 'the' || !GROUPS.has(group.norm) || of.norm !== 'of' || group.text !== group.norm) continue
        const found = actorAt(tokens, i + 3)
        if (!found || found.actor.kind !== 'country' || !found.actor.demonym) continue
        // "the officials of Israel's army": the country is a possessor of something else.
        const next = tokens[found.end]
        if (next && /^['’]s?$/.test(next.text)) continue
        const end = tokens[found.end - 1].end
        const replacement = `${article.text} ${found.actor.demonym} ${group.text}`
        report(file, {
          source: 'country-genitive',
          ruleId: 'demonym-before-noun',
          reason: `Unexpected \`${text.slice(group.start, end)}\`, expected \`${found.actor.demonym} ${group.text}\``,
          start: article.start,
          end,
          expected: [replacement],
          category: 'style',
          level: 'warning',
          apply: 'review',
        })
      }
    }
    return undefined
  }
}
