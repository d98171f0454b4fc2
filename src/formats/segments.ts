/**
 * The prose inside a structured file, and the way back.
 *
 * A format adapter cuts a file into segments (a paragraph, a PO msgstr, an XLIFF target, a cue),
 * each a list of pieces of decoded text that remember where every character came from. Markup
 * between pieces is zero-width in the prose, so "on the <b>state</b> of anonymity" still reads
 * "on the state of anonymity". Pieces that are code or placeholders are there for context only.
 */

export type PieceKind =
  /** Prose: checked, and fixes are written back. */
  | 'text'
  /** Prose whose mapping to the source is uncertain (odd escapes): reported, never rewritten. */
  | 'locked'
  /** Code, placeholders, tags that stand for words: context only, findings on them are dropped. */
  | 'protected'

export interface Piece {
  kind: PieceKind
  /** The decoded text the piece contributes to the prose. */
  text: string
  /** Source offset of each character of `text`, plus one for its end (length text.length + 1). */
  offsets: number[]
}

export interface Segment {
  pieces: Piece[]
}

/** A file its format cannot read; the message reads "LINE:COLUMN: what is wrong". */
export class FormatError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(`${line}${column > 0 ? `:${column}` : ''}: ${detail}`)
    this.name = 'FormatError'
  }
}

/** A piece whose text is exactly the source between start and end. */
export function rawPiece(source: string, start: number, end: number, kind: PieceKind = 'text'): Piece {
  const offsets: number[] = []
  for (let i = start; i <= end; i++) offsets.push(i)
  return {kind, text: source.slice(start, end), offsets}
}

/** A protected stand-in for something that is not prose (a placeholder, inline code, a line break). */
export function standIn(text: string, start: number, end: number): Piece {
  return {kind: 'protected', text, offsets: [...Array.from({length: text.length}, () => start), end]}
}

/**
 * A piece from decoded text and its raw source: each decoded character is matched to the raw
 * characters it came from, through the escapes `decodeAt` recognizes. When the two cannot be
 * aligned the piece is still checked, but locked against rewriting.
 */
export function alignedPiece(
  decoded: string,
  source: string,
  start: number,
  end: number,
  decodeAt: (source: string, position: number) => {text: string; length: number} | undefined,
  skippable?: RegExp,
): Piece {
  const offsets: number[] = []
  let position = start
  let i = 0
  while (i < decoded.length) {
    if (position >= end) return lockedPiece(decoded, start, end)
    // An escape first: "&amp;" starts with the "&" it stands for.
    const escape = decodeAt(source, position)
    if (escape && escape.text.length > 0 && decoded.startsWith(escape.text, i)) {
      for (let k = 0; k < escape.text.length; k++) offsets.push(position)
      position += escape.length
      i += escape.text.length
      continue
    }
    if (source[position] === decoded[i]) {
      offsets.push(position)
      position++
      i++
      continue
    }
    // Source the decoded text leaves out (Markdown's continuation-line prefixes).
    if (skippable?.test(source[position])) {
      position++
      continue
    }
    return lockedPiece(decoded, start, end)
  }
  offsets.push(position)
  return {kind: 'text', text: decoded, offsets}
}

/**
 * A piece read straight from the source, character references decoded as it goes: what
 * `decodeAt` recognizes becomes its text, every other character is itself.
 */
export function decodedPiece(source: string, start: number, end: number, decodeAt: (source: string, position: number) => {text: string; length: number} | undefined): Piece {
  let text = ''
  const offsets: number[] = []
  let position = start
  while (position < end) {
    const escape = decodeAt(source, position)
    if (escape && position + escape.length <= end) {
      text += escape.text
      for (let k = 0; k < escape.text.length; k++) offsets.push(position)
      position += escape.length
    } else {
      text += source[position]
      offsets.push(position)
      position++
    }
  }
  offsets.push(end)
  return {kind: 'text', text, offsets}
}

function lockedPiece(decoded: string, start: number, end: number): Piece {
  const offsets = Array.from({length: decoded.length}, (_, i) => start + Math.floor(((end - start) * i) / Math.max(decoded.length, 1)))
  offsets.push(end)
  return {kind: 'locked', text: decoded, offsets}
}

/** printf and brace placeholders of software strings: %s, %1$d, %(name)s, {count}, {0}. */
export const PLACEHOLDER = /%(?:\d+\$)?[-+ #0]*(?:\d+|\*)?(?:\.\d+)?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcspn%]|%\([A-Za-z_][A-Za-z0-9_]*\)[-+ #0]*\d*(?:\.\d+)?[sdifrx]|\{[A-Za-z0-9_.]*\}/g

/** A piece cut around the placeholders in it, which become protected stand-ins. */
export function protectPlaceholders(piece: Piece, pattern: RegExp = PLACEHOLDER): Piece[] {
  if (piece.kind !== 'text') return [piece]
  const pieces: Piece[] = []
  let from = 0
  const cut = (start: number, end: number, kind: PieceKind): void => {
    if (end > start) pieces.push({kind, text: piece.text.slice(start, end), offsets: piece.offsets.slice(start, end + 1)})
  }
  for (const match of piece.text.matchAll(new RegExp(pattern.source, 'g'))) {
    cut(from, match.index, 'text')
    cut(match.index, match.index + match[0].length, 'protected')
    from = match.index + match[0].length
  }
  if (from === 0) return [piece]
  cut(from, piece.text.length, 'text')
  return pieces
}

/** Character references of HTML and XML: &amp; &#8217; &#x2019; (named ones from `named`). */
export function characterReferenceAt(named: (name: string) => string | false) {
  return (source: string, position: number): {text: string; length: number} | undefined => {
    if (source[position] !== '&') return undefined
    const match = /^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/.exec(source.slice(position, position + 40))
    if (!match) return undefined
    const body = match[1]
    let text: string | false
    if (body.startsWith('#x') || body.startsWith('#X')) text = safeCodePoint(Number.parseInt(body.slice(2), 16))
    else if (body.startsWith('#')) text = safeCodePoint(Number.parseInt(body.slice(1), 10))
    else text = named(body)
    return text ? {text, length: match[0].length} : undefined
  }
}

function safeCodePoint(code: number): string | false {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : false
}

export const XML_ENTITIES: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"}

export function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** The prose of all segments as one text (segments apart as paragraphs), with the way back. */
export interface Prose {
  text: string
  /** Per prose character: the piece it belongs to and its index there; gaps between segments are -1. */
  pieceAt: Int32Array
  indexAt: Int32Array
  pieces: Piece[]
}

export function buildProse(segments: Segment[]): Prose {
  const parts: string[] = []
  const pieceIds: number[] = []
  const indexes: number[] = []
  const pieces: Piece[] = []
  let first = true
  for (const segment of segments) {
    const usable = segment.pieces.filter((piece) => piece.text.length > 0)
    if (!usable.some((piece) => piece.kind !== 'protected' && /\S/.test(piece.text))) continue
    if (!first) {
      parts.push('\n\n')
      pieceIds.push(-1, -1)
      indexes.push(-1, -1)
    }
    first = false
    for (const piece of usable) {
      const id = pieces.push(piece) - 1
      parts.push(piece.text)
      for (let i = 0; i < piece.text.length; i++) {
        pieceIds.push(id)
        indexes.push(i)
      }
    }
  }
  return {text: parts.join(''), pieceAt: Int32Array.from(pieceIds), indexAt: Int32Array.from(indexes), pieces}
}

/** The encoding an XML declaration names (`<?xml version="1.0" encoding="ISO-8859-1"?>`). */
export function declaredXmlEncoding(head: string): string | undefined {
  return /^\uFEFF?<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']/.exec(head)?.[1]
}
