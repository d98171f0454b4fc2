/**
 * The token pattern language of `match:` (and of `before:` / `after:` / `unless:` contexts).
 *
 *   word Mr. Gaza's ,,     literal tokens, compared case-insensitively, quotes and apostrophes folded
 *   [a|an|the]             alternatives; each alternative is itself a pattern ([press secretary|spokesman])
 *   <refer>                any form of a word: refer, refers, referred, referring
 *   X?                     optional element (X may be a word, [...], <...>, * or a class)
 *   *   *{1,3}             one word, or between m and n words
 *   @Cap @lower @num @word @punct   a capitalized word, a lower-case word, a token with a digit, any word, any punctuation
 *   /regex/flags           one token whose text matches the regex
 *   ^   $                  start or end of the sentence (end ignores closing punctuation and quotes)
 *   name=X                 names element X, so a replacement can say $name instead of counting ($3)
 *
 * A pattern is parsed into elements, then expanded into sequences of single-token atoms so that
 * a trie can index them by their first token.
 */
import {matchForms} from './inflect.js'

export type Element = ElementBody & {name?: string}

type ElementBody =
  | {kind: 'literal'; text: string; optional: boolean}
  | {kind: 'alternatives'; options: Element[][]; optional: boolean}
  | {kind: 'lemma'; lemmas: string[]; optional: boolean}
  | {kind: 'wildcard'; min: number; max: number; optional: boolean}
  | {kind: 'class'; tokenClass: TokenClass; optional: boolean}
  | {kind: 'regex'; regex: RegExp; optional: boolean}
  | {kind: 'anchor'; at: 'start' | 'end'; optional: false}

export const TOKEN_CLASSES = ['Cap', 'lower', 'num', 'word', 'punct', 'country', 'demonym'] as const
export type TokenClass = (typeof TOKEN_CLASSES)[number]

export class PatternError extends Error {}

/** Split a pattern at top-level whitespace, keeping [...], <...> and /.../ groups whole. */
function splitTopLevel(pattern: string): string[] {
  const parts: string[] = []
  let depth = 0
  let angle = false
  let current = ''
  let inRegex = false
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]
    if (inRegex) {
      current += char
      if (char === '\\' && i + 1 < pattern.length) current += pattern[++i]
      else if (char === '/') inRegex = false
      continue
    }
    if (char === '/' && current === '' && depth === 0 && !angle) inRegex = true
    if (char === '[') depth++
    else if (char === ']') depth--
    else if (char === '<' && depth === 0) angle = true
    else if (char === '>' && depth === 0) angle = false
    if (depth < 0) throw new PatternError(`unbalanced "]" in pattern "${pattern}"`)
    if (/\s/.test(char) && depth === 0 && !angle) {
      if (current) parts.push(current)
      current = ''
      continue
    }
    current += char
  }
  if (depth !== 0) throw new PatternError(`unbalanced "[" in pattern "${pattern}"`)
  if (angle) throw new PatternError(`unbalanced "<" in pattern "${pattern}"`)
  if (inRegex) throw new PatternError(`unterminated regex in pattern "${pattern}"`)
  if (current) parts.push(current)
  return parts
}

/** Split the inside of [...] at top-level bars. */
function splitAlternatives(inner: string): string[] {
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (const char of inner) {
    if (char === '[') depth++
    if (char === ']') depth--
    if (char === '|' && depth === 0) {
      parts.push(current)
      current = ''
      continue
    }
    current += char
  }
  parts.push(current)
  return parts.map((part) => part.trim())
}

export function parsePattern(pattern: string): Element[] {
  const elements: Element[] = []
  for (const part of splitTopLevel(pattern.trim())) elements.push(parseElement(part, pattern))
  if (elements.length === 0) throw new PatternError('empty pattern')
  return elements
}

/** Element numbers by name ($name → $N). */
export function elementNames(elements: Element[]): Map<string, number> {
  const names = new Map<string, number>()
  elements.forEach((element, index) => {
    if (!element.name) return
    if (names.has(element.name)) throw new PatternError(`element name "${element.name}" is used twice`)
    names.set(element.name, index + 1)
  })
  return names
}

function parseElement(raw: string, pattern: string): Element {
  const named = /^([a-z][a-z0-9]*)=(.+)$/.exec(raw)
  if (named) return {...parseElement(named[2], pattern), name: named[1]} as Element
  if (raw === '^') return {kind: 'anchor', at: 'start', optional: false}
  if (raw === '$') return {kind: 'anchor', at: 'end', optional: false}
  // A lone "?" is punctuation; "x?" makes x optional.
  let optional = false
  let part = raw
  if (part.length > 1 && part.endsWith('?') && !part.endsWith('\\?')) {
    optional = true
    part = part.slice(0, -1)
  }
  if (part.startsWith('[') && part.endsWith(']')) {
    const options = splitAlternatives(part.slice(1, -1)).map((option) => {
      if (!option) throw new PatternError(`empty alternative in "${raw}" of pattern "${pattern}"`)
      return parsePattern(option)
    })
    return {kind: 'alternatives', options, optional}
  }
  if (part.startsWith('<') && part.endsWith('>') && part.length > 2) {
    const lemmas = part.slice(1, -1).split('|').map((lemma) => lemma.trim().toLowerCase())
    if (lemmas.some((lemma) => !/^[a-z][a-z' -]*$/.test(lemma)))
      throw new PatternError(`a word form <...> takes plain words, got "${raw}" in pattern "${pattern}"`)
    return {kind: 'lemma', lemmas, optional}
  }
  const wildcard = /^\*(?:\{(\d+),(\d+)\})?$/.exec(part)
  if (wildcard) {
    const min = wildcard[1] === undefined ? 1 : Number(wildcard[1])
    const max = wildcard[2] === undefined ? 1 : Number(wildcard[2])
    if (max < min || max > 8) throw new PatternError(`bad wildcard range "${raw}" (at most *{0,8})`)
    return {kind: 'wildcard', min, max, optional}
  }
  if (part.startsWith('@') && part.length > 1) {
    const name = part.slice(1)
    if (!(TOKEN_CLASSES as readonly string[]).includes(name))
      throw new PatternError(`unknown token class "${raw}" (known: ${TOKEN_CLASSES.map((c) => '@' + c).join(' ')})`)
    return {kind: 'class', tokenClass: name as TokenClass, optional}
  }
  const regex = /^\/(.+)\/([a-z]*)$/.exec(part)
  if (regex) {
    try {
      return {kind: 'regex', regex: new RegExp(`^(?:${regex[1]})$`, regex[2].replace(/[gy]/g, '')), optional}
    } catch (error) {
      throw new PatternError(`invalid regex ${part}: ${(error as Error).message}`)
    }
  }
  return {kind: 'literal', text: part, optional}
}

// ---------------------------------------------------------------------------------------------
// Expansion into atom sequences.

export type Atom =
  | {kind: 'literal'; norm: string; exact: string; element: number}
  | {kind: 'class'; name: TokenClass; element: number}
  | {kind: 'regex'; regex: RegExp; element: number}
  | {kind: 'anchor'; at: 'start' | 'end'; element: number}

/** The tokens a literal text stands for, as the document parser would cut them. */
export type LiteralTokenizer = (text: string) => Array<{norm: string; exact: string}>

/** Words of each lemma element, in element order (for re-inflecting a replacement). */
export interface Sequence {
  atoms: Atom[]
  lemmaElements: Map<number, string>
}

const MAX_SEQUENCES = 50_000

/** Most sequences have no word-form elements: they share one empty map instead of each making one. */
const NO_LEMMAS: ReadonlyMap<number, string> = new Map()

function mergeLemmas(a: ReadonlyMap<number, string>, b: ReadonlyMap<number, string>): Map<number, string> {
  if (b.size === 0) return a as Map<number, string>
  if (a.size === 0) return b as Map<number, string>
  return new Map([...a, ...b])
}

/**
 * A pattern as its elements' spellings: element i's list holds every way it can spell out (an
 * optional element includes the empty spelling). A sequence is one choice per element.
 */
export type PatternParts = Sequence[][]

/** How many sequences the parts spell (their product), without making them. */
export function partsCount(parts: PatternParts): number {
  return parts.reduce((count, variants) => count * variants.length, 1)
}

/** Each element's spellings; each atom remembers the top-level element it came from, so a match can be cut back into captures ($1, $2, …). */
export function expandParts(elements: Element[], tokenize: LiteralTokenizer): PatternParts {
  const parts = elements.map((element, index) => expandElement(element, index + 1, tokenize))
  if (partsCount(parts) > MAX_SEQUENCES)
    throw new PatternError(`pattern expands to more than ${MAX_SEQUENCES} token sequences; split it or use fewer optional parts`)
  return parts
}

/** One sequence from one spelling per element. */
export function joinSpellings(spellings: Sequence[]): Sequence {
  let lemmaElements = NO_LEMMAS as Map<number, string>
  for (const spelling of spellings) lemmaElements = mergeLemmas(lemmaElements, spelling.lemmaElements)
  return {atoms: spellings.flatMap((spelling) => spelling.atoms), lemmaElements}
}

/** Every sequence of the parts, in order (first element slowest), leaving out those of anchors alone. */
export function partsSequences(parts: PatternParts): Sequence[] {
  let sequences: Sequence[] = [{atoms: [], lemmaElements: NO_LEMMAS as Map<number, string>}]
  for (const variants of parts) {
    const next: Sequence[] = []
    for (const sequence of sequences) for (const variant of variants) next.push(joinSpellings([sequence, variant]))
    sequences = next
  }
  return sequences.filter(hasToken)
}

export function hasToken(sequence: Sequence): boolean {
  return sequence.atoms.some((atom) => atom.kind !== 'anchor')
}

/** Every way a pattern can spell out, as sequences of single-token atoms. */
export function expandPattern(elements: Element[], tokenize: LiteralTokenizer): Sequence[] {
  return partsSequences(expandParts(elements, tokenize))
}

function expandElement(element: Element, index: number, tokenize: LiteralTokenizer): Sequence[] {
  const variants: Sequence[] = []
  const none = NO_LEMMAS as Map<number, string>
  const empty = (): Sequence => ({atoms: [], lemmaElements: none})
  switch (element.kind) {
    case 'literal': {
      const atoms = tokenize(element.text).map(
        (token): Atom => ({kind: 'literal', norm: token.norm, exact: token.exact, element: index}),
      )
      variants.push({atoms, lemmaElements: none})
      break
    }
    case 'alternatives': {
      for (const option of element.options)
        for (const sequence of expandPattern(option, tokenize)) {
          variants.push({
            atoms: sequence.atoms.map((atom) => ({...atom, element: index})),
            lemmaElements: none,
          })
        }
      break
    }
    case 'lemma': {
      for (const lemma of element.lemmas) {
        const [head, ...rest] = lemma.split(' ')
        for (const form of matchForms(head)) {
          const atoms = tokenize([form, ...rest].join(' ')).map(
            (token): Atom => ({kind: 'literal', norm: token.norm, exact: token.exact, element: index}),
          )
          variants.push({atoms, lemmaElements: new Map([[index, lemma]])})
        }
      }
      break
    }
    case 'wildcard': {
      for (let count = element.min; count <= element.max; count++)
        variants.push({
          atoms: Array.from({length: count}, (): Atom => ({kind: 'class', name: 'word', element: index})),
          lemmaElements: none,
        })
      break
    }
    case 'class':
      variants.push({atoms: [{kind: 'class', name: element.tokenClass, element: index}], lemmaElements: none})
      break
    case 'regex':
      variants.push({atoms: [{kind: 'regex', regex: element.regex, element: index}], lemmaElements: none})
      break
    case 'anchor':
      variants.push({atoms: [{kind: 'anchor', at: element.at, element: index}], lemmaElements: none})
      break
  }
  if (element.optional) variants.push(empty())
  return variants
}
