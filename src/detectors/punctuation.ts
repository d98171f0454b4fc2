/**
 * Doubled and stray punctuation: ",,", a space before a comma or full stop, a closing quote
 * repeated (`” ”`), and two quotations butted together (`,” “`) where a word went missing.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report, type Report} from '../findings.js'
import {sentencesOf} from '../parse/tokens.js'
import {execAll} from '../regex.js'

type Finding = Omit<Report, 'source'>

interface PunctuationCheck {
  regex: RegExp
  /** A test of the text around a match that a regex would make slow. */
  accepts?: (text: string, index: number) => boolean
  build(match: RegExpExecArray, offset: number): Finding
}

const CHECKS: PunctuationCheck[] = [
  {
    // ",," ";;" "::" and ", ," — but not an ellipsis "..." or "?!".
    regex: /([,;:])(?:[ \t]*\1)+/g,
    build: (match, offset) => ({
      ruleId: 'doubled-punctuation',
      reason: `Unexpected \`${match[0]}\`, expected \`${match[1]}\``,
      start: offset,
      end: offset + match[0].length,
      expected: [match[1]],
      category: 'punctuation',
      level: 'error',
      apply: 'auto',
      priority: 10,
    }),
  },
  {
    // "word ," — a space before a comma, semicolon or full stop (not before an ellipsis or a number like ".5").
    // A look-behind for the word before, wherever it stands in the pattern, made this the slowest
    // check of all: the character before is tested in `accepts`.
    regex: /[ \t]+([,;.])(?![.\d])/g,
    accepts: (text, index) => /[\p{L}\p{N}”’"')]$/u.test(text.slice(Math.max(0, index - 2), index)),
    build: (match, offset) => ({
      ruleId: 'space-before-punctuation',
      reason: `Unexpected space before \`${match[1]}\``,
      start: offset,
      end: offset + match[0].length,
      expected: [match[1]],
      category: 'punctuation',
      level: 'warning',
      apply: 'auto',
      priority: 5,
    }),
  },
  {
    // A closing quote repeated: `you,” ” Published`.
    regex: /”[ \t]*”/g,
    build: (match, offset) => ({
      ruleId: 'doubled-quote',
      reason: 'Unexpected second closing quotation mark, expected one',
      start: offset,
      end: offset + match[0].length,
      expected: ['”'],
      category: 'punctuation',
      level: 'error',
      apply: 'auto',
      priority: 10,
    }),
  },
  {
    // Two quotations with nothing between them: `negotiations,” “the authority`.
    regex: /[,.]?”[ \t]+“/g,
    build: (match, offset) => ({
      ruleId: 'adjacent-quotations',
      reason: 'Unexpected quotation right after a quotation: words between them are missing; rewrite the sentence',
      start: offset,
      end: offset + match[0].length,
      expected: [],
      category: 'accuracy/omission',
      level: 'warning',
      apply: 'never',
    }),
  },
]

export default function retextPunctuation() {
  return (tree: Root, file: VFile): undefined => {
    const text = String(file.value)
    for (const sentence of sentencesOf(tree, file)) {
      const slice = text.slice(sentence.start, sentence.end)
      for (const check of CHECKS) {
        for (const match of execAll(check.regex, slice)) {
          if (check.accepts && !check.accepts(slice, match.index)) continue
          const finding = check.build(match as RegExpExecArray, sentence.start + match.index)
          report(file, {source: 'punctuation', ...finding})
        }
      }
    }
    return undefined
  }
}
