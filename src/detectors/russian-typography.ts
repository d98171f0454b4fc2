/**
 * Russian typographic conventions MT carries into English: «guillemets», a decimal comma
 * ("10,2 percent"), spaces between thousands ("4 500 people"), day.month.year dates
 * ("15.03.2024"), the abbreviations млн / млрд left as "mln", "bln", and scores with a spaced
 * colon ("15 : 13") or in sets with colons ("6:4, 6:4").
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report} from '../findings.js'
import {MONTH_NAMES} from './lexicon.js'
import type {ApplyPolicy, Level} from '../types.js'


/** What may follow a decimal number: a unit or a scale, so "1,5 and 7" (a list) is left alone. */
const UNIT =
  /^(?:-fold\b|[ \u00A0]?(?:%|percent\b|per cent\b|million\b|billion\b|trillion\b|thousand\b|mln\b|bln\b|degrees?\b|°|meters?\b|metres?\b|kilometers?\b|kilometres?\b|km\b|kg\b|tons?\b|tonnes?\b|hectares?\b|points?\b|times\b|hours?\b|years?\b|liters?\b|litres?\b|barrels?\b|rubles?\b|roubles?\b|dollars?\b|euros?\b|cubic\b|square\b))/

const SCALES: Record<string, string> = {mln: 'million', bln: 'billion', mlrd: 'billion', trln: 'trillion', thous: 'thousand'}

interface Hit {
  ruleId: string
  start: number
  end: number
  expected: string[]
  reason: string
  level: Level
  apply: ApplyPolicy
}

function* guillemets(text: string): Generator<Hit> {
  const curly = (text.match(/[“”]/g)?.length ?? 0) >= (text.match(/"/g)?.length ?? 0)
  for (const match of text.matchAll(/[«»]/g)) {
    const quote = curly ? (match[0] === '«' ? '“' : '”') : '"'
    yield {ruleId: 'guillemets', start: match.index, end: match.index + 1, expected: [quote], reason: `Unexpected \`${match[0]}\`, expected \`${quote}\`: English quotes with quotation marks`, level: 'warning', apply: 'auto'}
  }
}

/** "4,4 thousand" or "4.4 thousand" → "4,400": English writes the figure. */
function* decimalThousands(text: string): Generator<Hit> {
  for (const match of text.matchAll(/(?<![\d,.])(\d{1,3})[,.](\d{1,2}) thousand\b/g)) {
    const value = Number(`${match[1]}.${match[2]}`) * 1000
    const fixed = Math.round(value).toLocaleString('en-US')
    yield {ruleId: 'decimal-thousands', start: match.index, end: match.index + match[0].length, expected: [fixed], reason: `Unexpected \`${match[0]}\`, expected \`${fixed}\``, level: 'warning', apply: 'review'}
  }
}

function* decimalCommas(text: string): Generator<Hit> {
  // Four or more digits after the comma group no thousands: such a comma is a decimal one whatever follows ("1,95583 lev").
  for (const match of text.matchAll(/(?<![\d,.])(\d{1,3}),(\d{1,2}|\d{4,})(?![\d,])/g)) {
    const end = match.index + match[0].length
    if (/^ thousand\b/.test(text.slice(end, end + 10))) continue
    const unambiguous = match[2].length >= 4
    // A unit after the number, a scale before it ("a magnitude 6,9 earthquake"), or a second
    // decimal-comma number after it that has one ("from 11,99 to 12,99 dollars").
    const after = text.slice(end, end + 30)
    const rangeToUnit = /^ (?:to|and|or|[-–]) \d{1,3},\d{1,2}(?![\d,])/.exec(after)
    const unitAfter = UNIT.test(after) || (rangeToUnit !== null && UNIT.test(after.slice(rangeToUnit[0].length)))
    if (!unambiguous && !unitAfter && !/\bmagnitude (?:of )?$/i.test(text.slice(Math.max(0, match.index - 14), match.index))) continue
    const fixed = `${match[1]}.${match[2]}`
    yield {ruleId: 'decimal-comma', start: match.index, end, expected: [fixed], reason: `Unexpected decimal comma in \`${match[0]}\`, expected \`${fixed}\``, level: 'warning', apply: 'review'}
  }
}

function* spacedThousands(text: string): Generator<Hit> {
  for (const match of text.matchAll(/(?<![\d.,])(\d{1,3})((?:[ \u00A0\u202F]\d{3})+)(?![\d]|[.,]\d)/g)) {
    const narrow = /[\u00A0\u202F]/.test(match[2])
    const fixed = match[0].replace(/[ \u00A0\u202F]/g, ',')
    const end = match.index + match[0].length
    // A plain space is a thousands separator only when a word follows ("4 500 people"), not a list of numbers.
    if (!narrow && !/^[ \u00A0]?[\p{L}%$€₽]/u.test(text.slice(end, end + 2))) continue
    yield {
      ruleId: 'spaced-thousands',
      start: match.index,
      end,
      expected: [fixed],
      reason: `Unexpected space between thousands in \`${match[0]}\`, expected \`${fixed}\``,
      level: narrow ? 'warning' : 'suggestion',
      apply: 'review',
    }
  }
}

function* dottedDates(text: string): Generator<Hit> {
  for (const match of text.matchAll(/(?<![\d.])(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.((?:19|20)\d{2})(?![\d])/g)) {
    const fixed = `${MONTH_NAMES[Number(match[2]) - 1]} ${Number(match[1])}, ${match[3]}`
    yield {ruleId: 'dotted-date', start: match.index, end: match.index + match[0].length, expected: [fixed], reason: `Unexpected day.month.year date \`${match[0]}\`, expected \`${fixed}\``, level: 'warning', apply: 'review'}
  }
}

function* scaleAbbreviations(text: string): Generator<Hit> {
  for (const match of text.matchAll(/(mln|bln|mlrd|trln|thous)(?<=\d[ \u00A0]?(?:mln|bln|mlrd|trln|thous))(\.(?=[ \u00A0]+[\p{Ll}\d]))?(?![\p{L}])/gu)) {
    const word = SCALES[match[1]]
    const gap = text[match.index - 1] === ' ' || text[match.index - 1] === '\u00A0' ? '' : ' '
    yield {ruleId: 'scale-abbreviation', start: match.index, end: match.index + match[0].length, expected: [gap + word], reason: `Unexpected \`${match[0]}\`, expected \`${word}\``, level: 'warning', apply: 'auto'}
  }
}

/** "15 : 13", "11,5 : 4,5": a score or ratio with spaces round the colon → "15-13", "11.5-4.5". */
function* spacedColonScores(text: string): Generator<Hit> {
  for (const match of text.matchAll(/(?<![\d.,:])(\d{1,3})(?:,(\d))? : (\d{1,3})(?:,(\d))?(?![\d:,])/g)) {
    const side = (whole: string, fraction: string | undefined): string => (fraction ? `${whole}.${fraction}` : whole)
    const fixed = `${side(match[1], match[2])}-${side(match[3], match[4])}`
    yield {ruleId: 'spaced-colon-score', start: match.index, end: match.index + match[0].length, expected: [fixed], reason: `Unexpected \`${match[0]}\`, expected \`${fixed}\`: English writes a score with a hyphen, without spaces`, level: 'warning', apply: 'review'}
  }
}

/** "4:6, 6:4, 6:4": set scores written with colons → "4-6, 6-4, 6-4" (a time has two-digit minutes, a set score one). */
function* colonSetScores(text: string): Generator<Hit> {
  for (const match of text.matchAll(/(?<![\d:.,])\d{1,2}:\d(?:, \d{1,2}:\d)+(?![\d:])/g)) {
    const fixed = match[0].replace(/:/g, '-')
    yield {ruleId: 'colon-set-scores', start: match.index, end: match.index + match[0].length, expected: [fixed], reason: `Unexpected \`${match[0]}\`, expected \`${fixed}\`: English writes scores with a hyphen`, level: 'warning', apply: 'review'}
  }
}

export default function retextRussianTypography() {
  return (_tree: Root, file: VFile): undefined => {
    const text = String(file.value)
    if (!/[«»]|\d[, \u00A0\u202F.]\d|\d[ \u00A0]?(?:mln|bln|mlrd|trln|thous)|\d : \d|\d:\d, \d/.test(text)) return undefined
    for (const generator of [guillemets, decimalThousands, decimalCommas, spacedThousands, dottedDates, scaleAbbreviations, spacedColonScores, colonSetScores])
      for (const hit of generator(text))
        report(file, {source: 'russian-typography', category: 'locale-convention', ...hit})
    return undefined
  }
}
