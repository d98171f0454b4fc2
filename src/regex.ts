/**
 * Every match of a global regex in `text`, like `text.matchAll(regex)` without its cost:
 * matchAll copies the regex on every call, and detectors call it once per sentence or paragraph.
 * The regex's `lastIndex` is reset first; do not share one regex between nested loops.
 */
export function* execAll(regex: RegExp, text: string): Generator<RegExpExecArray> {
  regex.lastIndex = 0
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    if (match[0].length === 0) regex.lastIndex++
    yield match
  }
}

// Unicode properties that leave out the line feed (a control character, Cc).
const LINE_FREE_PROPERTY = /^(?:L[ultmo]?|Letter|N[dlo]?|Number|M[nce]?|Mark|P[cdseifo]?|Punctuation|S[mcko]?|Symbol|Zs?|Alphabetic|Uppercase|Lowercase|(?:Script|sc|Script_Extensions|scx)=\w+)$/

/**
 * Whether a regex can neither match nor look at a line feed, so that running it over a whole text
 * finds what running it over each line-bounded piece finds. Conservative: any construct that
 * could take a line feed (`\s`, `\W`, `\D`, negated classes, `^` and `$`, code-point escapes,
 * control characters, a property that holds controls) makes it unsafe.
 */
export function cannotCrossLines(regex: RegExp): boolean {
  if (/[sm]/.test(regex.flags)) return false
  const source = regex.source
  for (let i = 0; i < source.length; i++) {
    const char = source[i]
    if (char.charCodeAt(0) < 32) return false
    // An anchor, or a negated class: either can meet a line feed (a literal ^ or $ in a class is treated the same).
    if (char === '^' || char === '$') return false
    if (char !== '\\') continue
    const escaped = source[++i]
    if ('sWDnrtvfxuc0'.includes(escaped)) return false
    if (escaped === 'P') return false
    if (escaped === 'p') {
      const close = source.indexOf('}', i)
      if (source[i + 1] !== '{' || close < 0 || !LINE_FREE_PROPERTY.test(source.slice(i + 2, close))) return false
      i = close
    }
  }
  return true
}

const QUANTIFIER_START = /^(?:[?*+]|\{\d+(?:,\d*)?\})/
// Escapes of one literal character; the rest (\b \d \w \p{…} \1 …) are not literal text.
const LITERAL_ESCAPE = /^[.\-$^*+?()[\]{}|/\\ ,:;'"!@#%&=<>~`]$/

/**
 * The longest run of literal text every match of `regex` contains, or undefined: read off the
 * pattern's top level only (not inside groups, classes or lookarounds, not before a quantifier),
 * and none for a pattern with a top-level alternation or a case-insensitive flag. A text that does
 * not contain it cannot match, which `indexOf` tells far faster than the regex does.
 */
export function requiredLiteral(regex: RegExp): string | undefined {
  if (regex.flags.includes('i')) return undefined
  const source = regex.source
  let best = ''
  let run = ''
  const endRun = (): void => {
    if (run.length > best.length) best = run
    run = ''
  }
  for (let i = 0; i < source.length; ) {
    const char = source[i]
    if (char === '|') return undefined
    if (char === '(' || char === '[') {
      endRun()
      i = skipGroup(source, i)
      if (i < 0) return undefined
      const quantifier = QUANTIFIER_START.exec(source.slice(i))
      if (quantifier) i += quantifier[0].length + (source[i + quantifier[0].length] === '?' ? 1 : 0)
      continue
    }
    let literal: string | undefined
    let width = 1
    if (char === '\\') {
      const escaped = source[i + 1]
      if (escaped !== undefined && LITERAL_ESCAPE.test(escaped)) literal = escaped
      width = escapeWidth(source, i)
    } else if (!'.^$?*+{}'.includes(char)) literal = char
    const quantifier = QUANTIFIER_START.exec(source.slice(i + width))
    if (literal === undefined || quantifier) {
      endRun()
      i += width + (quantifier ? quantifier[0].length : 0)
      continue
    }
    run += literal
    i += width
  }
  endRun()
  return best.length >= 3 ? best : undefined
}

// Characters of English text from most to least frequent; any other is rarer than all of them.
const FREQUENT_CHARACTERS = ' etaoinsrhldcumfpgwybv,.kT'

/**
 * The part of a required literal to look for: `indexOf` steps from one occurrence of the needle's
 * first character to the next, so a needle opening with a space or an "e" reads much of the text
 * twice. Any part of the literal is in every match; the longest tail that opens with its rarest
 * character keeps most of the literal's selectivity (" thousand" → "thousand", " NPP" → "NPP").
 */
export function searchNeedle(literal: string, minimum = 3): string {
  const rank = (char: string): number => {
    const at = FREQUENT_CHARACTERS.indexOf(char)
    return at < 0 ? FREQUENT_CHARACTERS.length : at
  }
  let best = 0
  for (let k = 1; k + minimum <= literal.length; k++) if (rank(literal[k]) > rank(literal[best])) best = k
  return literal.slice(best)
}

/** How many characters the escape at `at` takes: \\p{…}, \\u{…}, \\uXXXX, \\xXX, \\cX and \\k<…> are longer than two. */
function escapeWidth(source: string, at: number): number {
  const rest = source.slice(at + 1)
  const long = /^(?:[pP]\{[^}]*\}|u\{[0-9A-Fa-f]+\}|u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2}|c[A-Za-z]|k<[^>]*>)/.exec(rest)
  return 1 + (long ? long[0].length : 1)
}

/** The index just past the group or class that opens at `start`, or -1 when it is not closed. */
function skipGroup(source: string, start: number): number {
  let depth = 0
  let inClass = false
  for (let i = start; i < source.length; i++) {
    const char = source[i]
    if (char === '\\') {
      i++
      continue
    }
    if (inClass) {
      if (char === ']') {
        inClass = false
        if (depth === 0) return i + 1
      }
      continue
    }
    if (char === '[') inClass = true
    else if (char === '(') depth++
    else if (char === ')' && --depth === 0) return i + 1
  }
  return -1
}

// A plain word: letters, or a class of one letter in both cases ([Tt]).
const LEADING_WORD = /^(?:[A-Za-z]|\[(?:[A-Z][a-z]|[a-z][A-Z])\])+/

/**
 * Sets of words, as the pattern spells them ("[Tt]he": the, The), such that every match of `regex`
 * holds a word of each set as a whole word (a maximal run of `\w`): one set per top-level group
 * that every match passes through and whose alternatives each begin with a plain word (or with a
 * group whose alternatives do), and one per plain word of the top level — each bounded on both
 * sides, by `\b` or a non-word character before, and after by whatever the pattern requires to
 * follow the word (a space, an optional phrase that opens with a space and then a space, a
 * lookahead of non-word characters). None for a case-insensitive pattern or one with a top-level
 * alternation. A paragraph holding no word of a set cannot match, which a look-up in the
 * paragraph's words tells faster than the regex does.
 */
export function requiredWordChoices(regex: RegExp): Array<ReadonlySet<string>> {
  if (regex.flags.includes('i')) return []
  const source = regex.source
  const choices: Array<ReadonlySet<string>> = []
  // Whether the pattern requires a word boundary just before the current position.
  let boundedBefore = false
  for (let i = 0; i < source.length; ) {
    const char = source[i]
    if (char === '|') return []
    if (char === '(' || char === '[') {
      const end = skipGroup(source, i)
      if (end < 0) return []
      const quantifier = QUANTIFIER_START.exec(source.slice(end))
      const lookaround = char === '(' && /^\(\?<?[=!]/.test(source.slice(i, i + 4))
      if (char === '(' && !lookaround && !quantifier && boundedBefore) {
        const words = leadingWords(source.slice(i, end), [source.slice(end)])
        if (words) choices.push(words)
      }
      const next = end + (quantifier ? quantifier[0].length + (source[end + quantifier[0].length] === '?' ? 1 : 0) : 0)
      boundedBefore = boundedAfterItem(source.slice(i, next), boundedBefore)
      i = next
      continue
    }
    const word = boundedBefore ? LEADING_WORD.exec(source.slice(i))?.[0] : undefined
    if (word) {
      if (followedByBound([source.slice(i + word.length)])) choices.push(new Set(spellingsOf(word)))
      boundedBefore = false
      i += word.length
      continue
    }
    const width = char === '\\' ? escapeWidth(source, i) : 1
    boundedBefore = boundedAt(source.slice(i))
    i += width
  }
  // A word the required literal text holds between two non-word characters is a whole word of every match.
  for (const [word] of (requiredLiteral(regex) ?? '').matchAll(/(?<=[^\w])[A-Za-z]+(?=[^\w])/g))
    if (!choices.some((words) => words.size === 1 && words.has(word))) choices.push(new Set([word]))
  return choices
}

/**
 * The first words of a group's alternatives (looking into a group an alternative opens with), or
 * undefined when one does not begin with a plain word that the pattern bounds after it.
 * `after` is what follows the group, innermost first.
 */
function leadingWords(group: string, after: string[]): Set<string> | undefined {
  const body = group.slice(/^\((?:\?:|\?<[A-Za-z_$][\w$]*>)?/.exec(group)![0].length, -1)
  if (body.startsWith('?')) return undefined
  const words = new Set<string>()
  for (const alternative of topLevelAlternatives(body)) {
    let found: Set<string> | undefined
    const word = LEADING_WORD.exec(alternative)?.[0]
    if (word) {
      if (followedByBound([alternative.slice(word.length), ...after])) found = new Set(spellingsOf(word))
    } else if (alternative.startsWith('(') && !/^\(\?<?[=!]/.test(alternative)) {
      const end = skipGroup(alternative, 0)
      if (end > 0 && !QUANTIFIER_START.test(alternative.slice(end))) found = leadingWords(alternative.slice(0, end), [alternative.slice(end), ...after])
    }
    if (!found) return undefined
    for (const spelling of found) words.add(spelling)
  }
  return words
}

/** The words a run of letters and one-letter classes spells: "[Tt]he" → the, The. */
function spellingsOf(pattern: string): string[] {
  let spellings = ['']
  for (const [, letter, choice] of pattern.matchAll(/([A-Za-z])|\[(..)\]/g)) {
    const letters = letter ?? choice
    spellings = spellings.flatMap((spelling) => [...letters].map((next) => spelling + next))
  }
  return spellings
}

/**
 * Whether the pattern text requires a word boundary at its start: `\\b`, or a character that is
 * not a word character (a space, a hyphen, an escaped full stop) that no quantifier makes optional.
 */
function boundedAt(rest: string): boolean {
  if (rest.startsWith('\\b')) return true
  const width = nonWordLiteralWidth(rest)
  return width > 0 && !QUANTIFIER_START.test(rest.slice(width))
}

/**
 * Whether a word boundary stands at the end of `sequence` (pattern text without a top-level
 * alternation) on every path through it, given whether one stands at its start: a non-word
 * character or `\\b` makes one, a word character or anything that may be one unmakes it, an
 * optional item keeps what stood before it only if it makes one too, and a lookaround changes nothing.
 */
function boundedAtEnd(sequence: string, bounded: boolean): boolean {
  for (let i = 0; i < sequence.length; ) {
    const char = sequence[i]
    let end: number
    if (char === '(' || char === '[') end = skipGroup(sequence, i)
    else end = i + (char === '\\' ? escapeWidth(sequence, i) : 1)
    if (end < 0) return false
    const quantifier = /^(?:[?*+]|\{\d+(?:,\d*)?\})\??/.exec(sequence.slice(end))?.[0] ?? ''
    bounded = boundedAfterItem(sequence.slice(i, end + quantifier.length), bounded)
    i = end + quantifier.length
  }
  return bounded
}

/** Whether a word boundary stands after one item of a pattern (an atom with its quantifier), given whether one stood before it. */
function boundedAfterItem(item: string, bounded: boolean): boolean {
  const quantifier = /(?:[?*+]|\{\d+(?:,\d*)?\})\??$/.exec(item)?.[0] ?? ''
  const atom = item.slice(0, item.length - quantifier.length)
  const optional = quantifier.startsWith('?') || quantifier.startsWith('*') || /^\{0\b/.test(quantifier)
  if (atom === '\\b') return true
  if (atom.startsWith('(')) {
    const head = /^\((?:\?:|\?<[A-Za-z_$][\w$]*>|\?<?[=!])?/.exec(atom)![0]
    if (/[=!]$/.test(head)) return quantifier === '' ? bounded : false
    const present = topLevelAlternatives(atom.slice(head.length, -1)).every((alternative) => boundedAtEnd(alternative, bounded))
    return present && (!optional || bounded)
  }
  const nonWord = nonWordLiteralWidth(atom) === atom.length && atom.length > 0
  return nonWord && (!optional || bounded)
}

/**
 * Whether every way the pattern can go on from here (the pieces of `rest` in order: the text after
 * a word, then after each group around it) begins with a word boundary. The pattern's end is no
 * boundary: a match may end inside a word.
 */
function followedByBound(rest: string[]): boolean {
  const [sequence, ...after] = rest
  if (sequence === undefined) return false
  if (sequence === '') return followedByBound(after)
  if (boundedAt(sequence)) return true
  const width = nonWordLiteralWidth(sequence)
  if (width > 0) {
    // An optional non-word character: what follows it must bound the word when it is left out.
    const quantifier = /^(?:[?*]|\{0(?:,\d*)?\})\??/.exec(sequence.slice(width))
    return quantifier ? followedByBound([sequence.slice(width + quantifier[0].length), ...after]) : true
  }
  if (!sequence.startsWith('(')) return false
  const end = skipGroup(sequence, 0)
  if (end < 0) return false
  const quantifier = /^(?:[?*+]|\{\d+(?:,\d*)?\})\??/.exec(sequence.slice(end))?.[0] ?? ''
  const next = [sequence.slice(end + quantifier.length), ...after]
  const head = /^\((?:\?:|\?<[A-Za-z_$][\w$]*>|\?<?[=!])?/.exec(sequence)![0]
  const alternatives = topLevelAlternatives(sequence.slice(head.length, end - 1))
  // A lookbehind or a negative lookahead takes no characters and bounds nothing: what follows it must.
  if (head === '(?!' || head === '(?<=' || head === '(?<!') return followedByBound(next)
  // A lookahead whose every alternative opens with a boundary bounds the word; else what follows must.
  if (head === '(?=') return alternatives.every((alternative) => followedByBound([alternative])) || followedByBound(next)
  const optional = quantifier.startsWith('?') || quantifier.startsWith('*') || /^\{0\b/.test(quantifier)
  return alternatives.every((alternative) => followedByBound([alternative, ...next])) && (!optional || followedByBound(next))
}

/** How many pattern characters spell the literal non-word character `rest` starts with (0: none). */
function nonWordLiteralWidth(rest: string): number {
  const char = rest[0]
  if (char === undefined) return 0
  if (char === '\\') return LITERAL_ESCAPE.test(rest[1] ?? '') || rest[1] === 's' ? 2 : 0
  if (char === '[') {
    // A class of non-word characters only ("[.;]", "[,.!?]"): no letter, digit, escape class or range.
    const end = skipGroup(rest, 0)
    const members = end > 0 ? rest.slice(1, end - 1).replace(/\\[^\w]/g, '') : ''
    return members.length > 0 && !members.startsWith('^') && /^-?[^\w\\-]+-?$/.test(members) ? end : 0
  }
  return /^[^\w.^$?*+{}()[\]|]/.test(char) ? 1 : 0
}

function topLevelAlternatives(body: string): string[] {
  const alternatives: string[] = []
  let from = 0
  for (let i = 0; i < body.length; i++) {
    const char = body[i]
    if (char === '\\') i++
    else if (char === '(' || char === '[') {
      const end = skipGroup(body, i)
      if (end < 0) return []
      i = end - 1
    } else if (char === '|') {
      alternatives.push(body.slice(from, i))
      from = i + 1
    }
  }
  alternatives.push(body.slice(from))
  return alternatives
}
