/**
 * One file's work in a batch — read, check or fix — the same in the main thread and in workers.
 * Options travel as plain data (workers cannot share a compiled pipeline); each thread builds a
 * pipeline per distinct set of options once and reuses it.
 */
import {InputError, readInput} from '../cli/io.js'
import type {AppliedFix} from '../fix/fixpoint.js'
import type {EditRound} from '../fix/offset-map.js'
import {createPostedit, type Postedit, type PosteditOptions} from '../processor.js'
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
}

export interface Task {
  index: number
  path: string
  kind: 'check' | 'fix'
  options: PlainOptions
}

export type TaskResult =
  | {
      index: number
      path: string
      ok: true
      bytes: number
      bom: boolean
      text: string
      findings: Finding[]
      output?: string
      applied?: AppliedFix[]
      rounds?: EditRound[]
    }
  | {index: number; path: string; ok: false; bytes: number; error: string}

const pipelines = new Map<string, Postedit>()

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

function pipelineFor(options: PlainOptions): Postedit {
  const key = JSON.stringify([options.rules, options.shippedRules, options.disable, options.from, options.decisionsPath, options.override])
  let postedit = pipelines.get(key)
  if (!postedit) pipelines.set(key, (postedit = createPostedit(toPosteditOptions(options))))
  return postedit
}

export function runTask(task: Task, stdin?: () => Uint8Array): TaskResult {
  let bytes = 0
  try {
    const input = readInput(task.path, stdin)
    bytes = Buffer.byteLength(input.text)
    const options = effectiveOptions(task.path, task.options)
    const postedit = pipelineFor(options)
    const minimum = levelRank(options.level ?? 'suggestion')
    if (task.kind === 'check') {
      const findings = postedit.check(input.text).findings.filter((finding) => levelRank(finding.level) >= minimum)
      return {index: task.index, path: input.path, ok: true, bytes, bom: input.bom, text: input.text, findings}
    }
    const result = postedit.fix(input.text, {apply: options.apply ?? 'auto'})
    const findings = [...result.applied.map((fix) => fix.finding), ...result.remaining]
    return {
      index: task.index,
      path: input.path,
      ok: true,
      bytes,
      bom: input.bom,
      text: input.text,
      findings: findings.filter((finding) => levelRank(finding.level) >= minimum),
      output: result.output,
      applied: result.applied,
      rounds: result.rounds,
    }
  } catch (error) {
    if (error instanceof InputError || error instanceof RuleFileError || error instanceof ConfigError) {
      return {index: task.index, path: task.path, ok: false, bytes, error: error.message}
    }
    return {index: task.index, path: task.path, ok: false, bytes, error: `${task.path}: ${(error as Error).message}`}
  }
}
