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
  return files.map((file) => ({
    path: file.path,
    cwd: process.cwd(),
    history: [file.path],
    messages: file.findings.map((finding) => ({
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
    })),
  }))
}
