/**
 * One spelling per document: "cease-fire" in one paragraph and "ceasefire" in the next, "Kyiv"
 * and "Kiev". The variant sets are data (rules/lists/variants.yml); the document's majority wins.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report} from '../findings.js'
import {sentencesOf, type Token} from '../parse/tokens.js'
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

export default function retextVariantConsistency() {
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
    if (found.size < 2) return undefined
    for (const set of variantSets()) {
      const uses = set.spellings.map((spelling) => ({spelling, spans: found.get(spelling) ?? []}))
      const used = uses.filter((use) => use.spans.length > 0)
      if (used.length < 2) continue
      const majority = [...used].sort((a, b) => b.spans.length - a.spans.length)[0]
      for (const use of used) {
        if (use === majority) continue
        for (const span of use.spans) {
          const actual = text.slice(span.start, span.end)
          const expected = /^\p{Lu}/u.test(actual) ? majority.spelling.text.charAt(0).toUpperCase() + majority.spelling.text.slice(1) : majority.spelling.text
          report(file, {
            source: 'variant-consistency',
            ruleId: 'mixed-spelling',
            reason: `Unexpected \`${actual}\`, expected \`${majority.spelling.text}\` as elsewhere in the document (${majority.spans.length}×)`,
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
