/**
 * postedit review: the terminal walk through suggestions, like `git add -p`.
 * Every decision is saved as it is made, so Ctrl-C or a dropped SSH session loses nothing; a file
 * is rewritten (atomically, original backed up) when its review ends or the reviewer quits.
 */
import {emitKeypressEvents} from 'node:readline'
import {createInterface} from 'node:readline/promises'
import {styleText} from 'node:util'
import {FormatError} from '../formats/index.js'
import type {Postedit} from '../processor.js'
import type {DecisionStore} from '../review/decisions.js'
import {ReviewSession, type Suggestion} from '../review/session.js'
import type {TextInput} from './io.js'

export interface Terminal {
  input: NodeJS.ReadStream
  output: NodeJS.WriteStream
  color: boolean
}

interface Key {
  name?: string
  sequence?: string
  ctrl?: boolean
}

const HELP = `y  accept the suggestion        1-9  accept that alternative
n  reject it                      e    edit the replacement
a  accept all from this rule      d    reject all from this rule
s  skip the rest of this file     u    undo the last decision
q  quit (decisions and accepted changes are saved)   ?  this help`

function readKey(input: NodeJS.ReadStream): Promise<Key> {
  return new Promise((resolve) => {
    input.once('keypress', (_text: string, key: Key | undefined) => resolve(key ?? {sequence: _text}))
  })
}

export interface ReviewOutcome {
  path: string
  output: string
  accepted: number
  rejected: number
  quit: boolean
}

export async function reviewInTerminal(
  inputs: TextInput[],
  pipelineOf: (path: string) => Postedit,
  store: DecisionStore | undefined,
  terminal: Terminal,
  writeFile: (input: TextInput, text: string) => void,
): Promise<ReviewOutcome[]> {
  const {input, output} = terminal
  const paint = (style: Parameters<typeof styleText>[0], text: string): string => (terminal.color ? styleText(style, text) : text)
  const print = (text = ''): boolean => output.write(text + '\n')
  emitKeypressEvents(input)
  input.setRawMode(true)
  input.resume()
  const outcomes: ReviewOutcome[] = []
  let quit = false
  try {
    for (const [fileIndex, file] of inputs.entries()) {
      if (quit) break
      let findings
      try {
        findings = pipelineOf(file.path).check(file.text).findings
      } catch (error) {
        if (!(error instanceof FormatError)) throw error
        print(paint('red', `${file.path}:${error.message}`))
        continue
      }
      const session = new ReviewSession(file.path, file.text, findings, store)
      const total = session.suggestions.length
      print(paint('bold', `\n${file.path}: ${total} suggestion${total === 1 ? '' : 's'} (file ${fileIndex + 1} of ${inputs.length})`))
      let skip = false
      while (!session.done && !skip && !quit) {
        const suggestion = session.current!
        show(suggestion, session, paint, print)
        const key = await readKey(input)
        const name = key.name ?? key.sequence
        if (key.ctrl && (name === 'c' || name === 'd')) {
          quit = true
          break
        }
        const alternative = /^[1-9]$/.test(key.sequence ?? '') ? suggestion.finding.expected[Number(key.sequence) - 1] : undefined
        if (alternative !== undefined) session.accept(alternative)
        else if (name === 'y' || name === 'return') session.accept()
        else if (name === 'n') session.reject()
        else if (name === 'a') print(paint('green', `accepted ${session.decideRule('accept')} from this rule`))
        else if (name === 'd') print(paint('red', `rejected ${session.decideRule('reject')} from this rule`))
        else if (name === 's') skip = true
        else if (name === 'q') quit = true
        else if (name === 'u') print(session.undo() ? paint('yellow', 'undone') : 'nothing to undo')
        else if (name === 'e') {
          input.setRawMode(false)
          const prompt = createInterface({input, output, terminal: true})
          const pending = prompt.question('replacement: ')
          prompt.write(suggestion.finding.expected[0])
          const replacement = await pending
          prompt.close()
          input.setRawMode(true)
          input.resume()
          session.edit(replacement)
        } else print(HELP)
      }
      const result = session.result()
      const accepted = session.suggestions.filter((s) => s.state === 'accepted').length
      const rejected = session.suggestions.filter((s) => s.state === 'rejected').length
      if (result !== file.text) writeFile(file, result)
      print(paint('bold', `${file.path}: ${accepted} accepted, ${rejected} rejected${result !== file.text ? ', file written' : ', file unchanged'}`))
      outcomes.push({path: file.path, output: result, accepted, rejected, quit})
    }
  } finally {
    input.setRawMode(false)
    input.pause()
  }
  return outcomes
}

function show(suggestion: Suggestion, session: ReviewSession, paint: (style: Parameters<typeof styleText>[0], text: string) => string, print: (text?: string) => boolean): void {
  const {finding} = suggestion
  const text = session.text
  const start = finding.start.offset
  const end = finding.end.offset
  const before = text.slice(Math.max(0, text.lastIndexOf('\n', start - 1) + 1, start - 70), start).replace(/\s+/g, ' ')
  const afterEnd = text.indexOf('\n', end)
  const after = text.slice(end, Math.min(afterEnd < 0 ? text.length : afterEnd, end + 70)).replace(/\s+/g, ' ')
  const position = session.suggestions.indexOf(suggestion) + 1
  print()
  print(`${paint('cyan', `[${position}/${session.suggestions.length}]`)} ${finding.start.line}:${finding.start.column}  ${paint('bold', `${finding.source}/${finding.ruleId}`)}  ${finding.level} · ${finding.category}`)
  print(`  ${finding.reason}`)
  print(`  …${before}${paint('red', `[-${finding.actual}-]`)}${paint('green', `{+${finding.expected[0]}+}`)}${after}…`)
  if (finding.expected.length > 1) print(`  alternatives: ${finding.expected.map((value, index) => `${index + 1}) ${value}`).join('  ')}`)
  output(print, paint)
}

function output(print: (text?: string) => boolean, paint: (style: Parameters<typeof styleText>[0], text: string) => string): void {
  print(paint('dim', '  accept [y] · reject [n] · edit [e] · rule: accept [a] reject [d] · skip file [s] · undo [u] · quit [q] · help [?]'))
}
