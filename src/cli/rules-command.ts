/**
 * postedit rules test [PATHS]: run every rule's examples and allow texts, like a test runner —
 * failures name the rule, file:line, what was expected and what came out, with the difference
 * marked. Exit 1 on any failure, so rule repositories can run it in CI.
 */
import {diffWordsWithSpace} from 'diff'
import {styleText} from 'node:util'
import {runRuleExamples, type ExampleFailure} from '../rules/examples.js'
import {loadRuleFile, parseRuleFile, ruleFilesAt, shippedRuleFiles} from '../rules/load.js'
import {importPrh, importVale, toRuleFile} from '../rules/import.js'
import {InputError, readInput, writeAtomic} from './io.js'
import {candidatesToRuleFile, mineCandidates, type TextPair} from '../rules/mine.js'
import {existsSync, statSync} from 'node:fs'
import {collectFiles} from '../batch/files.js'
import {join, relative} from 'node:path'
import {compileRuleSet} from '../rules/compile.js'
import {lintRuleSets} from '../rules/lint.js'
import {parse, UsageError, COMMON_HELP} from './args.js'
import type {Io} from './run.js'

export const RULES_HELP = `Usage: postedit rules test|lint [PATHS…]
       postedit rules import FILE --from prh|vale [--out FILE]
       postedit rules mine MT EDITED [--min N] [--out FILE]

  test   run the examples (in → out) and allow texts of every rule
  lint   report catastrophic regexes, rules matching the same words, rules that fire on their own
         output (loops) or whose output another rule rewrites (chains), missing examples
  mine   align machine output (file or folder) with its post-edit (file or folder with the same
         file names), collect the substitutions editors made N or more times (--min, default 2)
         and print them as candidate rules, most frequent first, with their occurrences as examples
  import convert a prh dictionary or a Vale substitution rule into a postedit rule file (stdout,
         or --out FILE); what cannot be converted is listed on stderr

PATHS are rule files or folders (default: the shipped rule sets). Exit 0 when all is well, 1 on a
failing example or a lint error, 2 on malformed files.
${COMMON_HELP}`

const KIND: Record<ExampleFailure['kind'], string> = {
  'not-flagged': 'example not flagged',
  'wrong-output': 'example fixed differently',
  'flagged-allowed': 'allowed text flagged',
  'no-examples': 'rule has no examples',
  'out-without-replacement': 'example has "out" but the rule has no replacement',
}

function marked(expected: string, actual: string, color: boolean): {expected: string; actual: string} {
  let left = ''
  let right = ''
  for (const part of diffWordsWithSpace(expected, actual)) {
    if (part.added) right += color ? styleText(['green', 'underline'], part.value) : `{+${part.value}+}`
    else if (part.removed) left += color ? styleText(['red', 'underline'], part.value) : `[-${part.value}-]`
    else {
      left += part.value
      right += part.value
    }
  }
  return {expected: left, actual: right}
}

export function runRules(argv: string[], io: Io): number {
  const [subcommand, ...rest] = argv
  if (subcommand === undefined || subcommand === '--help' || subcommand === '-h') return io.stdout(RULES_HELP + '\n'), subcommand ? 0 : 2
  if (!['test', 'lint', 'import', 'mine'].includes(subcommand)) throw new UsageError(`unknown rules command "${subcommand}" (expected test, lint, import or mine)`)
  const {values, positionals} = parse(rest, {from: {type: 'string'}, out: {type: 'string'}, min: {type: 'string'}})
  if (subcommand === 'mine') {
    if (values.help) return io.stdout(RULES_HELP + '\n'), 0
    if (positionals.length !== 2) throw new UsageError('rules mine takes the machine output and its post-edit (two files or two folders)')
    const minimum = values.min === undefined ? 2 : Number(values.min)
    if (!Number.isInteger(minimum) || minimum < 1) throw new UsageError('--min must be a whole number of at least 1')
    const pairs = textPairs(positionals[0], positionals[1])
    const candidates = mineCandidates(pairs, minimum)
    const text = candidatesToRuleFile(candidates, `${positionals[0]} → ${positionals[1]}`)
    if (values.out) writeAtomic(values.out as string, text)
    else io.stdout(text)
    io.stderr(`postedit: ${pairs.length} pair${pairs.length === 1 ? '' : 's'}, ${candidates.length} candidate rule${candidates.length === 1 ? '' : 's'} seen at least ${minimum}×\n`)
    return 0
  }
  if (subcommand === 'import') {
    if (values.help) return io.stdout(RULES_HELP + '\n'), 0
    if (positionals.length !== 1) throw new UsageError('rules import takes one file')
    if (values.from !== 'prh' && values.from !== 'vale') throw new UsageError('rules import needs --from prh or --from vale')
    const [file] = positionals
    let result
    try {
      result = values.from === 'prh' ? importPrh(file) : importVale(file)
    } catch (error) {
      throw new InputError(file, (error as Error).message)
    }
    const text = toRuleFile(result, `${values.from} ${file}`)
    // The converted file must load like any rule file.
    compileRuleSet(parseRuleFile(text, (values.out as string | undefined) ?? `${result.name}.yml`))
    if (values.out) writeAtomic(values.out as string, text)
    else io.stdout(text)
    for (const skipped of result.skipped) io.stderr(`postedit: not converted: ${skipped.what}: ${skipped.why}\n`)
    io.stderr(`postedit: ${result.rules.length} rule${result.rules.length === 1 ? '' : 's'} converted, ${result.skipped.length} not\n`)
    return result.rules.length > 0 ? 0 : 1
  }
  if (values.help) return io.stdout(RULES_HELP + '\n'), 0
  if (subcommand === 'lint') {
    const files = positionals.length > 0 ? positionals.flatMap((path) => ruleFilesAt(path)) : shippedRuleFiles()
    const findings = lintRuleSets(files.map((file) => loadRuleFile(file)))
    for (const finding of findings) io.stdout(`${finding.file}:${finding.line}  ${finding.ruleId}  ${finding.severity}  ${finding.kind}: ${finding.message}\n`)
    const errors = findings.filter((finding) => finding.severity === 'error').length
    io.stdout(`${files.length} file${files.length === 1 ? '' : 's'}: ${errors} error${errors === 1 ? '' : 's'}, ${findings.length - errors} warning${findings.length - errors === 1 ? '' : 's'}\n`)
    return errors > 0 ? 1 : 0
  }
  const color = Boolean(values.color) || (io.isTTY && !values['no-color'] && !process.env.NO_COLOR)
  const files = positionals.length > 0 ? positionals.flatMap((path) => ruleFilesAt(path)) : shippedRuleFiles()
  let rules = 0
  let examples = 0
  const failures: ExampleFailure[] = []
  for (const file of files) {
    const set = loadRuleFile(file)
    compileRuleSet(set)
    rules += set.rules.length
    examples += set.rules.reduce((total, rule) => total + (rule.examples?.length ?? 0) + (rule.allow?.length ?? 0), 0)
    failures.push(...runRuleExamples(set))
  }
  for (const failure of failures) {
    io.stdout(`${failure.file}:${failure.line}  ${failure.ruleId}  ${KIND[failure.kind]}\n`)
    if (failure.input) io.stdout(`  in:       ${failure.input}\n`)
    if (failure.kind === 'wrong-output' && failure.expected !== undefined && failure.actual !== undefined) {
      const diff = marked(failure.expected, failure.actual, color)
      io.stdout(`  expected: ${diff.expected}\n  actual:   ${diff.actual}\n`)
    } else if (failure.actual) io.stdout(`  flagged:  ${failure.actual}\n`)
  }
  const summary = `${files.length} file${files.length === 1 ? '' : 's'}, ${rules} rules, ${examples} examples and allow texts: ${failures.length === 0 ? 'all hold' : `${failures.length} failing`}`
  io.stdout((failures.length ? '\n' : '') + (color ? styleText(failures.length ? 'red' : 'green', summary) : summary) + '\n')
  return failures.length === 0 ? 0 : 1
}

/** Pairs of machine output and post-edit: two files, or two folders matched by relative path. */
function textPairs(machine: string, edited: string): TextPair[] {
  if (!existsSync(machine)) throw new InputError(machine, 'no such file or folder')
  if (!existsSync(edited)) throw new InputError(edited, 'no such file or folder')
  if (statSync(machine).isFile()) return [{name: machine, machine: readInput(machine).text, edited: readInput(edited).text}]
  const pairs: TextPair[] = []
  for (const path of collectFiles([machine])) {
    const counterpart = join(edited, relative(machine, path))
    if (!existsSync(counterpart)) continue
    pairs.push({name: path, machine: readInput(path).text, edited: readInput(counterpart).text})
  }
  if (pairs.length === 0) throw new InputError(edited, `holds no post-edits with the names of the files in ${machine}`)
  return pairs
}
