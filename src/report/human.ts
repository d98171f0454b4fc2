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
  const paint = (style: Parameters<typeof styleText>[0], text: string): string => (color ? styleText(style, text) : text)
  const lines: string[] = []
  const counts: Record<Level, number> = {error: 0, warning: 0, suggestion: 0}
  for (const file of files) {
    if (file.findings.length === 0) continue
    lines.push(paint('underline', file.path))
    const rows = file.findings.map((finding) => {
      counts[finding.level]++
      return [
        `${finding.start.line}:${finding.start.column}-${finding.end.line}:${finding.end.column}`,
        finding.level,
        finding.reason,
        describe(finding),
        `${finding.source}/${finding.ruleId}`,
      ]
    })
    const placeWidth = Math.max(...rows.map((row) => row[0].length))
    for (const [index, row] of rows.entries()) {
      const level = file.findings[index].level
      const suggestion = row[3] ? `  ${paint('green', row[3])}` : ''
      lines.push(`  ${row[0].padEnd(placeWidth)}  ${paint(LEVEL_STYLE[level], row[1].padEnd(10))}  ${row[2]}${suggestion}  ${paint('dim', row[4])}`)
    }
    lines.push('')
  }
  if (options.summary === false) return lines.join('\n') + '\n'
  return lines.join('\n') + '\n' + summaryLine({files: files.length, ...counts}, color)
}
