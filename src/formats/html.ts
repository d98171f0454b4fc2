/**
 * HTML parsed by rehype (parse5, positions kept). Block elements are segments; inline elements
 * are zero-width inside them; attributes, comments, scripts, styles and code are never checked or
 * changed, nor is anything marked translate="no". Files a browser would have to guess at (a tag or
 * comment left open at the end) are refused with their line.
 */
import type {Element, Nodes, Root} from 'hast'
import rehypeParse from 'rehype-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {decodeNamedCharacterReference} from 'decode-named-character-reference'
import {pointAt} from '../findings.js'
import type {Format} from './document.js'
import {alignedPiece, characterReferenceAt, escapeMarkup, FormatError, standIn, type Piece, type Segment} from './segments.js'

const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'data', 'dfn', 'em', 'i', 'ins', 'del', 'mark', 'q', 's', 'small', 'span',
  'strong', 'sub', 'sup', 'time', 'u', 'font', 'label', 'big', 'tt', 'wbr', 'img',
])
/** Inline code: kept in the prose for context, never changed. */
const INLINE_CODE = new Set(['code', 'kbd', 'samp', 'var'])
/** Not prose at all. */
const SKIPPED = new Set(['script', 'style', 'pre', 'textarea', 'template', 'noscript', 'svg', 'math', 'iframe', 'object', 'select', 'button'])
const HEAD_PROSE = new Set(['title'])

/** Parse errors after which the tree is a guess, not the author's document. */
const FATAL = /^eof-in-(tag|comment|cdata|doctype|script-html-comment-like-text)$/

const referenceAt = characterReferenceAt(decodeNamedCharacterReference)

function isFragment(source: string): boolean {
  return !/^\s*(<!--[\s\S]*?-->\s*)*(<!doctype|<html|<head|<body)/i.test(source)
}

export const htmlFormat: Format = {
  name: 'html',
  extract(source) {
    const file = new VFile({value: source})
    const tree = unified().use(rehypeParse, {fragment: isFragment(source), emitParseErrors: true}).parse(file) as Root
    const fatal = file.messages.find((message) => FATAL.test(message.ruleId ?? ''))
    if (fatal) throw unterminated(source, fatal.ruleId ?? '')
    const segments: Segment[] = []
    let current: Piece[] = []
    const flush = (): void => {
      if (current.length > 0) segments.push({pieces: current})
      current = []
    }
    const visit = (node: Nodes, inHead: boolean): void => {
      if (node.type === 'text') {
        const start = node.position?.start.offset
        const end = node.position?.end.offset
        if (start !== undefined && end !== undefined && !inHead) current.push(alignedPiece(node.value, source, start, end, referenceAt))
        return
      }
      if (node.type !== 'element' && node.type !== 'root') return
      if (node.type === 'element') {
        const element = node as Element
        const name = element.tagName
        if (element.properties?.translate === 'no') return
        if (name === 'br') {
          const start = element.position?.start.offset
          const end = element.position?.end.offset
          if (start !== undefined && end !== undefined) current.push(standIn('\n', start, end))
          return
        }
        if (SKIPPED.has(name)) {
          if (!INLINE.has(name)) flush()
          return
        }
        if (INLINE_CODE.has(name)) {
          const start = element.position?.start.offset
          const end = element.position?.end.offset
          const text = toText(element)
          if (start !== undefined && end !== undefined) current.push(standIn(text || '\uFFFC', start, end))
          return
        }
        const block = !INLINE.has(name)
        if (block) flush()
        const head = name === 'head' ? true : inHead
        for (const child of element.children) visit(child as Nodes, head && !HEAD_PROSE.has(name))
        if (block) flush()
        return
      }
      for (const child of node.children) visit(child as Nodes, inHead)
    }
    visit(tree, false)
    flush()
    return segments
  },
  encode: escapeMarkup,
}

function toText(node: Nodes): string {
  if (node.type === 'text') return node.value
  if ('children' in node) return node.children.map((child) => toText(child as Nodes)).join('')
  return ''
}

/** Where the construct the file ends inside of was opened (parse5 reports the end of the file). */
function unterminated(source: string, ruleId: string): FormatError {
  const what = ruleId.replace(/^eof-in-/, '')
  const opener = what === 'comment' || what === 'script-html-comment-like-text' ? '<!--' : what === 'cdata' ? '<![CDATA[' : what === 'doctype' ? '<!' : '<'
  const offset = Math.max(0, source.lastIndexOf(opener))
  const {line, column} = pointAt(new VFile({value: source}), offset)
  const name = what === 'tag' ? 'tag' : what === 'cdata' ? 'CDATA section' : what === 'doctype' ? 'doctype' : 'comment'
  return new FormatError(line, column, `unterminated ${name} runs to the end of the file; the file is not well-formed HTML`)
}
