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
