/**
 * American quote punctuation: a full stop or comma after a closing quotation mark goes inside it
 * (`“other channels”.` → `“other channels.”`). Russian and British usage put it outside, so MT
 * from Russian leaves it there.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report} from '../findings.js'
import {sentencesOf} from '../parse/tokens.js'
import {execAll} from '../regex.js'

// A closing quote (curly, or straight after a non-space) followed by a full stop or comma, not by
// an ellipsis or a digit.
const OUTSIDE = /([”"])(?<=\S[”"])([.,])(?![.\d])/g

export default function retextQuotePunctuation() {
  return (tree: Root, file: VFile): undefined => {
    const text = String(file.value)
    for (const sentence of sentencesOf(tree, file)) {
      const slice = text.slice(sentence.start, sentence.end + 1)
      for (const match of execAll(OUTSIDE, slice)) {
        const start = sentence.start + match.index
        if (start >= sentence.end) continue
        // A straight quote preceded by a space opens a quotation; only closing quotes count.
        const quote = match[1]
        const inside = match[2]
        report(file, {
          source: 'quote-punctuation',
          ruleId: 'punctuation-inside-quotes',
          reason: `Unexpected \`${quote}${inside}\`, expected \`${inside}${quote}\` (American style puts the ${inside === '.' ? 'full stop' : 'comma'} inside the quotation marks)`,
          start,
          end: start + 2,
          expected: [inside + quote],
          category: 'locale-convention',
          level: 'warning',
          apply: 'review',
          priority: 0,
        })
      }
    }
    return undefined
  }
}
