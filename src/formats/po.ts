/**
 * gettext PO catalogs: only translations (`msgstr`, and each `msgstr[N]` of plural forms) are
 * segments; a string split over several lines is one segment, read across its quotes. Comments,
 * flags (fuzzy stays fuzzy), msgid, msgctxt, obsolete `#~` entries and the header are never
 * touched. A scanner of our own keeps every byte's place, which gettext-parser's JSON does not.
 */
import type {Format} from './document.js'
import {FormatError, protectPlaceholders, type Piece, type Segment} from './segments.js'

const C_ESCAPES: Record<string, string> = {n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v', '?': '?', "'": "'"}

/** The pieces of one quoted string: its content, escapes decoded, each character placed. */
function quotedString(source: string, open: number, lineNumber: number): {piece: Piece; close: number} {
  const offsets: number[] = []
  let text = ''
  let i = open + 1
  for (;;) {
    const c = source[i]
    if (c === undefined || c === '\n' || c === '\r') throw new FormatError(lineNumber, open - source.lastIndexOf('\n', open), 'unterminated string')
    if (c === '"') break
    if (c === '\\') {
      const next = source[i + 1]
      const decoded = C_ESCAPES[next]
      if (decoded === undefined) throw new FormatError(lineNumber, i - source.lastIndexOf('\n', i), `unknown escape \\${next ?? ''}`)
      offsets.push(i)
      text += decoded
      i += 2
      continue
    }
    offsets.push(i)
    text += c
    i++
  }
  offsets.push(i)
  return {piece: {kind: 'text', text, offsets}, close: i}
}

interface Field {
  keyword: string
  pieces: Piece[]
  obsolete: boolean
}

export const poFormat: Format = {
  name: 'po',
  extract(source) {
    const segments: Segment[] = []
    let entry: Field[] = []
    let current: Field | undefined
    const finishEntry = (): void => {
      const msgid = entry.find((field) => field.keyword === 'msgid')
      const context = entry.find((field) => field.keyword === 'msgctxt')
      const isHeader = msgid && msgid.pieces.every((piece) => piece.text === '') && !context
      if (msgid && !isHeader)
        for (const field of entry)
          if (!field.obsolete && /^msgstr(\[\d+\])?$/.test(field.keyword)) segments.push({pieces: field.pieces.flatMap((piece) => protectPlaceholders(piece))})
      entry = []
      current = undefined
    }
    let lineStart = 0
    let lineNumber = 0
    while (lineStart <= source.length) {
      lineNumber++
      let lineEnd = source.indexOf('\n', lineStart)
      if (lineEnd < 0) lineEnd = source.length
      const line = source.slice(lineStart, lineEnd).replace(/\r$/, '')
      const trimmed = line.trim()
      const column = (index: number): number => index + 1
      if (trimmed === '') {
        if (current) finishEntry()
      } else if (trimmed.startsWith('#~')) {
        // Obsolete entries are kept as written and never checked.
        current = undefined
      } else if (trimmed.startsWith('#')) {
        if (current && entry.some((field) => field.keyword.startsWith('msgstr'))) finishEntry()
      } else {
        const indent = line.length - line.trimStart().length
        const keyword = /^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+"/.exec(trimmed)
        if (keyword) {
          // A new msgid (or msgctxt) after a msgstr starts the next entry.
          if ((keyword[1] === 'msgid' || keyword[1] === 'msgctxt') && entry.some((field) => field.keyword.startsWith('msgstr'))) finishEntry()
          if (keyword[1].startsWith('msgstr') && !entry.some((field) => field.keyword === 'msgid'))
            throw new FormatError(lineNumber, column(indent), `${keyword[1]} without a msgid before it`)
          current = {keyword: keyword[1], pieces: [], obsolete: false}
          entry.push(current)
          const open = lineStart + indent + keyword[0].length - 1
          const {piece, close} = quotedString(source, open, lineNumber)
          current.pieces.push(piece)
          expectLineEnd(source, close + 1, lineEnd, lineNumber, lineStart)
        } else if (trimmed.startsWith('"')) {
          if (!current) throw new FormatError(lineNumber, column(indent), 'a string continues nothing: expected msgid, msgstr or msgctxt before it')
          const {piece, close} = quotedString(source, lineStart + indent, lineNumber)
          current.pieces.push(piece)
          expectLineEnd(source, close + 1, lineEnd, lineNumber, lineStart)
        } else {
          throw new FormatError(lineNumber, column(indent), `unexpected "${trimmed.slice(0, 20)}"; expected a comment, msgid, msgstr, msgctxt or a quoted string`)
        }
      }
      if (lineEnd >= source.length) break
      lineStart = lineEnd + 1
    }
    if (current || entry.length > 0) finishEntry()
    return segments
  },
  encode: (text) => text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r'),
}

function expectLineEnd(source: string, from: number, lineEnd: number, lineNumber: number, lineStart: number): void {
  const rest = source.slice(from, lineEnd).replace(/\r$/, '')
  if (rest.trim() !== '') throw new FormatError(lineNumber, from - lineStart + 1, `unexpected "${rest.trim().slice(0, 20)}" after the closing quote`)
}

/** The charset a PO header declares ("Content-Type: text/plain; charset=ISO-8859-1\n"). */
export function declaredPoCharset(head: string): string | undefined {
  return /charset=([A-Za-z0-9_.:-]+)/.exec(head)?.[1]
}
