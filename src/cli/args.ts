/** Command-line parsing: node's parseArgs, one option table per command, usage errors as UsageError. */
import {parseArgs, type ParseArgsConfig} from 'node:util'

export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

type Options = NonNullable<ParseArgsConfig['options']>

export const COMMON_OPTIONS: Options = {
  rules: {type: 'string', multiple: true},
  'no-default-rules': {type: 'boolean'},
  disable: {type: 'string', multiple: true},
  from: {type: 'string'},
  'format-in': {type: 'string'},
  encoding: {type: 'string'},
  decisions: {type: 'string'},
  'no-decisions': {type: 'boolean'},
  color: {type: 'boolean'},
  'no-color': {type: 'boolean'},
  help: {type: 'boolean', short: 'h'},
}

export const COMMON_HELP = `
Rules:
  --rules PATH          also use the rule file, or the .yml files in the folder (repeatable)
  --no-default-rules    do not use the rule sets shipped in rules/
  --disable NAME        switch off a rule set or detector, or one rule as SET/RULE-ID (repeatable)
  --from LANG           source language of the translation, for name transliterations (default ru)
Input:
  --format-in FORMAT    read files as text, markdown, html, po, xliff, srt or vtt (default: by
                        extension: .md .html .htm .po .pot .xlf .xliff .srt .vtt; others text)
  --encoding NAME       read and write files in this encoding (default UTF-8, a UTF-16 byte order
                        mark, or the charset a PO, XLIFF or HTML file declares)
Decisions:
  --decisions FILE      review decisions to honour and record (default .postedit/decisions.json)
  --no-decisions        ignore remembered decisions
Output:
  --color, --no-color   force colour on or off (default: on when writing to a terminal)
  -h, --help            show this help`

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>
  positionals: string[]
}

export function parse(argv: string[], options: Options): Parsed {
  try {
    const {values, positionals} = parseArgs({args: argv, options: {...COMMON_OPTIONS, ...options}, allowPositionals: true, strict: true})
    return {values: values as Parsed['values'], positionals}
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0])
  }
}

export function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${String(value)}")`)
}
