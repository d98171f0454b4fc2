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

export interface MarkedText {
  text: string
  gold: GoldSpan[]
}

export function parseMarkup(source: string, prefix = 'S'): MarkedText {
  let text = ''
  let cursor = 0
  const gold: GoldSpan[] = []
  for (const match of source.matchAll(MARK)) {
    text += source.slice(cursor, match.index)
    const [, garbled, fixes, category] = match
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
  text += source.slice(cursor)
  if (/\[\[|\]\]/.test(text)) throw new Error('unbalanced [[ ]] in annotated source')
  return {text, gold}
}
