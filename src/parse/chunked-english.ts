/**
 * retext-english, parsed paragraph by paragraph.
 *
 * parse-latin (behind retext-english) is quadratic in the length of what it parses at once, so a
 * whole multi-megabyte document would take minutes. Parsing each paragraph on its own is linear;
 * positions are shifted back so the tree reads as if the whole file had been parsed.
 */
import type {Root, RootContent, WhiteSpace} from 'nlcst'
import type {Plugin, Processor} from 'unified'
import type {Node} from 'unist'
import retextEnglish from 'retext-english'

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
export function splitIntoChunks(text: string, max = MAX_CHUNK): Array<Chunk & {isGap: boolean}> {
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
    // Advance line/column from the previous piece start to this one.
    for (let i = cursor; i < piece.start; i++) {
      if (text.charCodeAt(i) === 10) {
        line++
        column = 1
      } else column++
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
  for (const chunk of splitIntoChunks(text, Math.min(MAX_CHUNK, size))) {
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

/** Move every point of a chunk's tree to file coordinates, in place. */
function shift(node: Node, chunk: Chunk, moved: Set<Point>): void {
  const position = node.position
  if (position) {
    // parse-latin shares point objects between a parent and its first or last child: move each once.
    for (const point of [position.start, position.end]) {
      if (moved.has(point)) continue
      moved.add(point)
      if (point.line === 1) point.column += chunk.column - 1
      point.line += chunk.line - 1
      if (point.offset !== undefined) point.offset += chunk.offset
    }
  }
  const children = (node as {children?: Node[]}).children
  if (children) for (const child of children) shift(child, chunk, moved)
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
const retextEnglishChunked: Plugin<[], string, Root> = function (this: Processor) {
  retextEnglish.call(this as never)
  const parseWhole = this.parser as unknown as (document: string) => Root
  const self = this as unknown as Processor<Root>
  self.parser = (document: string): Root => {
    const children: RootContent[] = []
    const chunks = splitIntoChunks(document)
    for (let index = 0; index < chunks.length; index++) {
      const chunk = chunks[index]
      if (chunk.isGap) {
        const next = chunks[index + 1]
        const end = next ? {line: next.line, column: next.column} : endOf(chunk)
        children.push(whiteSpace(chunk, end))
        continue
      }
      const tree = parseWhole(chunk.text)
      const atOrigin = chunk.offset === 0 && chunk.line === 1 && chunk.column === 1
      const moved = new Set<Point>()
      for (const child of tree.children) {
        if (!atOrigin) shift(child, chunk, moved)
        children.push(child)
      }
    }
    const end = chunks.length > 0 ? endOf(chunks[chunks.length - 1]) : {line: 1, column: 1}
    return {
      type: 'RootNode',
      children,
      position: {start: {line: 1, column: 1, offset: 0}, end: {...end, offset: document.length}},
    }
  }
}

export default retextEnglishChunked

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
