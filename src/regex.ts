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
