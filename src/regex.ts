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
