/**
 * JSON report in the shape of vfile-reporter-json: an array of files, each with its path and
 * messages; every message carries place.start/end (line, column, offset), ruleId, source, actual
 * and expected, plus postedit's category, level and apply policy.
 */
import type {Finding} from '../types.js'

export interface FileReport {
  path: string
  findings: Finding[]
}

export function toJsonReport(files: FileReport[]): unknown[] {
  return files.map((file) => ({...fileFields(file.path), messages: file.findings.map(jsonMessage)}))
}

function fileFields(path: string): {path: string; cwd: string; history: string[]} {
  return {path, cwd: process.cwd(), history: [path]}
}

function jsonMessage(finding: Finding): Record<string, unknown> {
  return {
    reason: finding.reason,
    line: finding.start.line,
    column: finding.start.column,
    place: {start: finding.start, end: finding.end},
    ruleId: finding.ruleId,
    source: finding.source,
    actual: finding.actual,
    expected: finding.expected,
    category: finding.category,
    level: finding.level,
    apply: finding.apply,
    fatal: finding.level === 'suggestion' ? null : false,
    ...(finding.note ? {note: finding.note} : {}),
    ...(finding.url ? {url: finding.url} : {}),
  }
}

/**
 * One file of the report written as its findings come (a long file's, window by window): the same
 * text as the file's entry pretty-printed whole, indented by `indent`.
 */
export class JsonFileWriter {
  private count = 0
  private readonly empty: string

  constructor(
    path: string,
    private readonly write: (text: string) => void,
    private readonly indent = '  ',
  ) {
    this.empty = JSON.stringify({...fileFields(path), messages: []}, null, 2).replace(/^/gm, indent)
  }

  add(findings: Finding[]): void {
    if (findings.length === 0) return
    const opening = this.count === 0 ? this.empty.slice(0, this.empty.lastIndexOf('[]')) + '[\n' : ',\n'
    this.count += findings.length
    this.write(opening + findings.map((finding) => JSON.stringify(jsonMessage(finding), null, 2).replace(/^/gm, `${this.indent}    `)).join(',\n'))
  }

  end(): void {
    this.write(this.count === 0 ? this.empty : `\n${this.indent}  ]\n${this.indent}}`)
  }
}
