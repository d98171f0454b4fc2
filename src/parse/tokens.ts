/**
 * A flat view of the nlcst tree that detectors and the rule matcher share: per sentence, the list of
 * word, punctuation and symbol tokens with their file offsets. Whitespace is not a token; each token
 * records whether whitespace (and a line break) precedes it.
 */
import type {Root, Sentence, Word, SentenceContent} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {VFile} from 'vfile'

export type TokenKind = 'word' | 'punctuation' | 'symbol'

export interface Token {
  kind: TokenKind
  /** The text as written. */
  text: string
  /** Lower-cased, with curly apostrophes and quotes made straight: what matching compares. */
  norm: string
  start: number
  end: number
  /** Whitespace separates this token from the previous one. */
  spaceBefore: boolean
  /** The whitespace before this token holds a line break. */
  newlineBefore: boolean
  /** For words, when the tree is kept: the nlcst node, so plugins can look inside (hyphens, apostrophes). */
  node?: Word
}

export interface TokenSentence {
  tokens: Token[]
  start: number
  end: number
  /** The sentence is the first of its paragraph. */
  paragraphStart: boolean
}

const FOLDED = /[’‘ʼ`´“”„«»‐‑]/

/** Curly and straight apostrophes and quotes made straight (one character each: offsets keep). */
export function foldQuotes(value: string): string {
  return value.replace(/[’‘ʼ`´]/g, "'").replace(/[“”„«»]/g, '"')
}

/** An upper-case first letter; ASCII is answered without a regex (detectors and rule classes ask for every token). */
export function startsUpper(text: string): boolean {
  const code = text.charCodeAt(0)
  if (code < 128) return code >= 65 && code <= 90
  return /^\p{Lu}/u.test(text)
}

/** A lower-case first letter, answered like startsUpper. */
export function startsLower(text: string): boolean {
  const code = text.charCodeAt(0)
  if (code < 128) return code >= 97 && code <= 122
  return /^\p{Ll}/u.test(text)
}

export function normalizeText(value: string): string {
  // Every token is normalized: plain ASCII (no backquote) skips the regex.
  let plain = true
  for (let i = 0; i < value.length && plain; i++) {
    const code = value.charCodeAt(i)
    plain = code < 128 && code !== 96
  }
  if (plain || !FOLDED.test(value)) return value.toLowerCase()
  return foldQuotes(value).replace(/[‐‑]/g, '-').toLowerCase()
}

const LOWER_CASE_NOT_ABBREVIATIONS = /^(?:sun|mon|tue|wed|thu|fri|sat|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec|sept)\.$/
// parse-english also reads "War." as Warwickshire's abbreviation: "since the Cold War. It …" would
// keep "War." as one word, and "the Cold War" would match no rule.
const WORDS_NOT_ABBREVIATIONS = /^(?:War)\.$/

/** A token's text: most words are one text node, read without walking the node. */
function textOf(child: SentenceContent): string {
  if ('value' in child) return child.value
  const children = child.children
  if (children.length === 1 && 'value' in children[0]) return children[0].value
  return toString(child)
}

/**
 * The tokens of a sentence. `keepNodes` links each word token to its nlcst node; without it the
 * tokens hold no part of the tree, which can then be dropped as soon as it is read.
 */
export function tokenizeSentence(sentence: Sentence, keepNodes = true): Token[] {
  const tokens: Token[] = []
  let pendingSpace = false
  let pendingNewline = false
  for (const child of sentence.children as SentenceContent[]) {
    if (child.type === 'WhiteSpaceNode') {
      pendingSpace = true
      if (child.value.includes('\n')) pendingNewline = true
      continue
    }
    if (child.type === 'SourceNode') continue
    const text = textOf(child)
    const kind: TokenKind =
      child.type === 'WordNode' ? 'word' : child.type === 'PunctuationNode' ? 'punctuation' : 'symbol'
    const start = child.position?.start.offset ?? 0
    const end = child.position?.end.offset ?? 0
    appendToken(tokens, kind, text, start, end, pendingSpace, pendingNewline, keepNodes && child.type === 'WordNode' ? child : undefined)
    pendingSpace = false
    pendingNewline = false
  }
  return tokens
}

/**
 * Add a parsed token to a sentence's tokens, as the token view reads it: parse-english's "sun."
 * (Sunday) in lower case is a word and a full stop, and "1", ",", "000" are one number.
 */
export function appendToken(tokens: Token[], kind: TokenKind, text: string, start: number, end: number, spaceBefore: boolean, newlineBefore: boolean, node?: Word): void {
  // parse-english reads "sun." or "mar." as the abbreviations of Sunday and March whatever their
  // case; written in lower case they are a word and a full stop ("in the sun."). So is "War.".
  if (kind === 'word' && text.length <= 5 && text.endsWith('.') && (LOWER_CASE_NOT_ABBREVIATIONS.test(text) || WORDS_NOT_ABBREVIATIONS.test(text))) {
    tokens.push({kind, text: text.slice(0, -1), norm: normalizeText(text.slice(0, -1)), start, end: end - 1, spaceBefore, newlineBefore})
    tokens.push({kind: 'punctuation', text: '.', norm: '.', start: end - 1, end, spaceBefore: false, newlineBefore: false})
    return
  }
  // parse-latin cuts "1,000" into "1", ",", "000"; a number is one token.
  const comma = tokens[tokens.length - 1]
  const number = tokens[tokens.length - 2]
  if (
    comma?.text === ',' && !comma.spaceBefore && !spaceBefore && isDigit(text.charCodeAt(0)) && /^\d{3}(?:\D|$)/.test(text) &&
    number && /^\d[\d,]*$/.test(number.text)
  ) {
    tokens.length -= 2
    tokens.push({...number, text: number.text + ',' + text, norm: number.norm + ',' + normalizeText(text), end, node: undefined})
    return
  }
  tokens.push({kind, text, norm: normalizeText(text), start, end, spaceBefore, newlineBefore, node})
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

export function tokenizeTree(tree: Root, keepNodes = true): TokenSentence[] {
  const sentences: TokenSentence[] = []
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    let first = true
    for (const child of paragraph.children) {
      if (child.type !== 'SentenceNode') continue
      const tokens = tokenizeSentence(child, keepNodes)
      if (tokens.length === 0) continue
      sentences.push({
        tokens,
        start: child.position?.start.offset ?? tokens[0].start,
        end: child.position?.end.offset ?? tokens[tokens.length - 1].end,
        paragraphStart: first,
      })
      first = false
    }
  }
  return sentences
}

/**
 * Whether the file is one paragraph of a document re-checked alone during fixing: detectors that
 * judge by what the document said before (first mentions) must not guess from the paragraph.
 */
export function isPartOfDocument(file: VFile): boolean {
  return (file.data as {postedit?: {partOfDocument?: boolean}}).postedit?.partOfDocument === true
}

/**
 * Words (norms) the document uses before this file's text begins: a long document is checked in
 * windows, and a window carries what the windows before it said, so that "first named here" means
 * first in the document, whichever window a paragraph falls in.
 */
export function wordsBefore(file: VFile): ReadonlySet<string> | undefined {
  return (file.data as {postedit?: {wordsBefore?: ReadonlySet<string>}}).postedit?.wordsBefore
}

/** Where each of `words` (norms) first stands in the document, as a file offset (-1: before this window). */
export function firstMentions(sentences: TokenSentence[], words: Set<string>, file?: VFile): Map<string, number> {
  const everyWord = firstOffsetsOf(sentences)
  const first = new Map<string, number>()
  const earlier = file ? wordsBefore(file) : undefined
  for (const word of words) {
    const offset = earlier?.has(word) ? -1 : everyWord.get(word)
    if (offset !== undefined) first.set(word, offset)
  }
  return first
}

/**
 * Every word (norm) of the sentences with the file offset where it first stands. Several detectors
 * and the windowed check ask about one document: it is found in one pass and kept.
 */
export function firstOffsetsOf(sentences: TokenSentence[]): ReadonlyMap<string, number> {
  let everyWord = firstOffsets.get(sentences)
  if (!everyWord) {
    everyWord = new Map()
    for (const {tokens} of sentences) for (const token of tokens) if (!everyWord.has(token.norm)) everyWord.set(token.norm, token.start)
    firstOffsets.set(sentences, everyWord)
  }
  return everyWord
}

const firstOffsets = new WeakMap<TokenSentence[], Map<string, number>>()

/** A line this long is a paragraph of its own, not a hard-wrapped piece of one. */
const UNWRAPPED_LINE = 100

/**
 * parse-english reads a line without final punctuation (a headline, a dateline, a list item) as
 * the start of the sentence on the next line, and rules and detectors then match across the line
 * break ("… the mayor of New York" + "NEW YORK — …" read as a title and a name). Where either line
 * is longer than a hard-wrapped line would be, the break ends the sentence and the next line starts
 * a paragraph. Hard-wrapped prose (every line short) keeps its sentences across lines.
 */
export function splitAtParagraphLines(sentences: TokenSentence[], text: string): TokenSentence[] {
  const lineLength = (at: number): number => {
    const start = text.lastIndexOf('\n', at - 1) + 1
    const end = text.indexOf('\n', at)
    return (end < 0 ? text.length : end) - start
  }
  let out: TokenSentence[] | undefined
  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s]
    let from = 0
    for (let i = 1; i < sentence.tokens.length; i++) {
      const token = sentence.tokens[i]
      if (!token.newlineBefore) continue
      const previous = sentence.tokens[i - 1]
      if (lineLength(previous.start) <= UNWRAPPED_LINE && lineLength(token.start) <= UNWRAPPED_LINE) continue
      out ??= sentences.slice(0, s)
      const tokens = sentence.tokens.slice(from, i)
      out.push({tokens, start: from === 0 ? sentence.start : tokens[0].start, end: previous.end, paragraphStart: from === 0 ? sentence.paragraphStart : true})
      from = i
    }
    if (from === 0) {
      out?.push(sentence)
      continue
    }
    const tokens = sentence.tokens.slice(from)
    out!.push({tokens, start: tokens[0].start, end: sentence.end, paragraphStart: true})
  }
  return out ?? sentences
}

/** Record a file's token sentences, made by the parser along with its tree. */
export function attachSentences(file: VFile, tree: Root, sentences: TokenSentence[]): void {
  const data = file.data as {postedit?: {sentences?: TokenSentence[]; tree?: Root}}
  data.postedit = {...data.postedit, sentences, tree}
}

/** The token sentences of a file, computed once per run and shared by every detector. */
export function sentencesOf(tree: Root, file: VFile): TokenSentence[] {
  const data = file.data as {postedit?: {sentences?: TokenSentence[]; tree?: Root}}
  data.postedit ??= {}
  if (!data.postedit.sentences || data.postedit.tree !== tree) {
    data.postedit.sentences = tokenizeTree(tree)
    data.postedit.tree = tree
  }
  return data.postedit.sentences
}
