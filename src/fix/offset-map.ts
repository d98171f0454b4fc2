/**
 * Where a span of the original text ended up after rounds of edits. A boundary that falls inside an
 * edit moves out to cover the whole edit, so a mapped span always contains what replaced it.
 */
import type {Edit} from './select.js'

export type EditRound = Array<Pick<Edit, 'start' | 'end' | 'replacement'>>

function mapPosition(position: number, sortedRound: EditRound, side: 'start' | 'end'): number {
  let delta = 0
  for (const {start, end, replacement} of sortedRound) {
    const grown = replacement.length - (end - start)
    if (end < position || (end === position && start < end)) {
      delta += grown
      continue
    }
    if (start === end && end === position) {
      // An insertion on the boundary belongs to the span.
      if (side === 'start') return start + delta
      delta += grown
      continue
    }
    if (start < position && position < end) return side === 'start' ? start + delta : start + delta + replacement.length
    break
  }
  return position + delta
}

export function mapSpan(start: number, end: number, rounds: EditRound[]): {start: number; end: number} {
  let mappedStart = start
  let mappedEnd = end
  for (const round of rounds) {
    const sorted = [...round].sort((a, b) => a.start - b.start)
    mappedStart = mapPosition(mappedStart, sorted, 'start')
    mappedEnd = Math.max(mappedStart, mapPosition(mappedEnd, sorted, 'end'))
  }
  return {start: mappedStart, end: mappedEnd}
}
