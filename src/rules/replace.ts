/**
 * Turning a match into replacement text: captures, re-inflection and case preservation.
 */
import {foldQuotes, startsLower, startsUpper} from '../parse/tokens.js'
import {formNameOf, inflect, lemmaOf, FORM_NAMES, type FormName} from './inflect.js'

export type TemplatePart =
  | {kind: 'text'; value: string}
  | {kind: 'capture'; index: number}
  /** <lemma> (like the k-th lemma element), <lemma:form>, or <$N:form>. */
  | {kind: 'inflect'; lemma?: string; capture?: number; form?: FormName; lemmaSlot?: number}

export class TemplateError extends Error {}

/**
 * Parse a replacement. `names` maps element names ($name) to numbers; without it (regex rules),
 * only numbers are captures and "$word" is text.
 */
export function parseTemplate(template: string, names?: Map<string, number>): TemplatePart[] {
  const parts: TemplatePart[] = []
  const capture = (reference: string): number => {
    if (/^\d+$/.test(reference)) return Number(reference)
    const index = names?.get(reference)
    if (index === undefined) throw new TemplateError(`"$${reference}" names no pattern element (name one with ${reference}=…)`)
    return index
  }
  const token = names
    ? /\$(\d{1,2}|[a-z][a-z0-9]*)|<(\$(?:\d{1,2}|[a-z][a-z0-9]*)|[a-zA-Z][a-zA-Z' -]*)(?::([a-z]+))?>/g
    : /\$(\d{1,2})|<(\$\d{1,2}|[a-zA-Z][a-zA-Z' -]*)(?::([a-z]+))?>/g
  let last = 0
  let lemmaSlot = 0
  for (const match of template.matchAll(token)) {
    if (match.index > last) parts.push({kind: 'text', value: template.slice(last, match.index)})
    last = match.index + match[0].length
    if (match[1] !== undefined) {
      parts.push({kind: 'capture', index: capture(match[1])})
      continue
    }
    const form = match[3] as FormName | undefined
    if (form !== undefined && !(FORM_NAMES as readonly string[]).includes(form))
      throw new TemplateError(`unknown word form ":${form}" in "${match[0]}" (known: ${FORM_NAMES.join(', ')})`)
    if (match[2].startsWith('$')) {
      if (!form) throw new TemplateError(`"${match[0]}" needs a form, e.g. <${match[2]}:pp>`)
      parts.push({kind: 'inflect', capture: capture(match[2].slice(1)), form})
    } else if (form) parts.push({kind: 'inflect', lemma: match[2].toLowerCase(), form})
    else parts.push({kind: 'inflect', lemma: match[2].toLowerCase(), lemmaSlot: lemmaSlot++})
  }
  if (last < template.length) parts.push({kind: 'text', value: template.slice(last)})
  return parts
}

export interface MatchCaptures {
  /** Text of capture N ($0 = whole match); undefined when the element matched nothing. */
  capture(index: number): string | undefined
  /** Known lemma of capture N, when it came from a <lemma> element. */
  lemmaOfCapture(index: number): string | undefined
  /**
   * The lemma elements of the match, in pattern order, with the word that matched each and whether
   * an auxiliary (has, was, …) stands before it, which makes a past form a participle.
   */
  lemmaSlots: Array<{lemma: string; word: string; afterAuxiliary?: boolean}>
}

/**
 * "an" before a vowel sound: a letter, with the usual exceptions of spelling (a one-day, an hour,
 * a U.S., an 18-year-old). An acronym is left as the template has it: "an FBI agent", "a NATO summit".
 */
export function indefiniteArticleFor(word: string): 'a' | 'an' | undefined {
  if (/^\p{Lu}{2,}/u.test(word)) return undefined
  if (/^(?:8|11|18)(?!\d{2})/.test(word)) return 'an'
  const lower = word.toLowerCase()
  if (/^(?:hour|honest|honor|honour|heir)/.test(lower)) return 'an'
  if (/^(?:one\b|one-|once|uni(?!n)|use|usu|uti|ute|eu|ewe|u\.s\.|u\.k\.|u\.n\.)/.test(lower)) return 'a'
  return /^[aeiou]/.test(lower) ? 'an' : 'a'
}

const ARTICLE_AT_END = /(?:^|[\s(])(a|an|A|An) $/

/** "… a " or "… an ": the last letter before the final space is an "a" or an "n". */
function endsLikeArticle(out: string): boolean {
  const last = out.charCodeAt(out.length - 2)
  return last === 97 || last === 65 || last === 110
}

export function renderTemplate(parts: TemplatePart[], captures: MatchCaptures): string {
  let out = ''
  let emptyCapture = false
  // Where an "a"/"an" of the template stands before a capture: it agrees with whatever word ends up
  // after it ("on a $kind visit" with kind = official, or with no kind at all).
  const articles: number[] = []
  for (const part of parts) {
    // The regex reads the whole output so far: it runs only when the output ends like an article.
    if (part.kind !== 'text' && out.endsWith(' ') && endsLikeArticle(out)) {
      const article = ARTICLE_AT_END.exec(out)
      if (article) articles.push(out.length - article[1].length - 1)
    }
    if (part.kind === 'text') out += part.value
    else if (part.kind === 'capture') {
      const value = captures.capture(part.index) ?? ''
      if (!value) emptyCapture = true
      out += value
    } else if (part.capture !== undefined) {
      const word = captures.capture(part.capture) ?? ''
      if (!word) {
        emptyCapture = true
        continue
      }
      const lemma = captures.lemmaOfCapture(part.capture) ?? lemmaOf(word.split(/\s+/)[0])
      out += inflect(lemma, part.form ?? 'base')
    } else if (part.form) out += inflect(part.lemma ?? '', part.form)
    else {
      const slot = captures.lemmaSlots[part.lemmaSlot ?? 0]
      let form = slot ? (formNameOf(slot.lemma, slot.word.split(/\s+/)[0]) ?? 'base') : 'base'
      // "has increased" → "has risen", "was lit" → "was ignited": after an auxiliary, the participle.
      if (form === 'ed' && slot?.afterAuxiliary) form = 'pp'
      out += inflect(part.lemma ?? '', form)
    }
  }
  for (const at of articles.reverse()) {
    const current = /^(?:a|an)\b/i.exec(out.slice(at))?.[0]
    const next = /^\s*([^\s]+)/.exec(out.slice(at + (current?.length ?? 0)))?.[1]
    const article = next === undefined ? undefined : indefiniteArticleFor(next)
    if (!current || !article) continue
    let wanted: string = article
    if (current[0] === 'A') wanted = wanted[0].toUpperCase() + wanted.slice(1)
    out = out.slice(0, at) + wanted + out.slice(at + current.length)
  }
  if (!emptyCapture) return out
  // An optional element that matched nothing leaves a doubled or edge space behind; a space the
  // template itself opens or closes with (a regex rule's " $1-fold") stays.
  const first = parts[0]
  const last = parts[parts.length - 1]
  const lead = first?.kind === 'text' && /^[ \t]/.test(first.value) ? ' ' : ''
  const trail = last?.kind === 'text' && /[ \t]$/.test(last.value) ? ' ' : ''
  return lead + out.replace(/[ \t]{2,}/g, ' ').replace(/ ([,.;:!?])/g, '$1').trim() + trail
}

const ARTICLES = new Set(['the', 'a', 'an'])
const LETTER = /\p{L}/u

// Asked of every character of every suggestion: ASCII is answered without a regex.
function isLetter(char: string): boolean {
  const code = char.charCodeAt(0)
  return code < 128 ? (code >= 65 && code <= 90) || (code >= 97 && code <= 122) : LETTER.test(char)
}

/**
 * The first letter of a text and its UTF-16 index, or undefined — also when a digit comes first:
 * a replacement that opens with a number ("170 deputies voted") has no first letter to capitalize.
 */
function firstLetter(value: string): {char: string; at: number} | undefined {
  let at = 0
  for (const char of value) {
    if (isLetter(char)) return {char, at}
    if (char >= '0' && char <= '9') return undefined
    at += char.length
  }
  return undefined
}

/**
 * Carry the case of the matched text into the replacement: an all-capitals match gives an
 * all-capitals replacement (KATAR → QATAR); a capital at the start of a sentence stays, and so does a
 * capital on a first word the replacement keeps. Otherwise the replacement is used as written.
 */
export function preserveCase(replacement: string, actual: string, sentenceInitial: boolean): string {
  let letters = 0
  let allUpper = true
  for (const char of actual) {
    if (!isLetter(char)) continue
    letters++
    if (allUpper && !startsUpper(char)) allUpper = false
  }
  // A short acronym spelled out (UN → United Nations) keeps the replacement's own case.
  if (letters >= 2 && allUpper && (letters >= 5 || !/\s/.test(replacement.trim()))) return replacement.toUpperCase()
  const firstActual = firstLetter(actual)
  const first = firstLetter(replacement)
  if (!firstActual || !first || !startsUpper(firstActual.char) || !startsLower(first.char)) return replacement
  const actualFirst = actual.trim().split(/\s+/)[0].toLowerCase()
  const replacementFirst = replacement.trim().split(/\s+/)[0].toLowerCase()
  // A capitalized article mid-sentence starts a sentence the parser did not see (a dateline is read
  // as one by atSentenceStart; "won 89 seats out of 230. The party …" parse-english runs on):
  // whatever replaces it starts it too ("The ministers of the environment" → "Environment ministers").
  const capitalArticle = ARTICLES.has(actualFirst)
  if (!sentenceInitial && actualFirst !== replacementFirst && !capitalArticle) return replacement
  return replacement.slice(0, first.at) + first.char.toUpperCase() + replacement.slice(first.at + first.char.length)
}

/** Printable ASCII but the backquote: nothing for foldForCompare to fold but the case. */
function needsNoFolding(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (code < 32 || code > 126 || code === 96) return false
  }
  return true
}

/** Length-preserving normalization for comparing text with a replacement. */
export function foldForCompare(value: string, ignoreCase = true): string {
  const folded = needsNoFolding(value) ? value : foldQuotes(value).replace(/\s/g, ' ')
  return ignoreCase ? folded.toLowerCase() : folded
}

/**
 * True when applying `replacement` over [start, end) would only restate what the text already
 * says: the same text (case counts: "western" → "Western" is a change), or a longer replacement
 * whose surroundings are already there ("Gaza" → "Gaza Strip" where the text reads "Gaza Strip").
 */
export function replacementAlreadyThere(text: string, start: number, end: number, replacement: string): boolean {
  if (foldForCompare(text.slice(start, end), false) === foldForCompare(replacement, false)) return true
  const actual = foldForCompare(text.slice(start, end))
  const wanted = foldForCompare(replacement)
  if (!actual || actual.length >= wanted.length) return false
  for (let k = wanted.indexOf(actual); k >= 0; k = wanted.indexOf(actual, k + 1)) {
    const from = start - k
    if (from < 0) continue
    if (foldForCompare(text.slice(from, from + wanted.length)) === wanted) return true
  }
  return false
}
