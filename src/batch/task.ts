/**
 * One file's work in a batch — read, check or fix — the same in the main thread and in workers.
 * Options travel as plain data (workers cannot share a compiled pipeline); each thread builds a
 * pipeline per distinct set of options once and reuses it.
 */
import {closeSync, fsyncSync, mkdirSync, openSync, statSync, writeSync} from 'node:fs'
import {dirname} from 'node:path'
import {InputError, readInput, textPiecesOf, type TextPieces} from '../cli/io.js'
import {declaredEncoding, FormatError, formatOf, loadFormats, pipelinesFor, type FormatName} from '../formats/index.js'
import type {AppliedFix} from '../fix/fixpoint.js'
import type {EditRound} from '../fix/offset-map.js'
import {WINDOW_SIZE, type Postedit, type PosteditOptions} from '../processor.js'
import {DecisionStore} from '../review/decisions.js'
import {RuleFileError} from '../rules/load.js'
import {levelRank, type ApplyThreshold, type Finding, type Level} from '../types.js'
import {ConfigError, settingsFor} from './config.js'

export interface PlainOptions {
  override?: PosteditOptions['override']
  rules?: string[]
  shippedRules?: boolean
  disable?: string[]
  from?: string
  decisionsPath?: string
  level?: Level
  apply?: ApplyThreshold
  /** Read .posteditrc.yml above each file; command-line options win. */
  useConfig?: boolean
  /** Read every file as this format instead of choosing by extension. */
  formatIn?: FormatName
  /** Read and write files in this character encoding instead of UTF-8 or what they declare. */
  encoding?: string
}

export interface Task {
  index: number
  path: string
  kind: 'check' | 'fix'
  options: PlainOptions
  /**
   * Where a fix of a long file writes its output as it goes (a temporary file the caller moves
   * into place, prints or deletes), instead of returning it.
   */
  outputFile?: string
}

export type TaskResult =
  | {
      index: number
      path: string
      ok: true
      bytes: number
      bom: boolean
      encoding?: string
      /** The text read ('' when its findings were streamed: the file was read in pieces). */
      text: string
      /** The findings ([] when they were streamed to the sink as they were found). */
      findings: Finding[]
      streamed?: boolean
      /** A streamed fix: its output is in the task's outputFile; whether it differs from the input, and how many fixes made it. */
      outputFile?: string
      changed?: boolean
      appliedCount?: number
      output?: string
      applied?: AppliedFix[]
      rounds?: EditRound[]
    }
  | {index: number; path: string; ok: false; bytes: number; error: string}

const pipelines = new Map<string, (path: string) => Postedit>()

function effectiveOptions(path: string, options: PlainOptions): PlainOptions {
  if (!options.useConfig || path === '-') return options
  const config = settingsFor(path)
  return {
    rules: [...(config.rules ?? []), ...(options.rules ?? [])],
    shippedRules: options.shippedRules === false ? false : (config.defaultRules ?? true),
    disable: [...(config.disable ?? []), ...(options.disable ?? [])],
    from: options.from ?? config.from,
    decisionsPath: options.decisionsPath,
    override: {...config.override, ...options.override},
    level: options.level ?? config.level,
    apply: options.apply ?? config.apply,
    formatIn: options.formatIn,
    encoding: options.encoding,
  }
}

/** Pipeline options from plain ones: the decisions file is opened here, in the thread that uses it. */
export function toPosteditOptions(options: PlainOptions): PosteditOptions {
  return {
    rules: options.rules,
    shippedRules: options.shippedRules,
    disable: options.disable,
    from: options.from,
    decisions: options.decisionsPath ? DecisionStore.load(options.decisionsPath) : undefined,
    override: options.override,
  }
}

function pipelineFor(options: PlainOptions, path: string): Postedit {
  const key = JSON.stringify([options.rules, options.shippedRules, options.disable, options.from, options.decisionsPath, options.override, options.formatIn])
  let pipelineOf = pipelines.get(key)
  if (!pipelineOf) pipelines.set(key, (pipelineOf = pipelinesFor(toPosteditOptions(options), options.formatIn)))
  return pipelineOf(path)
}

/** How far a long file has been read: bytes so far (a window or so ahead of the check) of its total. */
export interface ReadProgress {
  bytes: number
  total: number
}

/** Receives a long file's findings window by window, in order, as it is read (and how far it is). */
export type FindingsSink = (findings: Finding[], progress?: ReadProgress) => void

/** A plain UTF-8 text over this size is checked or fixed as it is read, when the caller can take its findings (and a fix's output) so. */
export const STREAM_MIN_BYTES = 2 * WINDOW_SIZE

/** Whether a task's file is read in pieces when its findings can be taken so (by size; the file's encoding decides last). */
export function mayStream(task: Task, minimumBytes = 0): boolean {
  if (task.kind === 'fix' && !task.outputFile) return false
  if (task.path === '-' || task.options.encoding || formatOf(task.path, task.options.formatIn) !== 'text') return false
  try {
    return statSync(task.path).size > minimumBytes
  } catch {
    return false
  }
}

/**
 * Load the parser of the task's format (run before `runTask`, which is synchronous). A parser that
 * fails to load is not an error here: `runTask` then reports the file as failed, and the batch goes on.
 */
export async function loadTaskFormat(task: Task): Promise<void> {
  await loadFormats([formatOf(task.path, task.options.formatIn)]).catch(() => undefined)
}

export function runTask(task: Task, stdin?: () => Uint8Array, sink?: FindingsSink): TaskResult {
  let bytes = 0
  try {
    const options = effectiveOptions(task.path, task.options)
    const format = formatOf(task.path, options.formatIn)
    if (sink && mayStream(task)) {
      const pieces = textPiecesOf(task.path)
      if (pieces && pieces.bytes > STREAM_MIN_BYTES) {
        bytes = pieces.bytes
        return runStreamed(task, options, pieces, sink)
      }
    }
    const input = readInput(task.path, stdin, {encoding: options.encoding, declared: (head) => declaredEncoding(format, head)})
    bytes = Buffer.byteLength(input.text)
    const postedit = pipelineFor(options, task.path)
    const minimum = levelRank(options.level ?? 'suggestion')
    if (task.kind === 'check') {
      const findings = postedit.check(input.text).findings.filter((finding) => levelRank(finding.level) >= minimum)
      return {index: task.index, path: input.path, ok: true, bytes, bom: input.bom, encoding: input.encoding, text: input.text, findings}
    }
    const result = postedit.fix(input.text, {apply: options.apply ?? 'auto'})
    const findings = [...result.applied.map((fix) => fix.finding), ...result.remaining]
    return {
      index: task.index,
      path: input.path,
      ok: true,
      bytes,
      bom: input.bom,
      encoding: input.encoding,
      text: input.text,
      findings: findings.filter((finding) => levelRank(finding.level) >= minimum),
      output: result.output,
      applied: result.applied,
      rounds: result.rounds,
    }
  } catch (error) {
    if (error instanceof FormatError) return {index: task.index, path: task.path, ok: false, bytes, error: `${task.path === '-' ? '<stdin>' : task.path}:${error.message}`}
    if (error instanceof InputError || error instanceof RuleFileError || error instanceof ConfigError) {
      return {index: task.index, path: task.path, ok: false, bytes, error: error.message}
    }
    return {index: task.index, path: task.path, ok: false, bytes, error: `${task.path}: ${(error as Error).message}`}
  }
}

/** A long file's task, read in pieces: its findings go to the sink window by window, a fix's output to the task's outputFile. */
function runStreamed(task: Task, options: PlainOptions, pieces: TextPieces, sink: FindingsSink): TaskResult {
  const minimum = levelRank(options.level ?? 'suggestion')
  // The second pass reads the file as the check goes: its bytes tell how far the check is.
  let passes = 0
  const progress = {bytes: 0, total: pieces.bytes}
  const read = function* (): Generator<string> {
    const counting = ++passes === 2
    for (const piece of pieces.read()) {
      if (counting) progress.bytes = Math.min(progress.total, progress.bytes + Buffer.byteLength(piece))
      yield piece
    }
  }
  const take = (findings: Finding[]): void => {
    sink(findings.filter((finding) => levelRank(finding.level) >= minimum), {...progress})
  }
  const streamed = {index: task.index, path: task.path, ok: true as const, bytes: pieces.bytes, bom: pieces.bom, text: '', findings: [], streamed: true}
  if (task.kind === 'check') {
    for (const findings of pipelineFor(options, task.path).checkStream(read)) take(findings)
    return streamed
  }
  const written = fixIntoFile(pipelineFor(options, task.path), {...pieces, read}, {apply: options.apply ?? 'auto'}, task.outputFile!, take)
  return {...streamed, outputFile: task.outputFile, ...written}
}

/** Fix a text read in pieces into `path`, window by window; the findings (applied, then left) go to `take`. */
function fixIntoFile(postedit: Postedit, pieces: TextPieces, options: {apply: ApplyThreshold}, path: string, take: FindingsSink): {changed: boolean; appliedCount: number} {
  let changed = false
  let appliedCount = 0
  mkdirSync(dirname(path), {recursive: true})
  const file = openSync(path, 'w', statSync(pieces.path).mode)
  try {
    if (pieces.bom) writeSync(file, '\uFEFF')
    for (const window of postedit.fixStream(pieces.read, options)) {
      writeSync(file, window.output)
      appliedCount += window.applied.length
      if (window.output !== window.input) changed = true
      take([...window.applied.map((fix) => fix.finding), ...window.remaining])
    }
    fsyncSync(file)
  } finally {
    closeSync(file)
  }
  return {changed, appliedCount}
}
