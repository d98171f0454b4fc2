/**
 * XLIFF 1.2 and 2.x: the `<target>` of each unit is a segment (not alternatives in `<alt-trans>`,
 * not units marked translate="no"). Inline codes are left alone: paired formatting (`<g>`, `<pc>`,
 * `<bx/>`, `<sc/>`, …) is zero-width, placeholders (`<x/>`, `<ph>`, `<bpt>`, …) stand in the prose
 * as a protected object character. saxes checks the file is well-formed first; a small scanner of
 * our own then keeps every character's place.
 */
import {SaxesParser} from 'saxes'
import type {Format} from './document.js'
import {characterReferenceAt, decodedPiece, escapeMarkup, FormatError, protectPlaceholders, rawPiece, standIn, XML_ENTITIES, type Piece, type Segment} from './segments.js'

/** Codes that stand for content (a variable, a tag of the original document). */
const PLACEHOLDERS = new Set(['x', 'ph', 'bpt', 'ept', 'it', 'cp'])

const referenceAt = characterReferenceAt((name) => XML_ENTITIES[name] ?? false)

function checkWellFormed(source: string): void {
  const parser = new SaxesParser({position: true})
  let failure: FormatError | undefined
  parser.on('error', (error) => {
    if (!failure) failure = new FormatError(parser.line, parser.column, `${error.message.replace(/^.*?:\d+:\d+: /, '')}; the file is not well-formed XML`)
  })
  parser.write(source.replace(/^\uFEFF/, '')).close()
  if (failure) throw failure
}

interface Tag {
  kind: 'open' | 'close' | 'empty'
  name: string
  attributes: string
  start: number
  end: number
}

/** Tags, comments, CDATA and text, in order (the file is known to be well-formed). */
type Token = Tag | {kind: 'text' | 'cdata'; start: number; end: number} | {kind: 'other'}

function* scan(source: string): Generator<Token> {
  let i = 0
  while (i < source.length) {
    const lt = source.indexOf('<', i)
    if (lt < 0) {
      yield {kind: 'text', start: i, end: source.length}
      return
    }
    if (lt > i) yield {kind: 'text', start: i, end: lt}
    if (source.startsWith('<!--', lt)) {
      i = source.indexOf('-->', lt) + 3
      yield {kind: 'other'}
    } else if (source.startsWith('<![CDATA[', lt)) {
      const close = source.indexOf(']]>', lt)
      yield {kind: 'cdata', start: lt + 9, end: close}
      i = close + 3
    } else if (source.startsWith('<?', lt)) {
      i = source.indexOf('?>', lt) + 2
      yield {kind: 'other'}
    } else if (source.startsWith('<!', lt)) {
      // A DOCTYPE, possibly with an internal subset in brackets.
      let depth = 0
      let k = lt + 2
      for (; k < source.length; k++) {
        if (source[k] === '[') depth++
        else if (source[k] === ']') depth--
        else if (source[k] === '>' && depth <= 0) break
      }
      i = k + 1
      yield {kind: 'other'}
    } else {
      const match = /^<(\/?)([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(source.slice(lt, lt + 4096)) ?? /^<(\/?)([^\s/>]+)([\s\S]*?)(\/?)>/.exec(source.slice(lt))
      if (!match) throw new FormatError(0, 0, 'unreadable tag')
      const end = lt + match[0].length
      const kind = match[1] ? 'close' : match[4] ? 'empty' : 'open'
      yield {kind, name: match[2].replace(/^.*:/, ''), attributes: match[3], start: lt, end}
      i = end
    }
  }
}

const translateNo = (attributes: string): boolean => /\btranslate\s*=\s*["']no["']/.test(attributes)

export const xliffFormat: Format = {
  name: 'xliff',
  extract(source) {
    checkWellFormed(source)
    const segments: Segment[] = []
    const stack: string[] = []
    let pieces: Piece[] | undefined
    let skipDepth = 0
    let placeholder: {depth: number; start: number} | undefined
    let targetDepth = 0
    for (const token of scan(source)) {
      if (token.kind === 'other') continue
      if (token.kind === 'text' || token.kind === 'cdata') {
        if (!pieces || skipDepth > 0 || placeholder) continue
        if (token.kind === 'cdata') pieces.push(...protectPlaceholders(rawPiece(source, token.start, token.end)))
        else {
          pieces.push(...protectPlaceholders(decodedPiece(source, token.start, token.end, referenceAt)))
        }
        continue
      }
      if (token.kind !== 'open' && token.kind !== 'close' && token.kind !== 'empty') continue
      const {name} = token
      if (token.kind === 'open') stack.push(name)
      const depth = stack.length
      if (token.kind === 'close') stack.pop()

      if (pieces && !placeholder) {
        if (token.kind === 'close' && name === 'target' && depth === targetDepth) {
          segments.push({pieces})
          pieces = undefined
          continue
        }
        if (PLACEHOLDERS.has(name)) {
          if (token.kind === 'empty') pieces.push(standIn('\uFFFC', token.start, token.end))
          else if (token.kind === 'open') placeholder = {depth, start: token.start}
          continue
        }
        // Formatting markers, paired codes, annotations and anything else: zero-width tags; the
        // text inside paired ones is prose.
        continue
      }
      if (placeholder && token.kind === 'close' && depth === placeholder.depth && PLACEHOLDERS.has(name)) {
        pieces?.push(standIn('\uFFFC', placeholder.start, token.end))
        placeholder = undefined
        continue
      }
      if (placeholder) continue

      if (token.kind === 'open') {
        if ((name === 'trans-unit' || name === 'unit' || name === 'group') && translateNo(token.attributes)) skipDepth = skipDepth || depth
        if (name === 'alt-trans') skipDepth = skipDepth || depth
        if (name === 'target' && skipDepth === 0) {
          pieces = []
          targetDepth = depth
        }
      } else if (token.kind === 'close' && skipDepth === depth) skipDepth = 0
    }
    return segments
  },
  encode: escapeMarkup,
}
