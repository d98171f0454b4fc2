/**
 * A name of several words written as Russian writes it: the second word in lower case ("the Red
 * sea", "the Central command") or the words joined by hyphens ("New-York", "Tel-Aviv").
 * Names come from rules/lists/names.yml, the organizations list and the gazetteer's prominent
 * places of two or more words.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {loadGazetteer} from '../entities/gazetteer.js'
import {report} from '../findings.js'
import {startsUpper} from './lexicon.js'
import {sentencesOf, type Token} from '../parse/tokens.js'
import {tokenizeLiteral} from '../rules/compile.js'
import {readShippedList} from '../rules/load.js'

// Words a place name keeps in lower case between its capitalized ones ("Rio de Janeiro").
const PLACE_PARTICLES = new Set(['de', 'di', 'da', 'do', 'dos', 'das', 'del', 'della', 'la', 'las', 'los', 'el'])

/** Places this large or larger are names everyone writes the same way. */
const PLACE_MIN_PROMINENCE = 500_000

interface KnownName {
  name: string
  words: string[]
  /** The words lower-cased, as tokens' norms are. */
  norms: string[]
}

interface NameIndex {
  byFirstWord: Map<string, KnownName[]>
  byHyphenated: Map<string, KnownName>
}

let cached: NameIndex | undefined

function nameIndex(): NameIndex {
  if (cached) return cached
  const gazetteer = loadGazetteer()
  const names = new Set<string>([
    ...readShippedList<{names: string[]}>('names.yml').names,
    ...readShippedList<{organizations: string[]}>('organizations.yml').organizations,
    ...gazetteer.data.entities
      .filter((entity) => entity.kind !== 'person' && entity.prominence >= PLACE_MIN_PROMINENCE)
      .map((entity) => entity.name),
  ])
  const byFirstWord = new Map<string, KnownName[]>()
  const byHyphenated = new Map<string, KnownName>()
  for (const name of names) {
    const words = tokenizeLiteral(name).map((token) => token.exact)
    // Every word capitalized but particles ("Sea of Azov"), and at least two of them.
    if (words.length < 2 || !/^\p{Lu}/u.test(words[0]) || !words.some((word, k) => k > 0 && /^\p{Lu}\p{Ll}/u.test(word))) continue
    const known = {name, words, norms: words.map((word) => word.toLowerCase())}
    const first = words[0].toLowerCase()
    const list = byFirstWord.get(first) ?? []
    list.push(known)
    byFirstWord.set(first, list)
    const hyphenated = words.join('-').toLowerCase()
    // "Rostov-on-Don" and "Bosnia-Herzegovina" are names in their own right.
    if (words.every((word) => /^\p{Lu}/u.test(word) || PLACE_PARTICLES.has(word)) && /^\p{Lu}/u.test(words[words.length - 1]) && !gazetteer.known.has(hyphenated))
      byHyphenated.set(hyphenated, known)
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length)
  cached = {byFirstWord, byHyphenated}
  return cached
}

/** The known name whose words start at `start`, matched without regard to case. */
function nameAt(tokens: Token[], start: number, index: NameIndex): KnownName | undefined {
  const candidates = index.byFirstWord.get(tokens[start].norm)
  if (!candidates) return undefined
  for (const known of candidates) {
    if (start + known.norms.length > tokens.length) continue
    if (known.norms.every((norm, k) => tokens[start + k].norm === norm && (k === 0 || tokens[start + k].spaceBefore))) return known
  }
  return undefined
}

/**
 * A known name whose first words are joined by hyphens in one token and whose other words follow:
 * "Roman-Catholic church". Returns the name and the index after its last token.
 */
function hyphenatedStartAt(tokens: Token[], start: number, index: NameIndex): {known: KnownName; end: number} | undefined {
  const parts = tokens[start].norm.split('-')
  if (parts.length < 2) return undefined
  for (const known of index.byFirstWord.get(parts[0]) ?? []) {
    const rest = known.words.length - parts.length
    if (rest < 1 || start + rest >= tokens.length) continue
    const holds = known.norms.every((wanted, k) => {
      if (k < parts.length) return parts[k] === wanted
      const token = tokens[start + 1 + k - parts.length]
      return token.norm === wanted && token.spaceBefore
    })
    if (holds) return {known, end: start + 1 + rest}
  }
  return undefined
}

export default function retextNameCase() {
  return (tree: Root, file: VFile): undefined => {
    const index = nameIndex()
    const gazetteer = loadGazetteer()
    for (const {tokens} of sentencesOf(tree, file)) {
      const firstWord = tokens.findIndex((token) => token.kind === 'word')
      for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i]
        if (token.kind !== 'word' || !startsUpper(token.text)) continue
        const hyphenated = token.text.includes('-') ? index.byHyphenated.get(token.norm) : undefined
        if (hyphenated) {
          report(file, {
            source: 'name-case',
            ruleId: 'hyphenated-name',
            reason: `Unexpected \`${token.text}\`, expected \`${hyphenated.name}\`: English writes the name without hyphens`,
            start: token.start,
            end: token.end,
            expected: [hyphenated.name],
            category: 'entity',
            level: 'warning',
            apply: 'review',
          })
          continue
        }
        const joined = token.text.includes('-') ? hyphenatedStartAt(tokens, i, index) : undefined
        if (joined) {
          const end = tokens[joined.end - 1].end
          report(file, {
            source: 'name-case',
            ruleId: 'hyphenated-name',
            reason: `Unexpected \`${String(file.value).slice(token.start, end)}\`, expected \`${joined.known.name}\`: English writes the name without hyphens, every word capitalized`,
            start: token.start,
            end,
            expected: [joined.known.name],
            category: 'entity',
            level: 'warning',
            apply: 'review',
          })
          i = joined.end - 1
          continue
        }
        // A capital at the start of a sentence says nothing about the name ("Foreign ministry officials
        // said"), unless its first word is a name itself ("African union observers").
        if (i <= firstWord && gazetteer.isCommonWord(token.norm)) continue
        const known = nameAt(tokens, i, index)
        if (!known) continue
        const written = tokens.slice(i, i + known.words.length)
        const lowered = written.some((word, k) => k > 0 && /^\p{Lu}/u.test(known.words[k]) && /^\p{Ll}/u.test(word.text))
        if (lowered) {
          const text = String(file.value).slice(written[0].start, written[written.length - 1].end)
          report(file, {
            source: 'name-case',
            ruleId: 'name-in-lower-case',
            reason: `Unexpected \`${text}\`, expected \`${known.name}\`: every word of the name is capitalized`,
            start: written[0].start,
            end: written[written.length - 1].end,
            expected: [known.name],
            category: 'entity',
            level: 'warning',
            apply: 'review',
          })
        }
        i += known.words.length - 1
      }
    }
    return undefined
  }
}
