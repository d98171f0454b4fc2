/**
 * One spelling per document: "cease-fire" in one paragraph and "ceasefire" in the next, "Kyiv"
 * and "Kiev". The variant sets are data (rules/lists/variants.yml); the document's majority wins.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report} from '../findings.js'
import {sentencesOf, type Token} from '../parse/tokens.js'
import {loadGazetteer} from '../entities/gazetteer.js'
import {readShippedList} from '../rules/load.js'
import {tokenizeLiteral} from '../rules/compile.js'

interface VariantSet {
  spellings: Array<{text: string; tokens: string[]}>
}

let cached: VariantSet[] | undefined
function variantSets(): VariantSet[] {
  if (!cached) {
    const data = readShippedList<{variants: string[][]}>('variants.yml')
    // Spellings that differ only in case are one spelling ("Al Qaeda" opening a sentence).
    cached = data.variants.map((set) => {
      const spellings: VariantSet['spellings'] = []
      for (const text of set) {
        const tokens = tokenizeLiteral(text).map((token) => token.norm)
        if (!spellings.some((other) => other.tokens.join(' ') === tokens.join(' '))) spellings.push({text, tokens})
      }
      return {spellings}
    })
  }
  return cached
}

interface Spelling {
  text: string
  tokens: string[]
}

let byFirstToken: Map<string, Array<{set: VariantSet; spelling: Spelling}>> | undefined
function spellingsByFirstToken(): Map<string, Array<{set: VariantSet; spelling: Spelling}>> {
  if (!byFirstToken) {
    byFirstToken = new Map()
    for (const set of variantSets())
      for (const spelling of set.spellings) {
        const list = byFirstToken.get(spelling.tokens[0]) ?? []
        list.push({set, spelling})
        byFirstToken.set(spelling.tokens[0], list)
      }
  }
  return byFirstToken
}

function matchesAt(tokens: Token[], index: number, spelling: Spelling): boolean {
  return spelling.tokens.every((norm, k) => tokens[index + k]?.norm === norm)
}

let spellingPattern: {regex: RegExp; byKey: Map<string, Spelling>} | undefined

function keyOf(written: string): string {
  return written.toLowerCase().replace(/\s+/g, ' ')
}

/**
 * How often a whole text uses each spelling (keyed by the spelling's text). A long document is
 * checked window by window; its majority must be the document's, or windows decide apart and a
 * fix run flips spellings back and forth as window edges move.
 */
export function documentVariantCounts(text: string): Map<string, number> {
  if (!spellingPattern) {
    const byKey = new Map<string, Spelling>()
    for (const set of variantSets()) for (const spelling of set.spellings) byKey.set(keyOf(spelling.text), spelling)
    const alternatives = [...byKey.keys()]
      .sort((a, b) => b.length - a.length)
      .map((key) => key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    // Lower case in, ASCII word bounds: a case-insensitive Unicode scan took ~34 ms per MB, this ~6.
    spellingPattern = {regex: new RegExp(`\\b(?:${alternatives.join('|')})\\b`, 'g'), byKey}
  }
  const counts = new Map<string, number>()
  for (const match of text.toLowerCase().matchAll(spellingPattern.regex)) {
    const spelling = spellingPattern.byKey.get(keyOf(match[0]))
    if (spelling) counts.set(spelling.text, (counts.get(spelling.text) ?? 0) + 1)
  }
  return counts
}

function countsOfDocument(file: VFile): ReadonlyMap<string, number> | undefined {
  return (file.data as {postedit?: {variantCounts?: ReadonlyMap<string, number>}}).postedit?.variantCounts
}

export interface VariantConsistencyOptions {
  /** Source language of the translation: its transliterations of a set's names are never the suggestion. */
  from?: string
}

/**
 * The spellings of a set that the gazetteer knows as garbles of another spelling in it ("Kharkov",
 * "Kiev" from Russian): entity-names fixes those, so they are neither suggested nor reported here —
 * a document with more "Kharkov" than "Kharkiv" had the two detectors swap them round after round.
 */
function transliterationsIn(set: VariantSet, language: string): Set<Spelling> {
  const gazetteer = loadGazetteer()
  const garbles = gazetteer.garblesFor(language)
  const names = new Set(set.spellings.map((spelling) => spelling.text.toLowerCase()))
  return new Set(
    set.spellings.filter((spelling) =>
      (garbles.get(spelling.text.toLowerCase()) ?? []).some((id) => {
        const name = gazetteer.data.entities[id].name.toLowerCase()
        return name !== spelling.text.toLowerCase() && names.has(name)
      }),
    ),
  )
}

export default function retextVariantConsistency(options: VariantConsistencyOptions = {}) {
  const language = options.from ?? 'ru'
  const transliterations = new Map<VariantSet, Set<Spelling>>()
  return (tree: Root, file: VFile): undefined => {
    const text = String(file.value)
    // One pass over the tokens finds every spelling of every set.
    const found = new Map<Spelling, Array<{start: number; end: number}>>()
    const index = spellingsByFirstToken()
    for (const {tokens} of sentencesOf(tree, file))
      tokens.forEach((token, i) => {
        const candidates = index.get(token.norm)
        if (!candidates) return
        for (const {spelling} of candidates)
          if (matchesAt(tokens, i, spelling)) {
            const spans = found.get(spelling) ?? []
            spans.push({start: token.start, end: tokens[i + spelling.tokens.length - 1].end})
            found.set(spelling, spans)
          }
      })
    const documentCounts = countsOfDocument(file)
    if (found.size < (documentCounts ? 1 : 2)) return undefined
    for (const set of variantSets()) {
      const uses = set.spellings.map((spelling) => ({spelling, spans: found.get(spelling) ?? [], count: documentCounts?.get(spelling.text) ?? found.get(spelling)?.length ?? 0}))
      const used = uses.filter((use) => use.count > 0)
      if (used.length < 2) continue
      let garbled = transliterations.get(set)
      if (!garbled) transliterations.set(set, (garbled = transliterationsIn(set, language)))
      const majority = used.filter((use) => !garbled.has(use.spelling)).sort((a, b) => b.count - a.count)[0]
      if (!majority) continue
      for (const use of used) {
        if (use === majority || use.spans.length === 0 || garbled.has(use.spelling)) continue
        for (const span of use.spans) {
          const actual = text.slice(span.start, span.end)
          const expected = /^\p{Lu}/u.test(actual) ? majority.spelling.text.charAt(0).toUpperCase() + majority.spelling.text.slice(1) : majority.spelling.text
          report(file, {
            source: 'variant-consistency',
            ruleId: 'mixed-spelling',
            reason: `Unexpected \`${actual}\`, expected \`${majority.spelling.text}\` as elsewhere in the document (${majority.count}×)`,
            start: span.start,
            end: span.end,
            expected: [expected],
            category: 'inconsistency',
            level: 'suggestion',
            apply: 'review',
          })
        }
      }
    }
    return undefined
  }
}
