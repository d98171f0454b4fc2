/**
 * A token trie over pattern sequences: literal atoms are looked up by the token's normalized text,
 * so matching cost depends on the text and on how many rules share a prefix, not on how many rules
 * exist. Classes, regexes and anchors are the few non-literal edges, tried at every step.
 */
import {foldQuotes, startsUpper, type Token} from '../parse/tokens.js'
import type {Atom, Sequence, TokenClass} from './pattern.js'

interface Terminal<P> {
  payload: P
  sequence: Sequence
}

// Fields are created when first needed: a trie of 100,000 rules is mostly leaves, and three empty
// collections per leaf were ~400,000 objects for every major GC to mark.
interface TrieNode<P> {
  literal?: Map<string, TrieNode<P>>
  special?: Map<string, SpecialEdge<P>>
  /** The special edges again as an array: the walk tries them at every token, and a Map's iterator is an allocation each time. */
  specialEdges?: SpecialEdge<P>[]
  terminals?: Terminal<P>[]
}

interface SpecialEdge<P> {
  atom: Atom
  node: TrieNode<P>
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
  return {literal: undefined, special: undefined, specialEdges: undefined, terminals: undefined}
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

function startsLower(text: string): boolean {
  const code = text.charCodeAt(0)
  if (code < 128) return code >= 97 && code <= 122
  return /^\p{Ll}/u.test(text)
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
  }
}

/** Start of the sentence (past opening quotes and brackets), or of a line: headlines end without a full stop. */
export function atSentenceStart(tokens: Token[], index: number): boolean {
  return tokens[index]?.newlineBefore === true || index <= openingPrefix(tokens)
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
    let node = this.root
    for (const atom of sequence.atoms) {
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
          node.special.set(key, (edge = {atom, node: createNode()}))
          ;(node.specialEdges ??= []).push(edge)
        }
        node = edge.node
      }
    }
    ;(node.terminals ??= []).push({payload, sequence})
    this.size++
  }

  /** Every sequence that matches starting at token `start`. */
  matchAt(tokens: Token[], start: number, out: TokenMatch<P>[] = []): TokenMatch<P>[] {
    this.opening = openingPrefix(tokens)
    this.walk(this.root, tokens, start, start, out)
    return out
  }

  // The sentence's opening prefix, for the walk's ^ edges (tried at every token); set per match call.
  private opening = 0

  // A method, not a closure made per call: matching runs at every token of every sentence.
  private walk(node: TrieNode<P>, tokens: Token[], start: number, position: number, out: TokenMatch<P>[]): void {
    if (node.terminals) for (const terminal of node.terminals) out.push({payload: terminal.payload, sequence: terminal.sequence, start, end: position})
    if (node.literal && position < tokens.length) {
      const next = node.literal.get(tokens[position].norm)
      if (next) this.walk(next, tokens, start, position + 1, out)
    }
    const edges = node.specialEdges
    if (!edges) return
    for (let e = 0; e < edges.length; e++) {
      const {atom, node: child} = edges[e]
      if (atom.kind === 'anchor') {
        // atSentenceStart, with the sentence's opening prefix counted once per match call.
        const holds =
          atom.at === 'start' ? position <= this.opening || tokens[position]?.newlineBefore === true : atSentenceEnd(tokens, position)
        if (holds) this.walk(child, tokens, start, position, out)
        continue
      }
      if (position >= tokens.length) continue
      const token = tokens[position]
      const holds = atom.kind === 'class' ? testClass(atom.name, token) : atom.kind === 'regex' && atom.regex.test(token.text)
      if (holds) this.walk(child, tokens, start, position + 1, out)
    }
  }

  /** Every match starting anywhere in the sentence. */
  matchAll(tokens: Token[]): TokenMatch<P>[] {
    const out: TokenMatch<P>[] = []
    this.opening = openingPrefix(tokens)
    for (let start = 0; start < tokens.length; start++) this.walk(this.root, tokens, start, start, out)
    // A pattern that starts with ^ or is made only of zero-width atoms before its first token
    // is reached from start 0 only; duplicates at other starts cannot occur because anchors fail.
    return out
  }
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
