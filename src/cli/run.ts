/**
 * The check, fix and diff commands: thin over the library. Each returns its exit code:
 * 0 nothing found, 1 findings (or fixes), 2 usage or input errors.
 */
import {existsSync, readFileSync, renameSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {onExit} from 'signal-exit'
import {createInterface as createLineReader} from 'node:readline'
import {basename, dirname, join, resolve} from 'node:path'
import {createPostedit, type PosteditOptions} from '../processor.js'
import {DecisionStore} from '../review/decisions.js'
import {annotatePatch, createPatch} from '../report/diff.js'
import {HumanFileWriter, summaryLine} from '../report/human.js'
import {htmlReport} from '../report/html.js'
import {JsonFileWriter, toJsonReport} from '../report/json.js'
import {toSarif} from '../report/sarif.js'
import {PatchError, patchFiles} from '../review/apply-patch.js'
import {reviewInTerminal, type Terminal} from './review-tty.js'
import {ReviewSession} from '../review/session.js'
import {startReviewServer, type WebReviewFile} from '../review/web-server.js'
import {spawn} from 'node:child_process'
import {LEVELS, type Finding} from '../types.js'
import {collectFiles} from '../batch/files.js'
import {defaultJobs, runTasks} from '../batch/pool.js'
import {toPosteditOptions, type PlainOptions, type Task, type TaskResult} from '../batch/task.js'
import {Progress} from './progress.js'
import {COMMON_HELP, oneOf, parse, UsageError, type Parsed} from './args.js'
import {backupFile, encodeBytes, encodeText, InputError, outPath, readInput, textPiecesOf, writeAtomic, type TextInput} from './io.js'
import {declaredEncoding, FORMAT_NAMES, FormatError, formatOf, loadFormats, pipelinesFor, type FormatName} from '../formats/index.js'

export interface Io {
  /** Standard input as a stream, for line-by-line reading (stream command). */
  stdinStream?: NodeJS.ReadableStream
  stdout: (text: string) => void
  stderr: (text: string) => void
  stdin: () => Uint8Array
  isTTY: boolean
  stdinIsTTY: boolean
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}).version
}

export const BATCH_HELP = `Batch:
  --jobs N              files in parallel on N worker threads (default: the number of cores)
  --no-config           ignore .posteditrc.yml files (found by walking up from each file)
  -q, --quiet           no progress bar or summary (they show only on a terminal anyway)
Paths may be files, folders (every *.txt inside) and globs ("drafts/**/*.txt"); .posteditignore
in the current folder (gitignore syntax) leaves files out.`

export const HELP: Record<string, string> = {
  main: `Usage: postedit <command> [options] [paths… | -]

Find and fix the garbles machine translation leaves in English text.

Commands:
  check   report findings (exit 1 when there are any)
  fix     apply the fixes marked safe (or --apply review for all) and print or write the result
  diff    show the fixes as a unified diff that git apply and patch -p1 accept
  review  walk through the suggestions and accept, reject or edit each (terminal, or --web)
  stream  JSON Lines in, JSON Lines out: for pipelines and sharding across machines
  rules   rules test: run every rule's examples and allow texts
  apply   apply a (hand-edited) diff back to its files, all or nothing
  stats   show how reviewers decided, rule by rule

Run "postedit <command> --help" for a command's options.`,
  check: `Usage: postedit check [options] [paths… | -]

Report the findings in each file (folders: every *.txt inside; "-" or no path: standard input).
Exit 0 when nothing is found at or above --level, 1 when something is, 2 on usage or input errors.

  --format FORMAT       text (default), json (vfile-reporter-json style), sarif (2.1.0) or html
                        (a standalone page with the findings highlighted)
  --level LEVEL         count only findings at or above error|warning|suggestion (default suggestion)
  -q, --quiet           print nothing; the exit code tells
${BATCH_HELP}
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
  --dry-run             say which files would change and how many fixes, write nothing
${BATCH_HELP}
${COMMON_HELP}`,
  review: `Usage: postedit review [options] FILE…

Walk through each suggested edit with its context, rule and message, and accept, reject or edit
it (keys: y n e, a/d for the whole rule, 1-9 for an alternative, s skip file, u undo, q quit).
Decisions are saved as they are made (default .postedit/decisions.json) and not proposed again;
each file is rewritten atomically, its original backed up, when its review ends or you quit.
Needs a terminal; without one use "postedit fix" or "postedit diff", or review in a browser:

  --web                 serve a review page on this machine (loopback only) and open it
  --port N              port for --web (default: a free one)
  --no-open             do not open a browser, just print the address
  --no-backup           do not keep originals (default: .postedit/backups/<time>)
${COMMON_HELP}`,
  apply: `Usage: postedit apply [options] PATCH

Apply a unified diff (as postedit diff prints it, possibly with hunks removed or edited) to the
files it names, resolved from the current folder. A patch that no longer fits is refused whole.

  --check               only say whether it applies
  --no-backup           do not keep originals (default: .postedit/backups/<time>)
  -h, --help            show this help`,
  stream: `Usage: postedit stream [options] < in.jsonl > out.jsonl

Stream JSON Lines: each input line {"id": …, "text": "…"} gives one output line
{"id", "text", "fixed", "findings"} in the same order, in constant memory — for pipelines and for
sharding a corpus across machines with GNU parallel, Hadoop Streaming or Spark's pipe. A line
that is not such an object gives {"id": null, "line": N, "error": "…"}; the exit code is then 2.

  --apply auto|review   which fixes make "fixed" (default auto)

Recipe (4 processes, order kept):
  parallel --pipe --keep-order -j4 -N 1000 postedit stream < corpus.jsonl > fixed.jsonl
${COMMON_HELP}`,
  stats: `Usage: postedit stats [options]

Show, rule by rule, how often reviewers accepted, edited and rejected its suggestions (from the
decisions file), the most rejected first: the precision of each rule as people see it.

  --decisions FILE      the decisions file (default .postedit/decisions.json)
  --format text|json    table (default) or JSON
  -h, --help            show this help`,
  diff: `Usage: postedit diff [options] [paths… | -]

Print the fixes as a unified diff (a/ and b/ prefixes) that "git apply" and "patch -p1" accept.
On a terminal each hunk is headed by the rules behind it, in colour; piped, it is a plain patch.
Exit 0 when nothing would change, 1 when something would, 2 on usage or input errors.

  --apply auto|review   which fixes to show (default review: everything with a suggestion)
  --annotate            head hunks with their rules even when not on a terminal (not a valid patch)
${BATCH_HELP}
${COMMON_HELP}`,
}

export const SOURCE_LANGUAGES = ['ru'] as const

export const DEFAULT_DECISIONS = join('.postedit', 'decisions.json')

export function decisionsOf(values: Parsed['values']): DecisionStore | undefined {
  if (values['no-decisions']) return undefined
  const path = (values.decisions as string | undefined) ?? DEFAULT_DECISIONS
  try {
    return DecisionStore.load(path)
  } catch (error) {
    throw new InputError(path, (error as Error).message.replace(`${path}: `, ''))
  }
}

/** Options for the commands that work in this thread (review, stream): the batch options, opened. */
function posteditOptions(values: Parsed['values']): PosteditOptions {
  return {...toPosteditOptions(plainOptions(values)), decisions: decisionsOf(values)}
}

function useColor(values: Parsed['values'], io: Io): boolean {
  if (values['no-color']) return false
  if (values.color) return true
  return io.isTTY && !process.env.NO_COLOR
}

/** Read every input, collecting errors instead of stopping at the first. */
function readAll(paths: string[], io: Io, values: Parsed['values']): {inputs: TextInput[]; failed: boolean} {
  const inputs: TextInput[] = []
  let failed = false
  for (const path of paths) {
    try {
      const format = formatOf(path, formatInOf(values))
      inputs.push(readInput(path, io.stdin, {encoding: values.encoding as string | undefined, declared: (head) => declaredEncoding(format, head)}))
    } catch (error) {
      if (!(error instanceof InputError)) throw error
      io.stderr(`postedit: ${error.message}\n`)
      failed = true
    }
  }
  return {inputs, failed}
}

const BATCH_OPTIONS = {
  jobs: {type: 'string'},
  quiet: {type: 'boolean', short: 'q'},
  'no-config': {type: 'boolean'},
} as const



function jobsOf(values: Parsed['values']): number {
  if (values.jobs === undefined) return defaultJobs()
  const jobs = Number(values.jobs)
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a whole number of at least 1 (got "${String(values.jobs)}")`)
  return jobs
}

function plainOptions(values: Parsed['values']): PlainOptions {
  return {
    rules: (values.rules as string[] | undefined)?.map((path) => resolve(path)),
    shippedRules: values['no-default-rules'] ? false : undefined,
    disable: values.disable as string[] | undefined,
    from: values.from === undefined ? undefined : oneOf('from', values.from, SOURCE_LANGUAGES, 'ru'),
    decisionsPath: values['no-decisions'] ? undefined : ((values.decisions as string | undefined) ?? (existsSync(DEFAULT_DECISIONS) ? DEFAULT_DECISIONS : undefined)),
    useConfig: !values['no-config'],
    formatIn: formatInOf(values),
    encoding: values.encoding as string | undefined,
  }
}

function formatInOf(values: Parsed['values']): FormatName | undefined {
  return values['format-in'] === undefined ? undefined : oneOf('format-in', values['format-in'], FORMAT_NAMES, 'text')
}

function batchPaths(positionals: string[], io: Io): string[] {
  if (positionals.length === 0) {
    if (io.stdinIsTTY) throw new UsageError('no input: give paths, or "-" to read standard input')
    return ['-']
  }
  return collectFiles(positionals)
}

/** Run a batch with progress on the terminal; results come back in input order. */
async function runBatch(
  kind: 'check' | 'fix',
  values: Parsed['values'],
  paths: string[],
  io: Io,
  options: PlainOptions,
  handlers: {
    result: (result: TaskResult & {ok: true}, progress: Progress) => void
    /** A long file's findings as they are found, before its result (check only). */
    findings?: (index: number, findings: Finding[], progress: Progress) => void
    /** A file that could not be done, after its error is shown. */
    failure?: (index: number) => void
    /** Where a fix of a long file may write its output as it goes (fix only). */
    outputFile?: (path: string, index: number) => string
  },
): Promise<{failed: boolean; progress: Progress}> {
  const progress = new Progress(paths.length, io.isTTY && !values.quiet ? io.stderr : undefined)
  let failed = false
  const tasks: Task[] = paths.map((path, index) => ({index, path, kind, options, outputFile: path === '-' ? undefined : handlers.outputFile?.(path, index)}))
  await runTasks(tasks, jobsOf(values), (result) => {
    if (!result.ok) {
      failed = true
      io.stderr(`${io.isTTY && !values.quiet ? '\r' : ''}postedit: ${result.error}\n`)
      progress.add(result)
      handlers.failure?.(result.index)
      return
    }
    try {
      handlers.result(result, progress)
    } catch (error) {
      // A file that cannot be written as it should (an encoding that cannot hold a fix) fails
      // alone; the batch goes on.
      if (!(error instanceof InputError)) throw error
      failed = true
      io.stderr(`${io.isTTY && !values.quiet ? '\r' : ''}postedit: ${error.message}\n`)
    }
  }, io.stdin, handlers.findings && ((index, findings, read) => {
    if (read) progress.reading(index, read)
    handlers.findings?.(index, findings, progress)
  }))
  if (io.isTTY && !values.quiet && paths.length > 1) io.stderr(progress.summary())
  return {failed, progress}
}

export async function runCheck(argv: string[], io: Io): Promise<number> {
  const {values, positionals} = parse(argv, {format: {type: 'string'}, level: {type: 'string'}, ...BATCH_OPTIONS})
  if (values.help) return io.stdout(HELP.check + '\n'), 0
  const format = oneOf('format', values.format, ['text', 'json', 'sarif', 'html'] as const, 'text')
  const options = {...plainOptions(values), level: values.level === undefined ? undefined : oneOf('level', values.level, LEVELS, 'suggestion')}
  const paths = batchPaths(positionals, io)
  const reports: Array<{path: string; text: string; findings: Finding[]}> = []
  const color = useColor(values, io)
  let found = false
  let first = true
  const counts = {files: 0, error: 0, warning: 0, suggestion: 0}
  // JSON and text are written file by file, and a long file's findings window by window as they
  // are found (memory stays flat over big batches and big files); SARIF and HTML need every file
  // at once.
  const writes = !values.quiet && (format === 'json' || format === 'text')
  const writers = new Map<number, {add(findings: Finding[]): void; end(): void}>()
  const writerFor = (index: number): {add(findings: Finding[]): void; end(): void} => {
    let writer = writers.get(index)
    if (writer) return writer
    const path = paths[index] === '-' ? '<stdin>' : paths[index]
    if (format === 'json') {
      io.stdout(first ? '\n' : ',\n')
      first = false
      writer = new JsonFileWriter(path, io.stdout)
    } else writer = new HumanFileWriter(path, color, io.stdout)
    writers.set(index, writer)
    return writer
  }
  const take = (index: number, findings: Finding[], progress: Progress): void => {
    progress.found(findings)
    for (const finding of findings) counts[finding.level]++
    if (findings.length > 0) found = true
    if (!writes || findings.length === 0) return
    progress.clear()
    writerFor(index).add(findings)
  }
  if (format === 'json' && !values.quiet) io.stdout('[')
  const endFile = (index: number): void => {
    writers.get(index)?.end()
    writers.delete(index)
  }
  const {failed} = await runBatch('check', values, paths, io, options, {
    result: (result, progress) => {
      take(result.index, result.findings, progress)
      progress.add({...result, findings: []})
      counts.files++
      if (writes) {
        progress.clear()
        writerFor(result.index)
        endFile(result.index)
      } else if (!values.quiet) reports.push({path: result.path, text: result.text, findings: result.findings})
    },
    findings: writes || values.quiet ? take : undefined,
    // A file that failed after some of its findings were written still closes its entry.
    failure: endFile,
  })
  if (!values.quiet) {
    if (format === 'json') io.stdout('\n]\n')
    else if (format === 'sarif') io.stdout(JSON.stringify(toSarif(reports, packageVersion()), null, 2) + '\n')
    else if (format === 'html') io.stdout(htmlReport(reports))
    else io.stdout(summaryLine(counts, color))
  }
  if (failed) return 2
  return found ? 1 : 0
}

export async function runFix(argv: string[], io: Io): Promise<number> {
  const {values, positionals} = parse(argv, {
    apply: {type: 'string'},
    write: {type: 'boolean', short: 'w'},
    out: {type: 'string'},
    'dry-run': {type: 'boolean'},
    'backup-dir': {type: 'string'},
    'no-backup': {type: 'boolean'},
    ...BATCH_OPTIONS,
  })
  if (values.help) return io.stdout(HELP.fix + '\n'), 0
  const options = {...plainOptions(values), apply: values.apply === undefined ? undefined : oneOf('apply', values.apply, ['auto', 'review'] as const, 'auto')}
  if (values.write && values.out) throw new UsageError('--write and --out exclude each other')
  const paths = batchPaths(positionals, io)
  const dryRun = Boolean(values['dry-run'])
  const writing = Boolean(values.write || values.out)
  if (!writing && !dryRun && paths.length > 1) throw new UsageError(`fix prints one file; ${paths.length} given: use --write, --out DIR or --dry-run`)
  if (writing && paths.includes('-')) throw new UsageError('standard input cannot be written back: drop --write/--out to print the result')
  const backupRoot = (values['backup-dir'] as string | undefined) ?? join('.postedit', 'backups', new Date().toISOString().replace(/[:.]/g, '-'))
  let found = false
  let batch: {failed: boolean}
  let changed = 0
  let total = 0
  // A long file's fix is written as it goes to a temporary file beside where it ends up (renamed
  // into place: atomic), or in the system's temporary folder when it is printed or only counted.
  const temporaryFiles = new Set<string>()
  const removeTemporaryFiles = (): void => {
    for (const file of temporaryFiles) rmSync(file, {force: true})
  }
  const stopCleaning = onExit(removeTemporaryFiles)
  const outputFile = (path: string, index: number): string => {
    const folder = values.write ? dirname(resolve(path)) : values.out ? dirname(resolve(outPath(path, values.out as string))) : tmpdir()
    const file = join(folder, `.${basename(path)}.postedit-${process.pid}-${index}.tmp`)
    temporaryFiles.add(file)
    return file
  }
  try {
    batch = await runBatch('fix', values, paths, io, options, {
      outputFile,
      findings: (_index, findings, progress) => {
        progress.found(findings)
        if (findings.length > 0) found = true
      },
      result: (result, progress) => {
        total++
        if (result.outputFile) return void finishStreamedFix(result as typeof result & {outputFile: string}, progress)
        const output = result.output ?? result.text
        const differs = output !== result.text
        progress.add(result, differs)
        if (result.findings.length > 0) found = true
        if (differs) changed++
        const input = {path: result.path, bom: result.bom, encoding: result.encoding}
        if (dryRun) {
          if (differs) io.stdout(`${result.path}: ${result.applied?.length ?? 0} fix${result.applied?.length === 1 ? '' : 'es'} would be applied\n`)
          return
        }
        if (!writing) return void io.stdout(encodeText(input, output))
        if (values.out) writeAtomic(outPath(result.path, values.out as string), encodeBytes(input, output))
        else if (differs) {
          const bytes = encodeBytes(input, output)
          if (!values['no-backup']) backupFile(result.path, backupRoot)
          writeAtomic(result.path, bytes)
        }
      },
    })
  } finally {
    removeTemporaryFiles()
    stopCleaning()
  }
  function finishStreamedFix(result: TaskResult & {ok: true; outputFile: string}, progress: Progress): void {
    progress.add(result, result.changed)
    if (result.changed) changed++
    const count = result.appliedCount ?? 0
    if (dryRun) {
      if (result.changed) io.stdout(`${result.path}: ${count} fix${count === 1 ? '' : 'es'} would be applied\n`)
    } else if (!writing) {
      for (const piece of textPiecesOf(result.outputFile)?.read() ?? []) io.stdout(piece)
    } else if (values.out) renameSync(result.outputFile, outPath(result.path, values.out as string))
    else if (result.changed) {
      if (!values['no-backup']) backupFile(result.path, backupRoot)
      renameSync(result.outputFile, result.path)
    }
    rmSync(result.outputFile, {force: true})
    temporaryFiles.delete(result.outputFile)
  }
  if (writing && !values.quiet) {
    const where = values.out ? ` into ${values.out as string}` : values['no-backup'] || changed === 0 ? '' : ` (originals in ${backupRoot})`
    io.stderr(`postedit: ${changed} of ${total} file${total === 1 ? '' : 's'} changed${where}\n`)
  }
  if (dryRun && !values.quiet) io.stderr(`postedit: ${changed} of ${total} file${total === 1 ? '' : 's'} would change (dry run, nothing written)\n`)
  if (batch.failed) return 2
  return found ? 1 : 0
}

export async function runDiff(argv: string[], io: Io): Promise<number> {
  const {values, positionals} = parse(argv, {apply: {type: 'string'}, annotate: {type: 'boolean'}, ...BATCH_OPTIONS})
  if (values.help) return io.stdout(HELP.diff + '\n'), 0
  const options = {...plainOptions(values), apply: oneOf('apply', values.apply, ['auto', 'review'] as const, 'review')}
  const paths = batchPaths(positionals, io)
  const color = useColor(values, io)
  const annotate = Boolean(values.annotate) || io.isTTY
  let changed = false
  const {failed} = await runBatch('fix', {...values, quiet: true}, paths, io, options, {result: (result, progress) => {
    progress.add(result)
    const output = result.output ?? result.text
    const name = result.path === '<stdin>' ? 'stdin' : result.path
    const input = {bom: result.bom}
    const patch = createPatch(name, encodeText(input, result.text), encodeText(input, output))
    if (!patch) return
    changed = true
    io.stdout(annotate ? annotatePatch(patch, encodeText(input, output), result.applied ?? [], result.rounds ?? [], color) : patch)
  }})
  if (failed) return 2
  return changed ? 1 : 0
}

export function runApply(argv: string[], io: Io): number {
  const {values, positionals} = parse(argv, {check: {type: 'boolean'}, 'no-backup': {type: 'boolean'}})
  if (values.help) return io.stdout(HELP.apply + '\n'), 0
  if (positionals.length !== 1) throw new UsageError('apply takes one patch file (or - for standard input)')
  const patchPath = positionals[0]
  const patch = readInput(patchPath, io.stdin)
  let files
  try {
    files = patchFiles(patch.text)
  } catch (error) {
    if (error instanceof PatchError) throw new InputError(patch.path, error.message)
    throw error
  }
  if (values.check) {
    io.stdout(`${patch.path}: applies to ${files.length} file${files.length === 1 ? '' : 's'}\n`)
    return 0
  }
  const backupRoot = join('.postedit', 'backups', new Date().toISOString().replace(/[:.]/g, '-'))
  for (const file of files) {
    if (!values['no-backup']) backupFile(file.path, backupRoot)
    writeAtomic(file.path, file.after)
  }
  io.stderr(`postedit: applied to ${files.map((file) => file.path).join(', ')}${values['no-backup'] ? '' : ` (originals in ${backupRoot})`}\n`)
  return 0
}

export function runStats(argv: string[], io: Io): number {
  const {values} = parse(argv, {format: {type: 'string'}})
  if (values.help) return io.stdout(HELP.stats + '\n'), 0
  const format = oneOf('format', values.format, ['text', 'json'] as const, 'text')
  const store = decisionsOf({...values, 'no-decisions': false}) ?? new DecisionStore(undefined)
  const rows = Object.entries(store.ruleCounts)
    .map(([rule, counts]) => {
      const total = counts.accept + counts.edit + counts.reject
      return {rule, ...counts, total, precision: total === 0 ? 1 : (counts.accept + counts.edit) / total}
    })
    .filter((row) => row.total > 0)
    .sort((a, b) => a.precision - b.precision || b.reject - a.reject || a.rule.localeCompare(b.rule))
  if (format === 'json') {
    io.stdout(JSON.stringify(rows, null, 2) + '\n')
    return 0
  }
  if (rows.length === 0) {
    io.stdout(`no decisions recorded in ${store.path ?? DEFAULT_DECISIONS}\n`)
    return 0
  }
  const width = Math.max(4, ...rows.map((row) => row.rule.length))
  io.stdout(`${'rule'.padEnd(width)}  accept  edit  reject  precision\n`)
  for (const row of rows)
    io.stdout(`${row.rule.padEnd(width)}  ${String(row.accept).padStart(6)}  ${String(row.edit).padStart(4)}  ${String(row.reject).padStart(6)}  ${row.precision.toFixed(2).padStart(9)}\n`)
  return 0
}

export async function runReview(argv: string[], io: Io, terminal?: Terminal): Promise<number> {
  const {values, positionals} = parse(argv, {'no-backup': {type: 'boolean'}, web: {type: 'boolean'}, port: {type: 'string'}, 'no-open': {type: 'boolean'}})
  if (values.help) return io.stdout(HELP.review + '\n'), 0
  if (positionals.length === 0) throw new UsageError('review needs at least one file')
  if (positionals.includes('-')) throw new UsageError('review works on files, not standard input')
  if (values.web) return reviewOnTheWeb(values, positionals, io)
  if (!terminal) throw new UsageError('review needs an interactive terminal; use "postedit fix" to apply fixes or "postedit diff" to see them')
  const options = posteditOptions(values)
  const store = options.decisions ?? new DecisionStore(DEFAULT_DECISIONS)
  const pipelineOf = pipelinesFor({...options, decisions: store}, formatInOf(values))
  const {inputs, failed} = readAll(collectFiles(positionals), io, values)
  await loadFormats(inputs.map((input) => formatOf(input.path, formatInOf(values))))
  const backupRoot = join('.postedit', 'backups', new Date().toISOString().replace(/[:.]/g, '-'))
  await reviewInTerminal(inputs, pipelineOf, store, terminal, (input, text) => {
    const bytes = encodeBytes(input, text)
    if (!values['no-backup']) backupFile(input.path, backupRoot)
    writeAtomic(input.path, bytes)
  })
  store.save()
  return failed ? 2 : 0
}

async function reviewOnTheWeb(values: Parsed['values'], positionals: string[], io: Io): Promise<number> {
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number (got "${String(values.port)}")`)
  const options = posteditOptions(values)
  const store = options.decisions ?? new DecisionStore(DEFAULT_DECISIONS)
  const pipelineOf = pipelinesFor({...options, decisions: store}, formatInOf(values))
  const {inputs, failed} = readAll(collectFiles(positionals), io, values)
  await loadFormats(inputs.map((input) => formatOf(input.path, formatInOf(values))))
  if (inputs.length === 0) return 2
  const backupRoot = join('.postedit', 'backups', new Date().toISOString().replace(/[:.]/g, '-'))
  const files: WebReviewFile[] = []
  for (const input of inputs) {
    let findings
    try {
      findings = pipelineOf(input.path).check(input.text).findings
    } catch (error) {
      if (!(error instanceof FormatError)) throw error
      io.stderr(`postedit: ${input.path}:${error.message}\n`)
      continue
    }
    files.push(webFile(input, findings))
  }
  if (files.length === 0) return 2
  function webFile(input: TextInput, findings: Finding[]): WebReviewFile {
    return {
    path: input.path,
    text: input.text,
    session: new ReviewSession(input.path, input.text, findings, store),
    save(text) {
      const bytes = encodeBytes(input, text)
      if (!values['no-backup']) backupFile(input.path, backupRoot)
      writeAtomic(input.path, bytes)
      return values['no-backup'] ? undefined : backupRoot
    },
    }
  }
  let started
  try {
    started = await startReviewServer({files, store, port})
  } catch (error) {
    throw new UsageError(`cannot listen on port ${port}: ${(error as Error).message}`)
  }
  io.stdout(`postedit review: ${started.url} (Ctrl-C to stop)\n`)
  if (!values['no-open']) openBrowser(started.url)
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  store.save()
  started.server.close()
  return failed ? 2 : 0
}

function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'start' : 'xdg-open'
  try {
    spawn(command, [url], {detached: true, stdio: 'ignore'}).on('error', () => undefined).unref()
  } catch {
    // No browser here: the address is printed.
  }
}

export async function runStream(argv: string[], io: Io): Promise<number> {
  const {values, positionals} = parse(argv, {apply: {type: 'string'}})
  if (values.help) return io.stdout(HELP.stream + '\n'), 0
  if (positionals.length > 0) throw new UsageError('stream reads JSON Lines from standard input and takes no paths')
  const apply = oneOf('apply', values.apply, ['auto', 'review'] as const, 'auto')
  const postedit = createPostedit(posteditOptions(values))
  const lines = createLineReader({input: io.stdinStream ?? process.stdin, crlfDelay: Infinity})
  let number = 0
  let failed = false
  for await (const line of lines) {
    number++
    if (line.trim() === '') continue
    let record: {id?: unknown; text?: unknown}
    try {
      record = JSON.parse(line) as {id?: unknown; text?: unknown}
    } catch (error) {
      failed = true
      io.stdout(JSON.stringify({id: null, line: number, error: `invalid JSON: ${(error as Error).message}`}) + '\n')
      continue
    }
    if (typeof record !== 'object' || record === null || typeof record.text !== 'string') {
      failed = true
      io.stdout(JSON.stringify({id: (record as {id?: unknown})?.id ?? null, line: number, error: 'expected an object with a string "text"'}) + '\n')
      continue
    }
    const result = postedit.fix(record.text, {apply})
    const findings = [...result.applied.map((fix) => fix.finding), ...result.remaining].sort((a, b) => a.start.offset - b.start.offset)
    const [report] = toJsonReport([{path: String(record.id ?? number), findings}]) as Array<{messages: unknown[]}>
    io.stdout(JSON.stringify({id: record.id ?? null, text: record.text, fixed: result.output, findings: report.messages}) + '\n')
  }
  return failed ? 2 : 0
}
