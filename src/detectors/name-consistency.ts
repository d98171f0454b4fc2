/**
 * One entity, one spelling: when a document writes a name two ways ("Boehler" five times,
 * "Boeler" once; "Doha" and "Dohi"), the odd spelling is flagged with the document's own.
 * Spellings are grouped by their consonant skeleton and must be close in spelling; a spelling that
 * is itself a known name or word is never the odd one ("Alexander" and "Alexandra" are two people).
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {loadGazetteer} from '../entities/gazetteer.js'
import {editDistance} from '../entities/romanize.js'
import {report} from '../findings.js'
import {sentencesOf, type Token} from '../parse/tokens.js'

interface Spelling {
  text: string
  tokens: Token[]
  known: boolean
}

/** First letter plus the consonants after it (h, w, y dropped, doubles merged): Boehler, Boeler → "blr". */
function skeleton(name: string): string {
  const lower = name.toLowerCase()
  return lower[0] + lower.slice(1).replace(/[aeiouyhw'’-]/g, '').replace(/(.)\1+/g, '$1')
}

export default function retextNameConsistency() {
  return (tree: Root, file: VFile): undefined => {
    const gazetteer = loadGazetteer()
    const isKnown = (word: string): boolean => {
      const lower = word.toLowerCase()
      return gazetteer.known.has(lower) || gazetteer.words.has(lower) || (lower.endsWith('s') && gazetteer.words.has(lower.slice(0, -1)))
    }
    const groups = new Map<string, Map<string, Spelling>>()
    for (const {tokens} of sentencesOf(tree, file)) {
      tokens.forEach((token, index) => {
        if (token.kind !== 'word' || index === 0) return
        const base = token.text.replace(/['’]s?$/, '')
        if (!/^\p{Lu}\p{Ll}{3,}$/u.test(base)) return
        const key = skeleton(base)
        let group = groups.get(key)
        if (!group) groups.set(key, (group = new Map()))
        let spelling = group.get(base)
        if (!spelling) group.set(base, (spelling = {text: base, tokens: [], known: isKnown(base)}))
        spelling.tokens.push(token)
      })
    }
    const reported = new Set(file.messages.map((message) => message.place && 'start' in message.place ? message.place.start.offset : -1))
    for (const group of groups.values()) {
      if (group.size < 2) continue
      const spellings = [...group.values()].sort((a, b) => Number(b.known) - Number(a.known) || b.tokens.length - a.tokens.length)
      const canonical = spellings[0]
      for (const odd of spellings.slice(1)) {
        if (odd.known) continue
        // Without a known spelling, the majority must be clear.
        if (!canonical.known && canonical.tokens.length < 2 * odd.tokens.length) continue
        const limit = Math.min(odd.text.length, canonical.text.length) <= 5 ? 1 : 2
        if (editDistance(odd.text.toLowerCase(), canonical.text.toLowerCase()) > limit) continue
        for (const token of odd.tokens) {
          if (reported.has(token.start)) continue
          const suffix = token.text.slice(odd.text.length)
          report(file, {
            source: 'name-consistency',
            ruleId: 'inconsistent-spelling',
            reason: `Unexpected \`${odd.text}\`, expected \`${canonical.text}\` as elsewhere in the document (${canonical.tokens.length}×)`,
            start: token.start,
            end: token.end,
            expected: [canonical.text + suffix],
            category: 'inconsistency',
            level: 'warning',
            apply: 'review',
            priority: 3,
          })
        }
      }
    }
    return undefined
  }
}
