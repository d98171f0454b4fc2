/** The postedit command. Errors a user can act on print one line and exit 2, never a stack trace. */
import {readFileSync} from 'node:fs'
import {RuleFileError} from '../rules/load.js'
import {UsageError} from './args.js'
import {InputError, readStdin} from './io.js'
import {runRules} from './rules-command.js'
import {HELP, runApply, runCheck, runDiff, runFix, runReview, runStats, runStream, type Io} from './run.js'

const COMMANDS: Record<string, (argv: string[], io: Io) => number | Promise<number>> = {
  check: runCheck,
  fix: runFix,
  diff: runDiff,
  apply: runApply,
  stats: runStats,
  stream: runStream,
  rules: runRules,
  review: (argv, io) =>
    runReview(argv, io, io.isTTY && io.stdinIsTTY ? {input: process.stdin, output: process.stdout, color: !process.env.NO_COLOR} : undefined),
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      io.stdout(HELP.main + '\n')
      return command === undefined ? 2 : 0
    }
    if (command === '--version' || command === '-v') {
      const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}
      io.stdout(pkg.version + '\n')
      return 0
    }
    const run = COMMANDS[command]
    if (!run) throw new UsageError(`unknown command "${command}" (expected ${Object.keys(COMMANDS).join(', ')})`)
    return await run(rest, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`postedit: ${error.message}\nRun "postedit ${COMMANDS[command ?? ''] ? command + ' ' : ''}--help" for usage.\n`)
      return 2
    }
    if (error instanceof InputError || error instanceof RuleFileError) {
      io.stderr(`postedit: ${error.message}\n`)
      return 2
    }
    throw error
  }
}

export const processIo: Io = {
  stdinStream: process.stdin,
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  stdin: readStdin,
  isTTY: Boolean(process.stdout.isTTY),
  stdinIsTTY: Boolean(process.stdin.isTTY),
}

