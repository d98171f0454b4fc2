/**
 * Markdown (CommonMark + GFM, with YAML/TOML front matter) parsed by remark. Paragraphs, headings
 * and table cells are segments; emphasis, links and inline HTML are zero-width inside them; code,
 * URLs, front matter, definitions and HTML blocks are never checked or changed.
 */
import type {Nodes, Parent, Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {decodeNamedCharacterReference} from 'decode-named-character-reference'
import type {Format} from './document.js'
import {alignedPiece, characterReferenceAt, standIn, type Piece, type Segment} from './segments.js'

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml'])

const referenceAt = characterReferenceAt(decodeNamedCharacterReference)
/** Backslash escapes, then character references. */
function markdownEscapeAt(source: string, position: number): {text: string; length: number} | undefined {
  if (source[position] === '\\' && /[!-/:-@[-`{-~]/.test(source[position + 1] ?? '')) return {text: source[position + 1], length: 2}
  return referenceAt(source, position)
}

// Continuation lines of a paragraph in a list or a block quote start with indentation and ">".
const LINE_PREFIX = /[ \t>]/

const SEGMENT_TYPES = new Set(['paragraph', 'heading', 'tableCell'])
const SKIPPED_TYPES = new Set(['code', 'html', 'yaml', 'toml', 'definition', 'math', 'inlineMath'])

function offsetsOf(node: Nodes): {start: number; end: number} | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? undefined : {start, end}
}

function phrasingPieces(node: Nodes, source: string, pieces: Piece[]): void {
  const place = offsetsOf(node)
  switch (node.type) {
    case 'text':
      if (place) pieces.push(alignedPiece(node.value, source, place.start, place.end, markdownEscapeAt, LINE_PREFIX))
      return
    case 'inlineCode':
      if (place) pieces.push(standIn(node.value, place.start, place.end))
      return
    case 'break':
      if (place) pieces.push(standIn('\n', place.start, place.end))
      return
    case 'image':
    case 'imageReference':
    case 'footnoteReference':
    case 'html':
      return
    default:
      if ('children' in node) for (const child of (node as Parent).children) phrasingPieces(child as Nodes, source, pieces)
  }
}

function collect(node: Nodes, source: string, segments: Segment[]): void {
  if (SKIPPED_TYPES.has(node.type)) return
  if (SEGMENT_TYPES.has(node.type)) {
    const pieces: Piece[] = []
    phrasingPieces(node, source, pieces)
    segments.push({pieces})
    return
  }
  if ('children' in node) for (const child of (node as Parent).children) collect(child as Nodes, source, segments)
}

export const markdownFormat: Format = {
  name: 'markdown',
  extract(source) {
    // CommonMark has no syntax errors: every input is a document.
    const tree = parser.parse(source) as Root
    const segments: Segment[] = []
    collect(tree, source, segments)
    return segments
  },
  // Characters that would start markup are escaped; words and spaces pass unchanged.
  encode: (text) => text.replace(/([\\`*_[\]<])/g, '\\$1'),
}
