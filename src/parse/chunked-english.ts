/**
 * retext-english, parsed paragraph by paragraph.
 *
 * parse-latin (behind retext-english) is quadratic in the length of what it parses at once, so a
 * whole multi-megabyte document would take minutes. Parsing each paragraph on its own is linear;
 * each chunk's tokens are placed in file coordinates as they are made, so the tree reads as if the
 * whole file had been parsed.
 */
import type {Root, RootContent, WhiteSpace} from 'nlcst'
import {unified, type Plugin, type Processor} from 'unified'
import type {Node} from 'unist'
import {ParseEnglish} from 'parse-english'
import {VFile} from 'vfile'
import {classOf, NODE_TYPES, startsNewRun, tokenizeEnglish, WORD} from './direct-english.js'
import {attachSentences, sentencesOf, splitAtParagraphLines, tokenizeTree, type TokenSentence} from './tokens.js'

/** Longest stretch handed to the parser at once; longer paragraphs are cut at line or sentence ends. */
export const MAX_CHUNK = 16_384

export interface Chunk {
  text: string
  offset: number
  /** 1-based line of the chunk's first character; chunks always begin a line or follow a cut. */
  line: number
  column: number
}

/**
 * Cut text into parseable chunks: paragraphs (split at blank lines), with overlong paragraphs cut at
 * line breaks and then after sentence-ending punctuation. Separators between chunks are returned as
 * whitespace chunks (`isGap`), so the chunks tile the input exactly.
 */
export function splitIntoChunks(text: string, max = MAX_CHUNK, countLines = true): Array<Chunk & {isGap: boolean}> {
  const pieces: Array<{start: number; end: number; isGap: boolean}> = []
  const blank = /\r?\n[\t ]*(?:\r?\n[\t ]*)+/g
  let last = 0
  for (const match of text.matchAll(blank)) {
    const start = match.index
    if (start > last) cutLong(last, start)
    pieces.push({start, end: start + match[0].length, isGap: true})
    last = start + match[0].length
  }
  if (last < text.length) cutLong(last, text.length)

  function cutLong(start: number, end: number): void {
    while (end - start > max) {
      const cut = findCut(text, start, start + max)
      pieces.push({start, end: cut, isGap: false})
      start = cut
    }
    pieces.push({start, end, isGap: false})
  }

  const chunks: Array<Chunk & {isGap: boolean}> = []
  let line = 1
  let column = 1
  let cursor = 0
  for (const piece of pieces) {
    if (!countLines) {
      // Only the tree parser needs lines and columns; counting them was a pass over every character.
      chunks.push({text: text.slice(piece.start, piece.end), offset: piece.start, line: 0, column: 0, isGap: piece.isGap})
      continue
    }
    // Advance line/column from the previous piece start to this one.
    // As parse-latin counts: \r, \r\n and \n each end a line.
    for (let i = cursor; i < piece.start; i++) {
      const code = text.charCodeAt(i)
      if (code === 13 || (code === 10 && text.charCodeAt(i - 1) !== 13)) {
        line++
        column = 1
      } else if (code !== 10) column++
    }
    cursor = piece.start
    chunks.push({text: text.slice(piece.start, piece.end), offset: piece.start, line, column, isGap: piece.isGap})
  }
  return chunks
}

/**
 * Cut a long text into windows of about `size` characters at paragraph (or line, or sentence)
 * boundaries, so that a document can be checked window by window in bounded memory.
 */
export function splitIntoWindows(text: string, size: number): Array<{start: number; end: number}> {
  if (text.length <= size) return [{start: 0, end: text.length}]
  const windows: Array<{start: number; end: number}> = []
  let start = 0
  let end = 0
  for (const chunk of splitIntoChunks(text, Math.min(MAX_CHUNK, size), false)) {
    const chunkEnd = chunk.offset + chunk.text.length
    if (chunkEnd - start > size && end > start && !chunk.isGap) {
      windows.push({start, end})
      start = end
    }
    end = chunkEnd
  }
  windows.push({start, end: text.length})
  return windows
}

/**
 * The windows `splitIntoWindows` would cut the whole text into, from the text read piece by
 * piece: a file far larger than memory is checked holding a few windows at a time.
 *
 * Cutting is greedy and restarts cleanly at every window edge, so a buffer that begins at an edge
 * is cut as the whole text would be — except near the buffer's end. Cut before its trailing
 * whitespace (which may be half a blank line), the buffer's chunks are the whole text's but for
 * the last (a paragraph that goes on); the last chunk can move only the edge of the window before
 * the last one, so all windows but the last two are final.
 */
export function* windowsOf(pieces: Iterable<string>, size: number): Generator<{text: string; start: number}> {
  const enough = 8 * Math.max(size, MAX_CHUNK)
  let buffer = ''
  let offset = 0
  for (const piece of pieces) {
    buffer += piece
    if (buffer.length < enough) continue
    let settled = buffer.length
    while (settled > 0 && isBlank(buffer.charCodeAt(settled - 1))) settled--
    const windows = splitIntoWindows(buffer.slice(0, settled), size)
    if (windows.length < 3) continue
    const kept = windows[windows.length - 2].start
    for (const window of windows.slice(0, -2)) yield {text: buffer.slice(window.start, window.end), start: offset + window.start}
    buffer = buffer.slice(kept)
    offset += kept
  }
  for (const window of splitIntoWindows(buffer, size)) yield {text: buffer.slice(window.start, window.end), start: offset + window.start}
}

function isBlank(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9
}

/** A cut point in (start, limit]: the last line break, else the last sentence end, else a space. */
function findCut(text: string, start: number, limit: number): number {
  const window = text.slice(start, limit)
  const newline = window.lastIndexOf('\n')
  if (newline > 0) return start + newline + 1
  const sentenceEnd = /[.!?]["'”’)]*\s+(?=\S)/g
  let best = -1
  for (const match of window.matchAll(sentenceEnd)) best = match.index + match[0].length
  if (best > 0) return start + best
  const space = window.lastIndexOf(' ')
  if (space > 0) return start + space + 1
  return limit
}

type Point = NonNullable<Node['position']>['start']
type SentenceContent = ReturnType<ParseEnglish['tokenize']>[number]

/**
 * retext-english's parser (parse-english) whose tokens are placed in file coordinates from the
 * start: the plugins then build every sentence and paragraph position from them, so the tree
 * needs no shifting afterwards (a walk over every point cost as much as the parse itself).
 *
 * The character scan is parse-latin's own `tokenize` (the same runs, node shapes and positions),
 * but it asks parse-latin's regexes about each distinct code unit once instead of every time it
 * occurs: the scan was a fifth of the parse.
 */
class ChunkParser extends ParseEnglish {
  base: Chunk = {text: '', offset: 0, line: 1, column: 1}

  override tokenize(value: string): SentenceContent[] {
    const children: SentenceContent[] = []
    if (!value) return children
    const {offset: baseOffset, line: baseLine, column: baseColumn} = this.base
    // Relative line and column as parse-latin counts them; points are made in file coordinates.
    let line = 1
    let column = 1
    const point = (at: number): Point => ({line: line + baseLine - 1, column: line === 1 ? column + baseColumn - 1 : column, offset: at + baseOffset})
    let from = 0
    let start = point(0)
    let previousKind = 0
    let previous = -1
    // A node's end point is the next node's start and a word's text node shares its points: the
    // parser's plugins replace points but never change one, and a third of the scan's objects were points.
    const flush = (to: number): Point => {
      const text = value.slice(from, to)
      const type = NODE_TYPES[previousKind]
      const end = point(to)
      if (previousKind === WORD) {
        children.push({type: 'WordNode', children: [{type: 'TextNode', value: text, position: {start, end}}], position: {start, end}})
      } else {
        children.push({type, value: text, position: {start, end}} as SentenceContent)
      }
      return end
    }
    for (let index = 0; index < value.length; index++) {
      const current = value.charCodeAt(index)
      const kind = classOf(current)
      if (from < index && startsNewRun(previousKind, kind, current, previous)) {
        start = flush(index)
        from = index
      }
      // \r, \r\n and \n each end a line.
      if (current === 13 || (current === 10 && previous !== 13)) {
        line++
        column = 1
      } else if (current !== 10) {
        column++
      }
      previousKind = kind
      previous = current
    }
    if (previousKind !== 0 && from < value.length) flush(value.length)
    return children
  }
}

function whiteSpace(chunk: Chunk, end: {line: number; column: number}): WhiteSpace {
  return {
    type: 'WhiteSpaceNode',
    value: chunk.text,
    position: {
      start: {line: chunk.line, column: chunk.column, offset: chunk.offset},
      end: {line: end.line, column: end.column, offset: chunk.offset + chunk.text.length},
    },
  }
}

/**
 * unified plugin: retext-english's parser, applied chunk by chunk.
 * Extensions registered for retext-english (`nlcst*Extensions` data) keep working.
 */
export interface ChunkedEnglishOptions {
  /**
   * Keep the whole nlcst tree (for retext plugins that walk it). Off by default: postedit's own
   * plugins read the token view, which is made chunk by chunk while each chunk's tree is young,
   * and a retained tree of a large file costs ~100× its size in memory and most of the parse
   * time in garbage collection.
   */
  keepTree?: boolean
}

const retextEnglishChunked: Plugin<[ChunkedEnglishOptions?], string, Root> = function (this: Processor, options: ChunkedEnglishOptions = {}) {
  const self = this as unknown as Processor<Root>
  // As retext-english does, when parsing starts (every plugin is attached by then): extensions
  // registered by other plugins run before the built-in ones.
  let parser: ChunkParser | undefined
  const parserWithExtensions = (): ChunkParser => {
    const created = new ChunkParser()
    const add = (list: unknown[], values: unknown): void => {
      if (Array.isArray(values)) list.unshift(...values)
    }
    add(created.tokenizeParagraphPlugins, self.data('nlcstParagraphExtensions' as never))
    add(created.tokenizeRootPlugins, self.data('nlcstRootExtensions' as never))
    add(created.tokenizeSentencePlugins, self.data('nlcstSentenceExtensions' as never))
    return created
  }
  // The tree is needed only when it is kept or when a plugin extends the parser; otherwise the
  // token view is made straight from the text (direct-english.ts), with the same tokens.
  const hasExtensions = (): boolean =>
    ['nlcstParagraphExtensions', 'nlcstRootExtensions', 'nlcstSentenceExtensions'].some((key) => {
      const values = self.data(key as never) as unknown
      return Array.isArray(values) && values.length > 0
    })
  let direct: boolean | undefined
  self.parser = (document: string, file?: VFile): Root => {
    direct ??= !options.keepTree && !hasExtensions()
    if (!direct) parser ??= parserWithExtensions()
    const children: RootContent[] = []
    const sentences: TokenSentence[] = []
    const chunks = splitIntoChunks(document, MAX_CHUNK, !direct)
    for (let index = 0; index < chunks.length; index++) {
      const chunk = chunks[index]
      if (chunk.isGap) {
        if (!options.keepTree) continue
        const next = chunks[index + 1]
        const end = next ? {line: next.line, column: next.column} : endOf(chunk)
        children.push(whiteSpace(chunk, end))
        continue
      }
      if (direct) {
        tokenizeEnglish(chunk.text, chunk.offset, sentences)
        continue
      }
      parser!.base = chunk
      const tree = parser!.parse(chunk.text) as Root
      for (const sentence of tokenizeTree(tree, options.keepTree === true)) sentences.push(sentence)
      if (options.keepTree) for (const child of tree.children) children.push(child)
    }
    const end = direct ? documentEnd(document) : chunks.length > 0 ? endOf(chunks[chunks.length - 1]) : {line: 1, column: 1}
    const root: Root = {
      type: 'RootNode',
      children,
      position: {start: {line: 1, column: 1, offset: 0}, end: {...end, offset: document.length}},
    }
    if (file) attachSentences(file, root, splitAtParagraphLines(sentences, document))
    return root
  }
}

export default retextEnglishChunked

/** The point after the last character, as endOf counts it (line feeds end lines), without walking every character. */
function documentEnd(document: string): {line: number; column: number} {
  let line = 1
  for (let at = document.indexOf('\n'); at >= 0; at = document.indexOf('\n', at + 1)) line++
  return {line, column: document.length - document.lastIndexOf('\n')}
}

function endOf(chunk: Chunk): {line: number; column: number} {
  let {line, column} = chunk
  for (let i = 0; i < chunk.text.length; i++) {
    if (chunk.text.charCodeAt(i) === 10) {
      line++
      column = 1
    } else column++
  }
  return {line, column}
}

const sentenceParser = unified().use(retextEnglishChunked)

/** The token sentences of a text, parsed exactly as documents are (rule literals use this). */
export function parseSentences(text: string): TokenSentence[] {
  const file = new VFile({value: text})
  const tree = sentenceParser.parse(file)
  return sentencesOf(tree, file)
}
