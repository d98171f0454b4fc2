/**
 * A token trie over pattern sequences: literal atoms are looked up by the token's normalized text,
 * so matching cost depends on the text and on how many rules share a prefix, not on how many rules
 * exist. Classes, regexes and anchors are the few non-literal edges, tried at every step.
 */
import {createRequire} from 'node:module'
import {foldQuotes, startsLower, startsUpper, type Token} from '../parse/tokens.js'
import {isPeopleAdjective} from '../entities/actors.js'
import {hasToken, joinSpellings, partsCount, partsSequences, type Atom, type PatternParts, type Sequence, type TokenClass} from './pattern.js'

/**
 * A pattern that spells at most this many sequences is stored as them; a larger one as a graph of
 * its parts. 64 kept 73,600 spelled sequences and left a worker ~88 MB of live heap against its
 * 128 MB cap (`--jobs 2` spent its time collecting garbage: 16 s against 8.4 s inline for 200 ×
 * 50 KB); 16 keeps ~67 MB, runs that batch in 10.9 s, and costs the rules-only check ~10%.
 */
export const MAX_SPELLED_SEQUENCES = 16

/**
 * A pattern ends here: as one sequence (`sequence`), or as a graph of its parts (`parts`), whose
 * sequence is worked out from the tokens on a match — a pattern of six choices of five words would
 * otherwise be 15,625 sequences kept in memory for a match that comes once in a thousand pages.
 */
interface Terminal<P> {
  payload: P
  sequence: Sequence | undefined
  parts: PatternParts | undefined
}

// Fields are created when first needed: a trie of 100,000 rules is mostly leaves, and three empty
// collections per leaf were ~400,000 objects for every major GC to mark.
interface TrieNode<P> {
  literal?: Map<string, TrieNode<P>>
  /** A graph pattern's own edges: its choices lead to one node, which no other pattern shares. */
  graphLiteral?: Map<string, TrieNode<P>[]>
  special?: Map<string, SpecialEdge<P>>
  /** The special edges (shared and a graph pattern's own) as an array: the walk tries them at every token, and a Map's iterator is an allocation each time. */
  specialEdges?: SpecialEdge<P>[]
  terminals?: Terminal<P>[]
}

/** What a word leads to from the trie's root: its literal and graph edges, and whether a root special edge may lead on at it or after it. */
interface RootEntry<P> {
  literal: TrieNode<P> | undefined
  graph: TrieNode<P>[] | undefined
  atAnchor: boolean
  afterAtom: boolean
}

interface SpecialEdge<P> {
  atom: Atom
  node: TrieNode<P>
  /**
   * The edge's node holds nothing but literal edges (no terminal, no special edge): the walk looks
   * up the token after the atom's before it tests the atom or steps into the node. The root's
   * edges (a number, a capital, a regex) are tried at every token, and most lead to a few words.
   */
  lookAhead: boolean
}

export interface TokenMatch<P> {
  payload: P
  sequence: Sequence
  /** Token index of the first and one past the last matched token. */
  start: number
  end: number
}

function createNode<P>(): TrieNode<P> {
  // One shape for every node, so the walk's property reads stay monomorphic.
  return {literal: undefined, graphLiteral: undefined, special: undefined, specialEdges: undefined, terminals: undefined}
}

const OPENING = new Set(['"', "'", '“', '‘', '«', '(', '[', '{', '—', '–', '-'])
const CLOSING = new Set(['.', '!', '?', '…', '"', "'", '”', '’', '»', ')', ']', '}', ':', ';', ','])

// Every member of OPENING and CLOSING is one UTF-16 unit.
function madeOf(text: string, characters: Set<string>): boolean {
  if (text.length === 0) return false
  for (let i = 0; i < text.length; i++) if (!characters.has(text.charAt(i))) return false
  return true
}

/** How many opening quotes and brackets begin the sentence: a token at or before that index is at its start. */
function openingPrefix(tokens: Token[]): number {
  let count = 0
  while (count < tokens.length && madeOf(tokens[count].text, OPENING)) count++
  return count
}

function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 48 && code <= 57) return true
  }
  return false
}

let countryWords: Set<string> | undefined

/** Countries named in one word, as written ("Spain", "Britain"): world-countries' common names and news short forms. */
function isCountryWord(text: string): boolean {
  if (!countryWords) {
    const countries = createRequire(import.meta.url)('world-countries/countries.json') as Array<{name: {common: string}}>
    countryWords = new Set(['America', 'Britain', 'Holland', 'Burma', 'Turkey', ...countries.map((country) => country.name.common).filter((name) => !/[\s-]/.test(name))])
  }
  return countryWords.has(text)
}

// Classes are tested at every token (the trie's root has "@num" and "^" edges): no regex for ASCII.
export function testClass(name: TokenClass, token: Token): boolean {
  switch (name) {
    case 'word':
      return token.kind === 'word'
    case 'punct':
      return token.kind !== 'word'
    case 'num':
      return hasDigit(token.text)
    case 'Cap':
      return token.kind === 'word' && startsUpper(token.text)
    case 'lower':
      return token.kind === 'word' && startsLower(token.text)
    case 'country':
      return token.kind === 'word' && startsUpper(token.text) && isCountryWord(token.text)
    case 'demonym':
      return token.kind === 'word' && startsUpper(token.text) && isPeopleAdjective(token.text)
  }
}

/** Start of the sentence (past opening quotes and brackets), or of a line: headlines end without a full stop. */
export function atSentenceStart(tokens: Token[], index: number): boolean {
  return tokens[index]?.newlineBefore === true || index <= openingPrefix(tokens) || afterDateline(tokens, index)
}

/** Just past a dateline ("DHAKA — Not less than …", "LIMA, Peru — About …"): the story's first sentence starts there. */
function afterDateline(tokens: Token[], index: number): boolean {
  const dash = tokens[index - 1]
  if (!dash || (dash.text !== '—' && dash.text !== '–')) return false
  const place = tokens[0]
  if (place.kind !== 'word' || place.text.length < 2 || place.text !== place.text.toUpperCase() || place.text === place.text.toLowerCase()) return false
  // The place, perhaps with a country or state after a comma, and nothing else before the dash.
  return index - 1 <= 4 && tokens.slice(1, index - 1).every((token) => token.text === ',' || (token.kind === 'word' && startsUpper(token.text)))
}

/** End of the sentence (before closing punctuation and quotes), or of a line. */
export function atSentenceEnd(tokens: Token[], index: number): boolean {
  if (tokens[index]?.newlineBefore) return true
  for (let i = index; i < tokens.length; i++) if (!madeOf(tokens[i].text, CLOSING)) return false
  return true
}

function specialKey(atom: Atom): string {
  switch (atom.kind) {
    case 'class':
      return '@' + atom.name
    case 'regex':
      return '/' + atom.regex.source + '/' + atom.regex.flags
    case 'anchor':
      return atom.at === 'start' ? '^' : '$'
    case 'literal':
      return '=' + atom.norm
  }
}


export class TokenIndex<P> {
  private readonly root: TrieNode<P> = createNode()
  private size = 0

  get sequenceCount(): number {
    return this.size
  }

  add(sequence: Sequence, payload: P): void {
    this.prepared = false
    const node = this.sharedPath(this.root, sequence.atoms)
    ;(node.terminals ??= []).push({payload, sequence, parts: undefined})
    this.size++
  }

  /** A pattern, as its sequences when they are few, else as a graph: its first elements in the shared trie, the rest on edges of its own. */
  addPattern(parts: PatternParts, payload: P): void {
    this.prepared = false
    if (partsCount(parts) <= MAX_SPELLED_SEQUENCES) {
      for (const sequence of partsSequences(parts)) this.add(sequence, payload)
      return
    }
    // The first elements, while their spellings are few, go into the shared trie as sequences do:
    // the walk meets them at every token, and there one map look-up serves every pattern.
    let element = 0
    let prefixes: Atom[][] = [[]]
    while (element < parts.length && prefixes.length * parts[element].length <= MAX_SPELLED_SEQUENCES) {
      const spellings = parts[element++]
      prefixes = prefixes.flatMap((prefix) => spellings.map((spelling) => [...prefix, ...spelling.atoms]))
    }
    let frontier = [...new Set(prefixes.map((atoms) => this.sharedPath(this.root, atoms)))]
    for (; element < parts.length; element++) {
      const target = createNode<P>()
      const next = new Set<TrieNode<P>>([target])
      for (const from of frontier)
        for (const spelling of parts[element]) {
          if (spelling.atoms.length === 0) next.add(from)
          else this.graphPath(from, spelling.atoms, target)
        }
      frontier = [...next]
    }
    // One terminal object at every end node, so that reaching two of them at one token is one match.
    const terminal: Terminal<P> = {payload, sequence: undefined, parts}
    for (const end of frontier) (end.terminals ??= []).push(terminal)
    this.size += partsCount(parts)
  }

  private sharedPath(start: TrieNode<P>, atoms: Atom[]): TrieNode<P> {
    let node = start
    for (const atom of atoms) {
      if (atom.kind === 'literal') {
        node.literal ??= new Map()
        let next = node.literal.get(atom.norm)
        if (!next) node.literal.set(atom.norm, (next = createNode()))
        node = next
      } else {
        node.special ??= new Map()
        const key = specialKey(atom)
        let edge = node.special.get(key)
        if (!edge) {
          node.special.set(key, (edge = {atom, node: createNode(), lookAhead: false}))
          ;(node.specialEdges ??= []).push(edge)
          this.everySpecialEdge.push(edge)
        }
        node = edge.node
      }
    }
    return node
  }

  private graphPath(from: TrieNode<P>, atoms: Atom[], target: TrieNode<P>): void {
    let node = from
    atoms.forEach((atom, i) => {
      const next = i === atoms.length - 1 ? target : createNode<P>()
      if (atom.kind === 'literal') {
        node.graphLiteral ??= new Map()
        const list = node.graphLiteral.get(atom.norm)
        if (!list) node.graphLiteral.set(atom.norm, [next])
        else if (!list.includes(next)) list.push(next)
      } else {
        const edge = {atom, node: next, lookAhead: false}
        ;(node.specialEdges ??= []).push(edge)
        this.everySpecialEdge.push(edge)
      }
      node = next
    })
  }

  // Whether every special edge's `lookAhead` is set for the trie as it now stands.
  private prepared = false

  private readonly everySpecialEdge: SpecialEdge<P>[] = []

  private prepare(): void {
    for (const edge of this.everySpecialEdge) edge.lookAhead = !edge.node.terminals && !edge.node.specialEdges
    // The root's special edges are tried at every token: one look-up tells when none can lead on.
    // Everything the walk asks of a token at the root, in one entry: its literal and graph edges,
    // and whether it may follow a root special edge's atom, or stand at a root anchor.
    this.rootEntries.clear()
    const entryOf = (word: string): RootEntry<P> => {
      let entry = this.rootEntries.get(word)
      if (!entry) this.rootEntries.set(word, (entry = {literal: undefined, graph: undefined, atAnchor: false, afterAtom: false}))
      return entry
    }
    for (const [word, node] of this.root.literal ?? []) entryOf(word).literal = node
    for (const [word, nodes] of this.root.graphLiteral ?? []) entryOf(word).graph = nodes
    const edges = this.root.specialEdges ?? []
    this.rootEdgesAlwaysTried = edges.some((edge) => !edge.lookAhead)
    for (const edge of edges)
      for (const word of [...(edge.node.literal?.keys() ?? []), ...(edge.node.graphLiteral?.keys() ?? [])])
        if (edge.atom.kind === 'anchor') entryOf(word).atAnchor = true
        else entryOf(word).afterAtom = true
    this.prepared = true
  }

  private readonly rootEntries = new Map<string, RootEntry<P>>()

  // A root special edge that leads to a terminal or another special edge is tried at every token.
  private rootEdgesAlwaysTried = false

  private rootEdgesMayLead(tokens: Token[], position: number): boolean {
    if (this.rootEdgesAlwaysTried) return true
    if (position + 1 < tokens.length && this.rootEntries.get(tokens[position + 1].norm)?.afterAtom) return true
    return position < tokens.length && this.rootEntries.get(tokens[position].norm)?.atAnchor === true
  }

  /** Every sequence that matches starting at token `start`. */
  matchAt(tokens: Token[], start: number, out: TokenMatch<P>[] = []): TokenMatch<P>[] {
    if (!this.prepared) this.prepare()
    this.opening = openingPrefix(tokens)
    this.graphEndCount = 0
    this.walk(this.root, tokens, start, start, out)
    return out
  }

  // Graph terminals reached from the current start, with the end they were reached at: a graph
  // can reach one terminal by two paths (an optional word taken or not), which is one match.
  // Cleared per start by its count (setting an array's length is a runtime call, at every token).
  private readonly graphEnds: Array<Terminal<P> | number> = []
  private graphEndCount = 0

  private reachedGraphEnd(terminal: Terminal<P>, end: number): boolean {
    const seen = this.graphEnds
    const count = this.graphEndCount
    for (let i = 0; i < count; i += 2) if (seen[i] === terminal && seen[i + 1] === end) return true
    seen[count] = terminal
    seen[count + 1] = end
    this.graphEndCount = count + 2
    return false
  }

  // The sentence's opening prefix, for the walk's ^ edges (tried at every token); set per match call.
  private opening = 0

  private reachTerminals(terminals: Terminal<P>[], tokens: Token[], start: number, position: number, out: TokenMatch<P>[]): void {
    for (const terminal of terminals) {
      if (terminal.sequence) out.push({payload: terminal.payload, sequence: terminal.sequence, start, end: position})
      else if (!this.reachedGraphEnd(terminal, position))
        for (const sequence of spellingsAt(terminal.parts!, tokens, start, position, this.opening))
          out.push({payload: terminal.payload, sequence, start, end: position})
    }
  }

  // A method, not a closure made per call: matching runs at every token of every sentence.
  private walk(node: TrieNode<P>, tokens: Token[], start: number, position: number, out: TokenMatch<P>[]): void {
    if (node.terminals) this.reachTerminals(node.terminals, tokens, start, position, out)
    if (position < tokens.length) {
      if (node.literal) {
        const next = node.literal.get(tokens[position].norm)
        if (next) this.walk(next, tokens, start, position + 1, out)
      }
      if (node.graphLiteral) {
        const nexts = node.graphLiteral.get(tokens[position].norm)
        if (nexts) for (const next of nexts) this.walk(next, tokens, start, position + 1, out)
      }
    }
    const edges = node.specialEdges
    if (!edges || (node === this.root && !this.rootEdgesMayLead(tokens, position))) return
    this.tryEdges(edges, tokens, start, position, out)
  }

  private tryEdges(edges: SpecialEdge<P>[], tokens: Token[], start: number, position: number, out: TokenMatch<P>[]): void {
    for (let e = 0; e < edges.length; e++) {
      const {atom, node: child, lookAhead} = edges[e]
      // An anchor takes no token.
      const next = atom.kind === 'anchor' ? position : position + 1
      if (!lookAhead) {
        if (atomHolds(atom, tokens, position, this.opening)) this.walk(child, tokens, start, next, out)
        continue
      }
      // What walking the child would do, but only once the token after the atom leads somewhere.
      if (next >= tokens.length) continue
      const norm = tokens[next].norm
      const literal = child.literal?.get(norm)
      const graph = child.graphLiteral?.get(norm)
      if ((!literal && !graph) || !atomHolds(atom, tokens, position, this.opening)) continue
      if (literal) this.walk(literal, tokens, start, next + 1, out)
      if (graph) for (const after of graph) this.walk(after, tokens, start, next + 1, out)
    }
  }

  /** Every match starting anywhere in the sentence. */
  matchAll(tokens: Token[]): TokenMatch<P>[] {
    if (!this.prepared) this.prepare()
    const out: TokenMatch<P>[] = []
    this.opening = openingPrefix(tokens)
    // The root step of the walk, with one look-up per token: each token's entry serves as the
    // start's and as the one after the previous start's.
    const root = this.root
    const edges = root.specialEdges
    let entry = tokens.length > 0 ? this.rootEntries.get(tokens[0].norm) : undefined
    for (let start = 0; start < tokens.length; start++) {
      const following = start + 1 < tokens.length ? this.rootEntries.get(tokens[start + 1].norm) : undefined
      this.graphEndCount = 0
      if (root.terminals) this.reachTerminals(root.terminals, tokens, start, start, out)
      if (entry?.literal) this.walk(entry.literal, tokens, start, start + 1, out)
      if (entry?.graph) for (const next of entry.graph) this.walk(next, tokens, start, start + 1, out)
      if (edges && (this.rootEdgesAlwaysTried || entry?.atAnchor === true || following?.afterAtom === true)) this.tryEdges(edges, tokens, start, start, out)
      entry = following
    }
    // A pattern that starts with ^ or is made only of zero-width atoms before its first token
    // is reached from start 0 only; duplicates at other starts cannot occur because anchors fail.
    return out
  }
}

/** Whether an atom holds at a position; ^ uses the sentence's opening prefix, counted once per match call. */
function atomHolds(atom: Atom, tokens: Token[], position: number, opening: number): boolean {
  switch (atom.kind) {
    case 'anchor':
      return atom.at === 'start' ? position <= opening || tokens[position]?.newlineBefore === true : atSentenceEnd(tokens, position)
    case 'literal':
      return position < tokens.length && tokens[position].norm === atom.norm
    case 'class':
      return position < tokens.length && testClass(atom.name, tokens[position])
    case 'regex':
      return position < tokens.length && atom.regex.test(tokens[position].text)
  }
}

/** The sequences of a graph pattern that spell tokens[start, end), in the order its sequences would be listed. */
function spellingsAt(parts: PatternParts, tokens: Token[], start: number, end: number, opening: number): Sequence[] {
  const found: Sequence[] = []
  const chosen: Sequence[] = []
  const choose = (element: number, position: number): void => {
    if (element === parts.length) {
      if (position === end) {
        const sequence = joinSpellings(chosen)
        if (hasToken(sequence)) found.push(sequence)
      }
      return
    }
    for (const spelling of parts[element]) {
      let at = position
      let holds = true
      for (const atom of spelling.atoms) {
        if (at > end || !atomHolds(atom, tokens, at, opening)) {
          holds = false
          break
        }
        if (atom.kind !== 'anchor') at++
      }
      if (!holds || at > end) continue
      chosen.push(spelling)
      choose(element + 1, at)
      chosen.pop()
    }
  }
  choose(0, start)
  return found
}

/** Token index of each atom of a matched sequence (anchors take no token: -1). */
export function atomTokenIndexes(sequence: Sequence, start: number): number[] {
  let position = start
  return sequence.atoms.map((atom) => (atom.kind === 'anchor' ? -1 : position++))
}

/**
 * For case-sensitive rules: every literal atom must equal the token as written (quotes folded);
 * a lower-case word may also stand capitalized at the start of a sentence ("the UNO" matches
 * "The UNO condemned").
 */
export function matchesCase(sequence: Sequence, tokens: Token[], start: number): boolean {
  const indexes = atomTokenIndexes(sequence, start)
  return sequence.atoms.every((atom, i) => {
    if (atom.kind !== 'literal') return true
    const index = indexes[i]
    const written = foldQuotes(tokens[index].text)
    const wanted = foldQuotes(atom.exact)
    if (written === wanted) return true
    return wanted === wanted.toLowerCase() && written === wanted.charAt(0).toUpperCase() + wanted.slice(1) && atSentenceStart(tokens, index)
  })
}
