/**
 * Annotated texts are written with their garbles marked inline, so text and gold cannot drift:
 *
 *   Talks in [[Dohi => Doha @entity]] resumed; the group [[was held on any hostages => @rewrite]].
 *
 * `[[garbled => fix | other fix @category]]`; no fixes means the span needs a human rewrite.
 * Category `style` gets severity "style", every other one "error".
 */
import type {GoldSpan} from './score.js'

const MARK = /\[\[(.+?) => (.*?)@([a-z/-]+)\]\]/gs

export class MarkupError extends Error {}

export interface MarkedText {
  text: string
  gold: GoldSpan[]
}

export function parseMarkup(source: string, prefix = 'S'): MarkedText {
  let text = ''
  let cursor = 0
  const gold: GoldSpan[] = []
  const plain = (from: number, to: number): string => {
    const part = source.slice(from, to)
    const stray = part.search(/\[\[|\]\]/)
    if (stray >= 0) {
      const at = from + stray
      const line = source.slice(0, at).split('\n').length
      throw new MarkupError(`line ${line}: unbalanced or malformed mark near "${source.slice(at, at + 40).split('\n')[0]}" (expected [[garbled => fix | fix @category]])`)
    }
    return part
  }
  for (const match of source.matchAll(MARK)) {
    text += plain(cursor, match.index)
    const [, garbled, fixes, category] = match
    // A mark without its " => " runs on into the next one: its text then holds that mark's brackets.
    if (/\[\[|\]\]/.test(garbled + fixes)) plain(match.index, match.index + match[0].length - 2)
    const start = text.length
    text += garbled
    gold.push({
      id: `${prefix}${String(gold.length + 1).padStart(2, '0')}`,
      start,
      end: text.length,
      text: garbled,
      category,
      severity: category === 'style' ? 'style' : 'error',
      fixes: fixes.split('|').map((fix) => fix.trim()).filter(Boolean),
    })
    cursor = match.index + match[0].length
  }
  text += plain(cursor, source.length)
  return {text, gold}
}
