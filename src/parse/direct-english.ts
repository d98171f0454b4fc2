/**
 * parse-english's segmentation without its tree: the same words, sentences and paragraphs, made
 * straight into the token view.
 *
 * parse-english (behind retext-english) builds an nlcst tree and then reworks it with some twenty
 * plugin passes — merging "U.S." and "don't" into words, moving a closing quote back into the
 * sentence it ends, joining "Mr." to the sentence after it. postedit reads only the flat token
 * view, so the tree was built to be thrown away: half the time of a check went into making it.
 * Here the same passes run, in the same order and with the same quirks, over light nodes that are
 * ranges of the character scan's runs; a word's text is one slice of the input.
 *
 * The passes follow parse-latin 7.0.0 and parse-english 7.0.0 line by line (their expressions are
 * imported from the packages, so the character classes cannot drift). A test compares the tokens
 * and sentences with those read from retext-english's tree on the whole corpus and on generated
 * text. Processors that register nlcst extensions, or want the tree, use the tree parser.
 */
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {ParseEnglish} from 'parse-english'
import {appendToken, type Token, type TokenSentence} from './tokens.js'

interface LatinExpressions {
  affixSymbol: RegExp
  newLine: RegExp
  terminalMarker: RegExp
  wordSymbolInner: RegExp
  numerical: RegExp
  lowerInitial: RegExp
}
interface EnglishExpressions {
  abbreviations: RegExp
  abbreviationsSensitive: RegExp
  elisionPrefix: RegExp
  elisionAffix: RegExp
}

// The packages export only their parsers; their generated expressions are read from the files
// next to the entry point.
const require = createRequire(import.meta.url)
const expressionsOf = async <T>(packageName: string, file: string): Promise<T> =>
  (await import(pathToFileURL(join(dirname(require.resolve(packageName)), 'lib', file)).href)) as T
const latin = await expressionsOf<LatinExpressions>('parse-latin', 'expressions.js')
const english = await expressionsOf<EnglishExpressions>('parse-english', 'regex.js')

/** parse-latin's merge-prefix-exceptions keeps this expression to itself. */
const ABBREVIATION_PREFIX =
  /^([0-9]{1,3}|[a-z]|al|ca|cap|cca|cent|cf|cit|con|cp|cwt|ead|etc|ff|fl|ibid|id|nem|op|pro|seq|sic|stat|tem|viz)$/
const APOSTROPHE = /^['’]$/
const DIGIT_START = /^\d/

// Classes of the character scan, indexes into NODE_TYPES (the tree parser shares them).
export const WHITE_SPACE = 1
const PUNCTUATION = 2
export const WORD = 3
const SYMBOL = 4
export const NODE_TYPES = ['', 'WhiteSpaceNode', 'PunctuationNode', 'WordNode', 'SymbolNode'] as const

/** The class parse-latin gives each UTF-16 code unit, asked of its own scan once per unit (0: not yet). */
const CLASS_OF = new Uint8Array(65_536)
const classProbe = new ParseEnglish()
const CLASS_BY_TYPE: Record<string, number> = {WhiteSpaceNode: WHITE_SPACE, PunctuationNode: PUNCTUATION, WordNode: WORD, SymbolNode: SYMBOL}

/**
 * parse-latin's rule for where a run of the character scan ends: a change of class ends it, and
 * punctuation and symbols continue only with the same unit (or a surrogate half).
 */
export function startsNewRun(previousKind: number, kind: number, current: number, previous: number): boolean {
  return previousKind !== 0 && !(previousKind === kind && (kind === WORD || kind === WHITE_SPACE || current === previous || (current >= 0xd800 && current <= 0xdfff)))
}

export function classOf(code: number): number {
  let kind = CLASS_OF[code]
  if (kind === 0) {
    const [node] = classProbe.tokenize(String.fromCharCode(code))
    kind = CLASS_BY_TYPE[node.type]
    CLASS_OF[code] = kind
  }
  return kind
}

/**
 * A node of the sentence, by number: runs `first[piece]` to `last[piece]` (exclusive) of the scan.
 * Anything but a word is one run; a word's runs are its children in the tree (text, and the
 * punctuation merged into it). A megabyte has some 400,000 runs: they live in buffers reused from
 * chunk to chunk and make no garbage (measured about as fast as small objects, with less to collect).
 */
type Piece = number

interface Sentence {
  pieces: Piece[]
  start: number
  end: number
}

type ParagraphChild = Sentence | Piece

const isSentence = (child: ParagraphChild | undefined): child is Sentence => typeof child === 'object'

/** One chunk of text (a paragraph or a slice of one) being segmented. */
class Segmenter {
  // Buffers shared by every chunk (segmenting is synchronous), grown to the longest chunk seen.
  private static capacity = 0
  private static buffers = Segmenter.allocate(4096)
  private static allocate(capacity: number) {
    Segmenter.capacity = capacity
    return {runStart: new Int32Array(capacity), runEnd: new Int32Array(capacity), type: new Uint8Array(capacity), first: new Int32Array(capacity), last: new Int32Array(capacity)}
  }

  readonly runStart: Int32Array
  readonly runEnd: Int32Array
  /** Per piece: its class, and its first and (exclusive) last run; piece n starts as run n. */
  readonly type: Uint8Array
  readonly first: Int32Array
  readonly last: Int32Array
  readonly count: number

  constructor(readonly text: string) {
    if (text.length > Segmenter.capacity) Segmenter.buffers = Segmenter.allocate(text.length)
    ;({runStart: this.runStart, runEnd: this.runEnd, type: this.type, first: this.first, last: this.last} = Segmenter.buffers)
    this.count = this.scan()
  }

  /** parse-latin's `tokenize`: runs of one class; punctuation and symbols continue only with the same unit (or a surrogate). */
  private scan(): number {
    const {text, runStart, runEnd, type, first, last} = this
    let count = 0
    let from = 0
    let previousKind = 0
    let previous = -1
    const flush = (to: number): void => {
      runStart[count] = from
      runEnd[count] = to
      type[count] = previousKind
      first[count] = count
      last[count] = count + 1
      count++
    }
    for (let index = 0; index < text.length; index++) {
      const current = text.charCodeAt(index)
      const kind = classOf(current)
      if (from < index && startsNewRun(previousKind, kind, current, previous)) {
        flush(index)
        from = index
      }
      previousKind = kind
      previous = current
    }
    if (previousKind !== 0 && from < text.length) flush(text.length)
    return count
  }

  private isMark(piece: Piece): boolean {
    const type = this.type[piece]
    return type === PUNCTUATION || type === SYMBOL
  }

  value(piece: Piece): string {
    return this.text.slice(this.runStart[this.first[piece]], this.runEnd[this.last[piece] - 1])
  }

  /** Whether a one-run piece is exactly `char` (a single UTF-16 unit). */
  is(piece: Piece, char: number): boolean {
    const start = this.runStart[this.first[piece]]
    return this.last[piece] - this.first[piece] === 1 && this.runEnd[this.first[piece]] - start === 1 && this.text.charCodeAt(start) === char
  }

  /** Line breaks in a piece: \r\n, \r and \n each count once. */
  private lineBreaks(piece: Piece): number {
    const {text} = this
    let count = 0
    for (let index = this.runStart[this.first[piece]], end = this.runEnd[this.last[piece] - 1]; index < end; index++) {
      const code = text.charCodeAt(index)
      if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) count++
    }
    return count
  }

  startOf(piece: Piece): number {
    return this.runStart[this.first[piece]]
  }

  endOf(piece: Piece): number {
    return this.runEnd[this.last[piece] - 1]
  }

  /** The paragraphs of the chunk, each a list of sentences, as parse-english's tree has them. */
  paragraphs(): Sentence[][] {
    const pieces: Piece[] = []
    for (let index = 0; index < this.count; index++) pieces.push(index)
    this.sentencePasses(pieces)
    const paragraph = this.splitSentences(pieces)
    this.paragraphPasses(paragraph)
    const paragraphs: Sentence[][] = []
    let current: Sentence[] = []
    for (let index = 0; index < paragraph.length; index++) {
      const child = paragraph[index]
      if (isSentence(child)) current.push(child)
      if (index === paragraph.length - 1 || (!isSentence(child) && this.type[child] === WHITE_SPACE && latin.newLine.test(this.value(child)))) {
        paragraphs.push(current)
        current = []
      }
    }
    return paragraphs
  }

  // Sentence passes, in parse-english's order: elision, then parse-latin's word merges.
  private sentencePasses(pieces: Piece[]): void {
    this.mergeElisions(pieces)
    this.modify(pieces, (piece, index) => this.mergeInitialAmpersand(pieces, piece, index))
    this.modify(pieces, (piece, index) => this.mergeFinalHyphen(pieces, piece, index))
    this.modify(pieces, (piece, index) => this.mergeInnerWordSymbols(pieces, piece, index))
    this.modify(pieces, (piece, index) => this.mergeInnerWordSlash(pieces, piece, index))
    this.modify(pieces, (piece, index) => this.mergeInitialisms(pieces, piece, index))
  }

  /** unist-util-modify-children over an array: a returned index is where to go on. */
  private modify<T>(list: T[], visit: (item: T, index: number) => number | undefined): void {
    let index = -1
    while (++index < list.length) {
      if (index < 0) continue
      const next = visit(list[index], index)
      if (next !== undefined) index = next - 1
    }
  }

  /** parse-english's elision exceptions ("w/", "ol' ", "'twas", "rock 'n' roll"); visits as unist-util-visit-children does. */
  private mergeElisions(pieces: Piece[]): void {
    for (let index = 0; index < pieces.length; index++) {
      const child = pieces[index]
      if (!this.isMark(child)) continue
      const length = pieces.length
      if (this.is(child, 47 /* / */)) {
        const sibling = pieces[index - 1]
        if (sibling !== undefined && this.type[sibling] === WORD && this.value(sibling).toLowerCase() === 'w') {
          pieces.splice(index, 1)
          this.last[sibling] = this.last[child]
        }
        continue
      }
      if (!APOSTROPHE.test(this.value(child))) continue
      const before = pieces[index - 1]
      if (
        index > 2 &&
        index < length - 1 &&
        this.type[before] === WORD &&
        this.type[pieces[index - 2]] === WHITE_SPACE &&
        this.type[pieces[index + 1]] === WHITE_SPACE &&
        english.elisionPrefix.test(this.value(before).toLowerCase())
      ) {
        pieces.splice(index, 1)
        this.last[before] = this.last[child]
        continue
      }
      if (index !== length - 1 && this.type[pieces[index + 1]] === WORD && (index === 0 || this.type[pieces[index - 1]] !== WORD)) {
        const after = pieces[index + 1]
        const value = this.value(after).toLowerCase()
        const other = pieces[index + 2]
        if (english.elisionAffix.test(value)) {
          pieces.splice(index, 1)
          this.first[after] = this.first[child]
        } else if (value === 'n' && other !== undefined && this.type[other] === PUNCTUATION && APOSTROPHE.test(this.value(other))) {
          pieces.splice(index, 1)
          pieces.splice(index + 1, 1)
          this.first[after] = this.first[child]
          this.last[after] = this.last[other]
        }
      }
    }
  }

  private mergeInitialAmpersand(pieces: Piece[], child: Piece, index: number): number | undefined {
    if (!this.isMark(child) || !this.is(child, 38 /* & */)) return
    const next = pieces[index + 1]
    if ((index > 0 && this.type[pieces[index - 1]] === WORD) || !(next !== undefined && this.type[next] === WORD)) return
    pieces.splice(index, 1)
    this.first[next] = this.first[child]
    return index - 1
  }

  private mergeFinalHyphen(pieces: Piece[], child: Piece, index: number): number | undefined {
    if (index === 0 || !this.isMark(child) || !this.is(child, 45 /* - */)) return
    const previous = pieces[index - 1]
    const next = pieces[index + 1]
    if ((next === undefined || this.type[next] !== WORD) && previous !== undefined && this.type[previous] === WORD) {
      pieces.splice(index, 1)
      this.last[previous] = this.last[child]
      return index
    }
  }

  private mergeInnerWordSymbols(pieces: Piece[], child: Piece, index: number): number | undefined {
    if (index === 0 || !this.isMark(child)) return
    const previous = pieces[index - 1]
    if (previous === undefined || this.type[previous] !== WORD) return
    let position = index - 1
    let lastWordEnd = -1
    let queued = 0
    while (++position < pieces.length) {
      const sibling = pieces[position]
      if (this.type[sibling] === WORD) {
        lastWordEnd = this.last[sibling]
        queued = 0
      } else if (this.isMark(sibling) && latin.wordSymbolInner.test(this.value(sibling))) {
        queued++
      } else {
        break
      }
    }
    if (lastWordEnd < 0) return
    position -= queued
    pieces.splice(index, position - index)
    this.last[previous] = lastWordEnd
    return index
  }

  private mergeInnerWordSlash(pieces: Piece[], child: Piece, index: number): number | undefined {
    const previous = pieces[index - 1]
    if (previous === undefined || this.type[previous] !== WORD || !this.isMark(child) || !this.is(child, 47 /* / */)) return
    let tail = child
    let count = 1
    let nextLength = 0
    const next = pieces[index + 1]
    if (next !== undefined && this.type[next] === WORD) {
      nextLength = this.endOf(next) - this.startOf(next)
      tail = next
      count++
    }
    if (this.endOf(previous) - this.startOf(previous) < 3 && nextLength < 3) {
      this.last[previous] = this.last[tail]
      pieces.splice(index, count)
      return index
    }
  }

  /** "U.S." — one-character runs joined by full stops take the final full stop. */
  private mergeInitialisms(pieces: Piece[], child: Piece, index: number): number | undefined {
    if (index === 0 || this.type[child] !== PUNCTUATION || !this.is(child, 46 /* . */)) return
    const previous = pieces[index - 1]
    const count = this.last[previous] - this.first[previous]
    if (this.type[previous] !== WORD || count === 1 || count % 2 === 0) return
    let isAllDigits = true
    for (let position = count - 1; position >= 0; position--) {
      const run = this.first[previous] + position
      const length = this.runEnd[run] - this.runStart[run]
      if (position % 2 === 0) {
        if (length > 1) return
        if (!latin.numerical.test(this.text.slice(this.runStart[run], this.runEnd[run]))) isAllDigits = false
      } else if (!(length === 1 && this.text.charCodeAt(this.runStart[run]) === 46)) {
        if (position < count - 2) break
        return
      }
    }
    if (isAllDigits) return
    pieces.splice(index, 1)
    this.last[previous] = this.last[child]
    return index
  }

  /** parse-latin's split of a paragraph into sentences after each terminal marker. */
  private splitSentences(pieces: Piece[]): ParagraphChild[] {
    const sentences: ParagraphChild[] = []
    let from = 0
    for (let index = 0; index < pieces.length; index++) {
      const piece = pieces[index]
      if (index === pieces.length - 1 || (this.type[piece] === PUNCTUATION && latin.terminalMarker.test(this.value(piece)))) {
        sentences.push({pieces: pieces.slice(from, index + 1), start: this.startOf(pieces[from]), end: this.endOf(piece)})
        from = index + 1
      }
    }
    return sentences
  }

  private paragraphPasses(paragraph: ParagraphChild[]): void {
    this.modify(paragraph, (child, index) => this.mergeEnglishAbbreviation(paragraph, child, index))
    this.modify(paragraph, (child, index) => this.mergeNonWordSentence(paragraph, child, index))
    this.modify(paragraph, (child, index) => this.mergeAffixSymbol(paragraph, child, index))
    this.modify(paragraph, (child, index) => this.mergeLowerCaseSentence(paragraph, child, index))
    this.modify(paragraph, (child, index) => this.mergeDigitSentence(paragraph, child, index))
    this.modify(paragraph, (child, index) => this.mergePrefixAbbreviation(paragraph, child, index))
    this.modify(paragraph, (child, index) => this.mergeAffixException(paragraph, child, index))
    for (const child of paragraph) if (isSentence(child)) this.mergeRemainingFullStops(child)
    this.moveInitialWhiteSpace(paragraph)
    this.modify(paragraph, (child, index) => this.moveFinalWhiteSpace(paragraph, child, index))
    this.modify(paragraph, (child, index) => this.breakImplicitSentence(paragraph, child, index))
    this.modify(paragraph, (child, index) => {
      if (isSentence(child) && child.pieces.length === 0) {
        paragraph.splice(index, 1)
        return index
      }
      return undefined
    })
  }

  /** Join a sentence to the next when it ends in an abbreviation and a full stop (a known abbreviation, and then a prefix). */
  private mergeAbbreviation(paragraph: ParagraphChild[], sentence: Sentence, index: number, known: (word: string) => boolean): number | undefined {
    const {pieces} = sentence
    const period = pieces[pieces.length - 1]
    const word = pieces[pieces.length - 2]
    if (period === undefined || !this.isMark(period) || !this.is(period, 46) || word === undefined || this.type[word] !== WORD || !known(this.value(word))) return
    this.last[word] = this.last[period]
    pieces.pop()
    const next = paragraph[index + 1]
    if (!isSentence(next)) return
    for (const piece of next.pieces) pieces.push(piece)
    paragraph.splice(index + 1, 1)
    sentence.end = next.end
    return index - 1
  }

  private mergeEnglishAbbreviation(paragraph: ParagraphChild[], child: ParagraphChild, index: number): number | undefined {
    if (!isSentence(child)) return
    // parse-english asks for a punctuation full stop only; a symbol is never ".".
    return this.mergeAbbreviation(paragraph, child, index, (value) => english.abbreviations.test(value.toLowerCase()) || english.abbreviationsSensitive.test(value))
  }

  private mergePrefixAbbreviation(paragraph: ParagraphChild[], child: ParagraphChild, index: number): number | undefined {
    if (!isSentence(child) || child.pieces.length <= 1) return
    return this.mergeAbbreviation(paragraph, child, index, (value) => ABBREVIATION_PREFIX.test(value.toLowerCase()))
  }

  private mergeNonWordSentence(paragraph: ParagraphChild[], child: ParagraphChild, index: number): number | undefined {
    if (!isSentence(child) || child.pieces.some((piece) => this.type[piece] === WORD)) return
    const previous = paragraph[index - 1]
    if (isSentence(previous)) {
      for (const piece of child.pieces) previous.pieces.push(piece)
      paragraph.splice(index, 1)
      previous.end = child.end
      return index
    }
    const next = paragraph[index + 1]
    if (isSentence(next)) {
      next.pieces.unshift(...child.pieces)
      next.start = child.start
      paragraph.splice(index, 1)
    }
    return undefined
  }

  /** A closing quote or bracket that opens a sentence belongs to the one before. */
  private mergeAffixSymbol(paragraph: ParagraphChild[], child: ParagraphChild, index: number): number | undefined {
    if (!isSentence(child) || child.pieces.length === 0 || index === 0) return
    const previous = paragraph[index - 1]
    const [first, second] = child.pieces
    if (!isSentence(previous) || first === undefined || !this.isMark(first) || !latin.affixSymbol.test(this.value(first))) return
    child.pieces.shift()
    previous.pieces.push(first)
    previous.end = this.endOf(first)
    if (second !== undefined) child.start = this.startOf(second)
    return index - 1
  }

  private mergeLowerCaseSentence(paragraph: ParagraphChild[], child: ParagraphChild, index: number): number | undefined {
    if (!isSentence(child) || index === 0) return
    const previous = paragraph[index - 1]
    if (child.pieces.length === 0 || !isSentence(previous)) return
    for (const piece of child.pieces) {
      if (this.type[piece] === WORD) {
        if (!latin.lowerInitial.test(this.value(piece))) return
        for (const moved of child.pieces) previous.pieces.push(moved)
        paragraph.splice(index, 1)
        previous.end = child.end
        return index
      }
      if (this.isMark(piece)) return
    }
    return undefined
  }

  private mergeDigitSentence(paragraph: ParagraphChild[], child: ParagraphChild, index: number): number | undefined {
    const previous = paragraph[index - 1]
    if (!isSentence(previous) || !isSentence(child)) return
    const head = child.pieces[0]
    if (head === undefined || this.type[head] !== WORD || !DIGIT_START.test(this.value(head))) return
    for (const piece of child.pieces) previous.pieces.push(piece)
    paragraph.splice(index, 1)
    previous.end = child.end
    return index
  }

  /** A sentence that opens with a comma or semicolon continues the one before. */
  private mergeAffixException(paragraph: ParagraphChild[], child: ParagraphChild, index: number): number | undefined {
    const previous = paragraph[index - 1]
    if (!isSentence(previous) || !isSentence(child) || child.pieces.length === 0) return
    for (const piece of child.pieces) {
      if (this.type[piece] === WORD) return
      if (this.isMark(piece)) {
        if (!this.is(piece, 44 /* , */) && !this.is(piece, 59 /* ; */)) return
        for (const moved of child.pieces) previous.pieces.push(moved)
        previous.end = child.end
        paragraph.splice(index, 1)
        return index
      }
    }
    return undefined
  }

  /** A full stop inside a sentence (not its last terminal marker) joins the word before or after it. */
  private mergeRemainingFullStops(sentence: Sentence): void {
    const {pieces} = sentence
    let hasFoundDelimiter = false
    for (let position = pieces.length - 1; position >= 0; position--) {
      const piece = pieces[position]
      if (!this.isMark(piece)) {
        if (this.type[piece] === WORD) hasFoundDelimiter = true
        continue
      }
      if (!latin.terminalMarker.test(this.value(piece))) continue
      if (!hasFoundDelimiter) {
        hasFoundDelimiter = true
        continue
      }
      if (!this.is(piece, 46)) continue
      const previous = pieces[position - 1]
      const next = pieces[position + 1]
      if (previous !== undefined && this.type[previous] === WORD) {
        const nextNext = pieces[position + 2]
        if (next !== undefined && nextNext !== undefined && this.type[next] === WHITE_SPACE && this.value(nextNext) === '.') continue
        pieces.splice(position, 1)
        this.last[previous] = this.last[piece]
        position--
      } else if (next !== undefined && this.type[next] === WORD) {
        pieces.splice(position, 1)
        this.first[next] = this.first[piece]
      }
    }
  }

  /** Visits as unist-util-visit-children does: a sentence moved one place on is seen again. */
  private moveInitialWhiteSpace(paragraph: ParagraphChild[]): void {
    for (let index = 0; index < paragraph.length; index++) {
      const child = paragraph[index]
      if (!isSentence(child)) continue
      const head = child.pieces[0]
      if (head !== undefined && this.type[head] === WHITE_SPACE) {
        child.pieces.shift()
        paragraph.splice(index, 0, head)
        const next = child.pieces[0]
        if (next !== undefined) child.start = this.startOf(next)
      }
    }
  }

  private moveFinalWhiteSpace(paragraph: ParagraphChild[], child: ParagraphChild, index: number): number | undefined {
    if (!isSentence(child)) return
    const tail = child.pieces[child.pieces.length - 1]
    if (tail === undefined || this.type[tail] !== WHITE_SPACE) return
    child.pieces.pop()
    paragraph.splice(index + 1, 0, tail)
    const previous = child.pieces[child.pieces.length - 1]
    if (previous !== undefined) child.end = this.endOf(previous)
    return index
  }

  /** White space with two or more line breaks inside a sentence ends it. */
  private breakImplicitSentence(paragraph: ParagraphChild[], child: ParagraphChild, index: number): number | undefined {
    if (!isSentence(child)) return
    const {pieces} = child
    for (let position = 1; position < pieces.length - 1; position++) {
      const piece = pieces[position]
      if (this.type[piece] !== WHITE_SPACE || this.lineBreaks(piece) < 2) continue
      const tail = pieces[position - 1]
      const head = pieces[position + 1]
      const insertion: Sentence = {pieces: pieces.slice(position + 1), start: this.startOf(head), end: child.end}
      child.pieces = pieces.slice(0, position)
      child.end = this.endOf(tail)
      paragraph.splice(index + 1, 0, piece, insertion)
      return index + 1
    }
    return undefined
  }

  /** The token view of the chunk's sentences, in file offsets (`offset` is the chunk's). */
  tokenSentences(offset: number, out: TokenSentence[]): void {
    const {runStart, runEnd, text} = this
    for (const paragraph of this.paragraphs()) {
      let first = true
      for (const sentence of paragraph) {
        const tokens: Token[] = []
        let space = false
        let newline = false
        for (const piece of sentence.pieces) {
          const start = runStart[this.first[piece]]
          const end = runEnd[this.last[piece] - 1]
          if (this.type[piece] === WHITE_SPACE) {
            space = true
            for (let index = start; index < end && !newline; index++) newline = text.charCodeAt(index) === 10
            continue
          }
          const kind = this.type[piece] === WORD ? 'word' : this.type[piece] === PUNCTUATION ? 'punctuation' : 'symbol'
          appendToken(tokens, kind, text.slice(start, end), start + offset, end + offset, space, newline)
          space = false
          newline = false
        }
        if (tokens.length === 0) continue
        out.push({tokens, start: sentence.start + offset, end: sentence.end + offset, paragraphStart: first})
        first = false
      }
    }
  }
}

/** The token sentences of one chunk of text, as read from parse-english's tree, offsets shifted by `offset`. */
export function tokenizeEnglish(text: string, offset = 0, out: TokenSentence[] = []): TokenSentence[] {
  if (text) new Segmenter(text).tokenSentences(offset, out)
  return out
}
