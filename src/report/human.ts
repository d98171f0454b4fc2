/**
 * The report for people: one line per finding under its file, like vfile-reporter, with the
 * suggested replacement and a summary line.
 */
import {styleText} from 'node:util'
import type {Finding, Level} from '../types.js'
import type {FileReport} from './json.js'

const LEVEL_STYLE: Record<Level, Parameters<typeof styleText>[0]> = {error: 'red', warning: 'yellow', suggestion: 'blue'}

function quote(text: string): string {
  return '“' + text.replace(/\s+/g, ' ') + '”'
}

function describe(finding: Finding): string {
  if (finding.expected.length === 0) return ''
  const options = finding.expected.map((value) => (value === '' ? '(remove)' : quote(value))).join(' or ')
  return `${quote(finding.actual)} → ${options}`
}

export function summaryLine(counts: {files: number} & Record<Level, number>, color: boolean): string {
  const paint = (style: Parameters<typeof styleText>[0], text: string): string => (color ? styleText(style, text) : text)
  const total = counts.error + counts.warning + counts.suggestion
  if (total === 0) return paint('green', `✔ no findings in ${counts.files} file${counts.files === 1 ? '' : 's'}`) + '\n'
  const parts = (['error', 'warning', 'suggestion'] as Level[]).filter((level) => counts[level] > 0).map((level) => `${counts[level]} ${level}${counts[level] === 1 ? '' : 's'}`)
  return `${paint('bold', `✖ ${total} finding${total === 1 ? '' : 's'}`)} (${parts.join(', ')})\n`
}

export function humanReport(files: FileReport[], color: boolean, options: {summary?: boolean} = {}): string {
  let report = ''
  const counts: Record<Level, number> = {error: 0, warning: 0, suggestion: 0}
  for (const file of files) {
    const writer = new HumanFileWriter(file.path, color, (text) => (report += text))
    writer.add(file.findings)
    writer.end()
    for (const finding of file.findings) counts[finding.level]++
  }
  // Files without findings print nothing; a report of none is one empty line.
  report ||= '\n'
  return options.summary === false ? report : report + summaryLine({files: files.length, ...counts}, color)
}

/**
 * One file of the text report written as its findings come (a long file's, window by window):
 * its path, then one line per finding, places aligned within each batch of findings.
 */
export class HumanFileWriter {
  private written = false

  constructor(
    private readonly path: string,
    private readonly color: boolean,
    private readonly write: (text: string) => void,
  ) {}

  add(findings: Finding[]): void {
    if (findings.length === 0) return
    const paint = (style: Parameters<typeof styleText>[0], text: string): string => (this.color ? styleText(style, text) : text)
    const lines = this.written ? [] : [paint('underline', this.path)]
    this.written = true
    const places = findings.map((finding) => `${finding.start.line}:${finding.start.column}-${finding.end.line}:${finding.end.column}`)
    const placeWidth = Math.max(...places.map((place) => place.length))
    for (const [index, finding] of findings.entries()) {
      const suggestion = describe(finding) ? `  ${paint('green', describe(finding))}` : ''
      lines.push(`  ${places[index].padEnd(placeWidth)}  ${paint(LEVEL_STYLE[finding.level], finding.level.padEnd(10))}  ${finding.reason}${suggestion}  ${paint('dim', `${finding.source}/${finding.ruleId}`)}`)
    }
    this.write(lines.join('\n') + '\n')
  }

  /** A blank line after a file that had findings. */
  end(): void {
    if (this.written) this.write('\n')
  }
}
