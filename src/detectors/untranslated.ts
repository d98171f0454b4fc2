/**
 * Source-language text MT left in the English: "talks in Доха", "the группа of mediators".
 * A Cyrillic name the gazetteer knows (in any case form) gets its English name; other runs of
 * Cyrillic, Arabic, Hebrew, CJK or Devanagari letters are flagged for a translator. A text that is
 * mostly in another script is not English, and is left alone.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {loadGazetteer, type Entity} from '../entities/gazetteer.js'
import {romanizations} from '../entities/romanize.js'
import {report} from '../findings.js'
import {sentencesOf, type Token} from '../parse/tokens.js'

export const FOREIGN = /[\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Devanagari}]/u
const CYRILLIC_WORD = /^[\p{Script=Cyrillic}-]+$/u
const FOREIGN_RUNS = new RegExp(`${FOREIGN.source}+`, 'gu')
/**
 * Code units that may belong to FOREIGN (every one of its letters does, a test says): a class of
 * four ranges scans a text some ten times faster than the script properties, and an English text
 * holds none of them (curly quotes, dashes and Latin letters with accents lie outside).
 */
export const MAYBE_FOREIGN = /[\u0370-\u1DFF\u2C00-\u2DFF\u2E80-\uFFFF]/
const MAYBE_FOREIGN_ALL = new RegExp(MAYBE_FOREIGN.source, 'g')
const LATIN_RUNS = /\p{Script=Latin}+/gu

let byName: Map<string, number> | undefined

/** The English entity a Cyrillic word names, in whatever case it is declined. */
function entityOf(word: string): Entity | undefined {
  const gazetteer = loadGazetteer()
  const {entities} = gazetteer.data
  byName ??= new Map(entities.map((entity, id) => [entity.name.toLowerCase(), id]))
  let best: Entity | undefined
  for (const latin of romanizations(word)) {
    const key = latin.toLowerCase()
    const ids = [...(gazetteer.garblesFor('ru').get(key) ?? []), ...(byName.has(key) ? [byName.get(key)!] : [])]
    for (const id of ids) if (!best || entities[id].prominence > best.prominence) best = entities[id]
  }
  return best
}

/** More Latin-script words than foreign ones: an English text with some source left in it. */
function mostlyLatin(text: string): boolean {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text
  const latin = sample.match(LATIN_RUNS)?.length ?? 0
  const foreign = sample.match(FOREIGN_RUNS)?.length ?? 0
  return latin >= foreign
}

export default function retextUntranslated() {
  return (tree: Root, file: VFile): undefined => {
    const text = String(file.value)
    if (!MAYBE_FOREIGN.test(text) || !FOREIGN.test(text) || !mostlyLatin(text)) return undefined
    // Where foreign letters may stand, found in one scan: only the sentences holding one are read
    // token by token (a property-class test at every token cost more than the rest of the detector).
    const foreignAt: number[] = []
    for (const match of text.matchAll(MAYBE_FOREIGN_ALL)) foreignAt.push(match.index)
    let next = 0
    for (const {tokens, start, end} of sentencesOf(tree, file)) {
      while (next < foreignAt.length && foreignAt[next] < start) next++
      if (next === foreignAt.length) break
      if (foreignAt[next] >= end) continue
      for (let i = 0; i < tokens.length; i++) {
        if (tokens[i].kind !== 'word' || !FOREIGN.test(tokens[i].text)) continue
        // A run of foreign words is one finding.
        let last = i
        while (last + 1 < tokens.length && (tokens[last + 1].kind === 'word' ? FOREIGN.test(tokens[last + 1].text) : /^[-,]$/.test(tokens[last + 1].text) && FOREIGN.test(tokens[last + 2]?.text ?? '')))
          last++
        const run: Token[] = tokens.slice(i, last + 1)
        const actual = text.slice(run[0].start, run[run.length - 1].end)
        const entity = run.length === 1 && CYRILLIC_WORD.test(actual) ? entityOf(actual) : undefined
        report(file, {
          source: 'untranslated',
          ruleId: entity ? 'untranslated-name' : 'untranslated-text',
          reason: entity
            ? `Unexpected untranslated \`${actual}\`, expected \`${entity.name}\``
            : `Unexpected untranslated text \`${actual}\`; it needs a translation`,
          start: run[0].start,
          end: run[run.length - 1].end,
          expected: entity ? [entity.name] : [],
          category: 'accuracy/untranslated',
          level: 'error',
          apply: entity ? 'review' : 'never',
        })
        i = last
      }
    }
    return undefined
  }
}
