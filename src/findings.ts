/**
 * Findings travel as vfile messages (the unified convention); this module is the one place that
 * writes them and reads them back as plain `Finding` data.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {location} from 'vfile-location'
import type {ApplyPolicy, Category, Finding, Level, Point} from './types.js'

export interface Report {
  source: string
  ruleId: string
  reason: string
  start: number
  end: number
  expected: string[]
  category: Category
  level: Level
  apply: ApplyPolicy
  priority?: number
  note?: string
  url?: string
}

type Locator = ReturnType<typeof location>

function locatorOf(file: VFile): Locator {
  const data = file.data as {postedit?: {locator?: Locator; locatorFor?: string}}
  data.postedit ??= {}
  const value = String(file.value)
  if (!data.postedit.locator || data.postedit.locatorFor !== value) {
    data.postedit.locator = location(file)
    data.postedit.locatorFor = value
  }
  return data.postedit.locator
}

export function pointAt(file: VFile, offset: number): Point {
  const point = locatorOf(file).toPoint(offset)
  if (!point) {
    // One past the last character: vfile-location answers only for offsets inside the text.
    const text = String(file.value)
    const lines = text.slice(0, offset).split('\n')
    return {line: lines.length, column: lines[lines.length - 1].length + 1, offset}
  }
  return {line: point.line, column: point.column, offset}
}

export function report(file: VFile, finding: Report): VFileMessage {
  const place = {start: pointAt(file, finding.start), end: pointAt(file, finding.end)}
  const options = {place, ruleId: finding.ruleId, source: finding.source}
  // A vfile message is an Error, whose constructor captures a stack trace that vfile-message then
  // replaces with '': the capture was a tenth of a check's time on a text with many findings.
  const stackTraceLimit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  let message: VFileMessage
  try {
    message = finding.level === 'suggestion' ? file.info(finding.reason, options) : file.message(finding.reason, options)
  } finally {
    Error.stackTraceLimit = stackTraceLimit
  }
  message.actual = String(file.value).slice(finding.start, finding.end)
  message.expected = finding.expected
  if (finding.note) message.note = finding.note
  if (finding.url) message.url = finding.url
  Object.assign(message, {
    category: finding.category,
    level: finding.level,
    apply: finding.apply,
    priority: finding.priority ?? 0,
  })
  return message
}

type PosteditMessage = VFileMessage & {category: Category; level: Level; apply: ApplyPolicy; priority: number}

function isPosteditMessage(message: VFileMessage): message is PosteditMessage {
  return typeof (message as Partial<PosteditMessage>).category === 'string' && message.place !== undefined
}

/** The findings of a processed file, in document order. Messages from other plugins are skipped. */
export function findingsOf(file: VFile): Finding[] {
  const findings: Finding[] = []
  for (const message of file.messages) {
    if (!isPosteditMessage(message)) continue
    const place = message.place as {start: Point; end: Point}
    findings.push({
      source: message.source ?? 'postedit',
      ruleId: message.ruleId ?? 'unknown',
      reason: message.reason,
      start: {...place.start},
      end: {...place.end},
      actual: message.actual ?? '',
      expected: message.expected ?? [],
      category: message.category,
      level: message.level,
      apply: message.apply,
      priority: message.priority,
      note: message.note,
      url: message.url,
    })
  }
  return findings.sort(
    (a, b) => a.start.offset - b.start.offset || a.end.offset - b.end.offset || a.ruleId.localeCompare(b.ruleId),
  )
}
