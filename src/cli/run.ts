/**
 * The check, fix and diff commands: thin over the library. Each returns its exit code:
 * 0 nothing found, 1 findings (or fixes), 2 usage or input errors.
 */
import {resolve, join} from 'node:path'
import {createPostedit, type Postedit, type PosteditOptions} from '../processor.js'
import {annotatePatch, createPatch} from '../report/diff.js'
import {humanReport} from '../report/human.js'
import {toJsonReport, type FileReport} from '../report/json.js'
import {levelRank, LEVELS, type ApplyThreshold, type Level} from '../types.js'
import {COMMON_HELP, oneOf, parse, UsageError, type Parsed} from './args.js'
import {backupFile, encodeText, expandPaths, InputError, outPath, readInput, writeAtomic, type TextInput} from './io.js'

export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  stdin: () => Uint8Array
  isTTY: boolean
  stdinIsTTY: boolean
}

export const HELP: Record<string, string> = {
  main: `Usage: postedit <command> [options] [paths… | -]

Find and fix the garbles machine translation leaves in English text.

Commands:
  check   report findings (exit 1 when there are any)
  fix     apply the fixes marked safe (or --apply review for all) and print or write the result
  diff    show the fixes as a unified diff that git apply and patch -p1 accept

Run "postedit <command> --help" for a command's options.`,
  check: `Usage: postedit check [options] [paths… | -]

Report the findings in each file (folders: every *.txt inside; "-" or no path: standard input).
Exit 0 when nothing is found at or above --level, 1 when something is, 2 on usage or input errors.

  --format text|json    human report (default) or vfile-reporter-json style JSON
  --level LEVEL         count only findings at or above error|warning|suggestion (default suggestion)
  -q, --quiet           print nothing; the exit code tells
${COMMON_HELP}`,
  fix: `Usage: postedit fix [options] [paths… | -]

Apply fixes and print the fixed text (one input), or write it with --write or --out.
By default only fixes their rules mark safe (apply: auto) are made; --apply review adds the rest.
Exit 0 when the input had no findings, 1 when it had, 2 on usage or input errors.

  --apply auto|review   which fixes to apply (default auto)
  -w, --write           rewrite each file in place, atomically; the original is backed up
  --out DIR             write fixed files under DIR, mirroring their paths
  --backup-dir DIR      where --write keeps originals (default .postedit/backups/<time>)
  --no-backup           do not keep originals with --write
${COMMON_HELP}`,
  diff: `Usage: postedit diff [options] [paths… | -]

Print the fixes as a unified diff (a/ and b/ prefixes) that "git apply" and "patch -p1" accept.
On a terminal each hunk is headed by the rules behind it, in colour; piped, it is a plain patch.
Exit 0 when nothing would change, 1 when something would, 2 on usage or input errors.

  --apply auto|review   which fixes to show (default review: everything with a suggestion)
  --annotate            head hunks with their rules even when not on a terminal (not a valid patch)
${COMMON_HELP}`,
}

export const SOURCE_LANGUAGES = ['ru'] as const

function posteditOptions(values: Parsed['values']): PosteditOptions {
  return {
    from: oneOf('from', values.from, SOURCE_LANGUAGES, 'ru'),
    rules: (values.rules as string[] | undefined)?.map((path) => resolve(path)),
    shippedRules: values['no-default-rules'] ? false : true,
    disable: values.disable as string[] | undefined,
  }
}

function useColor(values: Parsed['values'], io: Io): boolean {
  if (values['no-color']) return false
  if (values.color) return true
  return io.isTTY && !process.env.NO_COLOR
}

function inputsOf(positionals: string[], io: Io): string[] {
  if (positionals.length === 0) {
    if (io.stdinIsTTY) throw new UsageError('no input: give paths, or "-" to read standard input')
    return ['-']
  }
  return expandPaths(positionals)
}

/** Read every input, collecting errors instead of stopping at the first. */
function readAll(paths: string[], io: Io): {inputs: TextInput[]; failed: boolean} {
  const inputs: TextInput[] = []
  let failed = false
  for (const path of paths) {
    try {
      inputs.push(readInput(path, io.stdin))
    } catch (error) {
      if (!(error instanceof InputError)) throw error
      io.stderr(`postedit: ${error.message}\n`)
      failed = true
    }
  }
  return {inputs, failed}
}

export function runCheck(argv: string[], io: Io, create = createPostedit): number {
  const {values, positionals} = parse(argv, {
    format: {type: 'string'},
    level: {type: 'string'},
    quiet: {type: 'boolean', short: 'q'},
  })
  if (values.help) return io.stdout(HELP.check + '\n'), 0
  const format = oneOf('format', values.format, ['text', 'json'] as const, 'text')
  const level: Level = oneOf('level', values.level, LEVELS, 'suggestion')
  const postedit = create(posteditOptions(values))
  const {inputs, failed} = readAll(inputsOf(positionals, io), io)
  const reports: FileReport[] = inputs.map((input) => ({
    path: input.path,
    findings: postedit.check(input.text).findings.filter((finding) => levelRank(finding.level) >= levelRank(level)),
  }))
  if (!values.quiet) {
    if (format === 'json') io.stdout(JSON.stringify(toJsonReport(reports), null, 2) + '\n')
    else io.stdout(humanReport(reports, useColor(values, io)))
  }
  if (failed) return 2
  return reports.some((report) => report.findings.length > 0) ? 1 : 0
}

export function runFix(argv: string[], io: Io, create = createPostedit): number {
  const {values, positionals} = parse(argv, {
    apply: {type: 'string'},
    write: {type: 'boolean', short: 'w'},
    out: {type: 'string'},
    'backup-dir': {type: 'string'},
    'no-backup': {type: 'boolean'},
  })
  if (values.help) return io.stdout(HELP.fix + '\n'), 0
  const apply: ApplyThreshold = oneOf('apply', values.apply, ['auto', 'review'] as const, 'auto')
  if (values.write && values.out) throw new UsageError('--write and --out exclude each other')
  const paths = inputsOf(positionals, io)
  const writing = Boolean(values.write || values.out)
  if (!writing && paths.length > 1) throw new UsageError(`fix prints one file; ${paths.length} given: use --write or --out DIR`)
  if (writing && paths.includes('-')) throw new UsageError('standard input cannot be written back: drop --write/--out to print the result')
  const postedit = create(posteditOptions(values))
  const {inputs, failed} = readAll(paths, io)
  const backupRoot = (values['backup-dir'] as string | undefined) ?? join('.postedit', 'backups', new Date().toISOString().replace(/[:.]/g, '-'))
  let found = false
  let changed = 0
  for (const input of inputs) {
    const result = fixInput(postedit, input, apply)
    if (result.hadFindings) found = true
    if (!writing) {
      io.stdout(encodeText(input, result.output))
      continue
    }
    if (values.out) writeAtomic(outPath(input.path, values.out as string), encodeText(input, result.output))
    else if (result.output !== input.text) {
      if (!values['no-backup']) backupFile(input.path, backupRoot)
      writeAtomic(input.path, encodeText(input, result.output))
    }
    if (result.output !== input.text) changed++
  }
  if (writing) {
    const where = values.out ? ` into ${values.out as string}` : values['no-backup'] || changed === 0 ? '' : ` (originals in ${backupRoot})`
    io.stderr(`postedit: ${changed} of ${inputs.length} file${inputs.length === 1 ? '' : 's'} changed${where}\n`)
  }
  if (failed) return 2
  return found ? 1 : 0
}

function fixInput(postedit: Postedit, input: TextInput, apply: ApplyThreshold) {
  const result = postedit.fix(input.text, {apply})
  return {...result, hadFindings: result.applied.length > 0 || result.remaining.length > 0}
}

export function runDiff(argv: string[], io: Io, create = createPostedit): number {
  const {values, positionals} = parse(argv, {apply: {type: 'string'}, annotate: {type: 'boolean'}})
  if (values.help) return io.stdout(HELP.diff + '\n'), 0
  const apply: ApplyThreshold = oneOf('apply', values.apply, ['auto', 'review'] as const, 'review')
  const postedit = create(posteditOptions(values))
  const {inputs, failed} = readAll(inputsOf(positionals, io), io)
  const color = useColor(values, io)
  const annotate = Boolean(values.annotate) || io.isTTY
  let changed = false
  for (const input of inputs) {
    const result = postedit.fix(input.text, {apply})
    const name = input.path === '<stdin>' ? 'stdin' : input.path
    const patch = createPatch(name, encodeText(input, input.text), encodeText(input, result.output))
    if (!patch) continue
    changed = true
    io.stdout(annotate ? annotatePatch(patch, encodeText(input, result.output), result.applied, result.rounds, color) : patch)
  }
  if (failed) return 2
  return changed ? 1 : 0
}
