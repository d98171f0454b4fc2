/**
 * Where a span of the original text ended up after rounds of edits. A boundary that falls inside an
 * edit moves out to cover the whole edit, so a mapped span always contains what replaced it.
 */
import {firstIndex} from './first-index.js'
import type {Edit} from './select.js'

export type EditRound = Array<Pick<Edit, 'start' | 'end' | 'replacement'>>

/**
 * One round's edits, sorted once, with the running change in length before each: a position is
 * mapped by a binary search. Mapping every finding through a round edit by edit was quadratic,
 * the larger part of a fix run on a long text with thousands of fixes.
 */
class RoundMap {
  private readonly edits: EditRound
  private readonly before: number[]

  constructor(round: EditRound) {
    this.edits = [...round].sort((a, b) => a.start - b.start)
    this.before = [0]
    for (const {start, end, replacement} of this.edits) this.before.push(this.before[this.before.length - 1] + replacement.length - (end - start))
  }

  /** Edits are disjoint and never touch, so ends rise with starts: the edits wholly before `position` are a prefix. */
  private passed(position: number): number {
    return firstIndex(this.edits, ({start, end}) => !(end < position || (end === position && start < end)))
  }

  map(position: number, side: 'start' | 'end'): number {
    const index = this.passed(position)
    const delta = this.before[index]
    const edit = this.edits[index]
    if (edit && edit.start === edit.end && edit.end === position) {
      // An insertion on the boundary belongs to the span.
      return side === 'start' ? position + delta : position + delta + edit.replacement.length
    }
    if (edit && edit.start < position && position < edit.end) return side === 'start' ? edit.start + delta : edit.start + delta + edit.replacement.length
    return position + delta
  }
}

/** A function mapping spans of the text before `rounds` to the text after them. */
export function spanMapper(rounds: EditRound[]): (start: number, end: number) => {start: number; end: number} {
  const maps = rounds.map((round) => new RoundMap(round))
  return (start, end) => {
    let mappedStart = start
    let mappedEnd = end
    for (const map of maps) {
      mappedStart = map.map(mappedStart, 'start')
      mappedEnd = Math.max(mappedStart, map.map(mappedEnd, 'end'))
    }
    return {start: mappedStart, end: mappedEnd}
  }
}

export function mapSpan(start: number, end: number, rounds: EditRound[]): {start: number; end: number} {
  return spanMapper(rounds)(start, end)
}
