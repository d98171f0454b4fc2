/**
 * SubRip (.srt) and WebVTT (.vtt): the text of each cue is a segment; numbers, timings, cue
 * settings, NOTE/STYLE/REGION blocks and inline tags (<i>, <v Speaker>, {\an8}) are never changed.
 * The lines of a cue are one segment, so a phrase broken over two lines still matches.
 */
import type {Format} from './document.js'
import {characterReferenceAt, decodedPiece, escapeMarkup, FormatError, rawPiece, type Piece, type Segment} from './segments.js'

const SRT_TIMING = /^\s*\d{1,3}:\d{2}:\d{2}[,.]\d{1,3}\s*-->\s*\d{1,3}:\d{2}:\d{2}[,.]\d{1,3}(\s.*)?$/
const VTT_TIMING = /^\s*(\d{1,3}:)?\d{2}:\d{2}\.\d{3}\s+-->\s+(\d{1,3}:)?\d{2}:\d{2}\.\d{3}(\s.*)?$/

interface Line {
  number: number
  start: number
  /** End of the line's text (before \r\n or \n). */
  end: number
  /** End including the line break. */
  next: number
  text: string
}

function linesOf(source: string): Line[] {
  const lines: Line[] = []
  let start = 0
  let number = 0
  while (start < source.length) {
    number++
    const newline = source.indexOf('\n', start)
    const next = newline < 0 ? source.length : newline + 1
    const end = newline < 0 ? source.length : newline > start && source[newline - 1] === '\r' ? newline - 1 : newline
    lines.push({number, start, end, next, text: source.slice(start, end)})
    start = next
  }
  return lines
}

/** Blocks of lines separated by blank lines. */
function blocksOf(lines: Line[]): Line[][] {
  const blocks: Line[][] = []
  let block: Line[] = []
  for (const line of lines) {
    if (line.text.trim() === '') {
      if (block.length > 0) blocks.push(block)
      block = []
    } else block.push(line)
  }
  if (block.length > 0) blocks.push(block)
  return blocks
}

/**
 * A cue's text lines as pieces: tags are zero-width, line breaks between lines are prose (a
 * space to the checker) but stay as they are.
 */
function cuePieces(source: string, lines: Line[], tag: RegExp, decode: boolean): Piece[] {
  const pieces: Piece[] = []
  lines.forEach((line, index) => {
    let position = line.start
    for (const match of line.text.matchAll(tag)) {
      const tagStart = line.start + match.index
      if (tagStart > position) pieces.push(textPiece(source, position, tagStart, decode))
      position = tagStart + match[0].length
    }
    if (line.end > position) pieces.push(textPiece(source, position, line.end, decode))
    if (index < lines.length - 1) pieces.push(rawPiece(source, line.end, line.next))
  })
  return pieces
}

const referenceAt = characterReferenceAt((name) => ({amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f'})[name] ?? false)

function textPiece(source: string, start: number, end: number, decode: boolean): Piece {
  return decode ? decodedPiece(source, start, end, referenceAt) : rawPiece(source, start, end)
}

export const srtFormat: Format = {
  name: 'srt',
  extract(source) {
    const segments: Segment[] = []
    for (const block of blocksOf(linesOf(source))) {
      const timing = block.findIndex((line) => SRT_TIMING.test(line.text))
      if (timing < 0 || timing > 1)
        throw new FormatError(block[0].number, 1, `expected a cue: an optional number, then a timing line like "00:00:01,000 --> 00:00:04,000"; found "${block[0].text.slice(0, 40)}"`)
      if (timing === 1 && !/^\s*\d+\s*$/.test(block[0].text)) throw new FormatError(block[0].number, 1, `expected a cue number, found "${block[0].text.slice(0, 40)}"`)
      const text = block.slice(timing + 1)
      if (text.length > 0) segments.push({pieces: cuePieces(source, text, /<\/?[A-Za-z][^>]*>|\{\\[^}]*\}/g, false)})
    }
    return segments
  },
  encode: (text) => text,
}

export const vttFormat: Format = {
  name: 'vtt',
  extract(source) {
    const lines = linesOf(source)
    if (!/^\uFEFF?WEBVTT([ \t].*)?$/.test(lines[0]?.text ?? '')) throw new FormatError(1, 1, 'a WebVTT file starts with "WEBVTT"')
    const segments: Segment[] = []
    const blocks = blocksOf(lines)
    for (const block of blocks.slice(1)) {
      if (/^(NOTE|STYLE|REGION)([ \t]|$)/.test(block[0].text)) continue
      const timing = block.findIndex((line) => line.text.includes('-->'))
      if (timing < 0 || timing > 1) throw new FormatError(block[0].number, 1, `expected a cue with a timing line like "00:01.000 --> 00:04.000"; found "${block[0].text.slice(0, 40)}"`)
      if (!VTT_TIMING.test(block[timing].text)) throw new FormatError(block[timing].number, 1, `malformed timing line "${block[timing].text.slice(0, 60)}"`)
      const text = block.slice(timing + 1)
      if (text.length > 0) segments.push({pieces: cuePieces(source, text, /<[^>]*>/g, true)})
    }
    return segments
  },
  encode: escapeMarkup,
}
