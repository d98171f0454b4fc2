/**
 * Reading rule files: YAML → validated rule specs that remember their file and line.
 * Every error names the file, the line and (where there is one) the rule id.
 */
import {readFileSync, readdirSync, statSync} from 'node:fs'
import {basename, extname, join, resolve, dirname} from 'node:path'
import {fileURLToPath} from 'node:url'
import {LineCounter, parse as parseYaml, parseDocument, isMap, isSeq, type Node as YamlNode} from 'yaml'
import {Ajv, type ErrorObject} from 'ajv'
import {hashOf, readCache, writeCache} from '../cache.js'
import type {ApplyPolicy, Category, Level} from '../types.js'

export interface RuleExample {
  in: string
  out?: string
}

export interface RuleSpec {
  id: string
  message: string
  category?: Category
  level?: Level
  apply?: ApplyPolicy
  priority?: number
  match?: string | string[]
  regex?: string | string[]
  replace?: string | string[]
  swap?: Record<string, string | string[]>
  before?: string | string[]
  after?: string | string[]
  unless?: {before?: string | string[]; after?: string | string[]; match?: string | string[]}
  /** The rule fires only in documents (or windows of long ones) that mention its topic often enough. */
  document?: {mentions: string | string[]; min?: number}
  caseSensitive?: boolean
  preserveCase?: boolean
  note?: string
  url?: string
  examples?: RuleExample[]
  allow?: string[]
}

export interface RuleSetDefaults {
  category?: Category
  level?: Level
  apply?: ApplyPolicy
  caseSensitive?: boolean
  preserveCase?: boolean
}

export interface LocatedRuleSpec extends RuleSpec {
  file: string
  line: number
  /** The rule set an imported rule comes from; its messages carry that name as `source`. */
  origin?: string
}

export interface RuleSetSource {
  name: string
  path: string
  description?: string
  defaults: RuleSetDefaults
  rules: LocatedRuleSpec[]
  imports?: string[]
  disable?: string[]
  override?: Record<string, Pick<RuleSpec, 'level' | 'apply' | 'category' | 'priority'>>
}

export class RuleFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly ruleId: string | undefined,
    readonly detail: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}${ruleId ? ` (rule ${ruleId})` : ''}: ${detail}`)
    this.name = 'RuleFileError'
  }
}

export const SHIPPED_RULES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../rules')

/**
 * A data list shipped in rules/lists/ (names, people, titles, organizations, variants), parsed
 * once and cached as JSON by content hash: YAML parsing of people.yml alone took ~65 ms of every
 * start-up (and of every worker's).
 */
export function readShippedList<T>(file: string): T {
  const source = readFileSync(join(SHIPPED_RULES_DIR, 'lists', file), 'utf8')
  const name = `list-${basename(file, extname(file))}-${hashOf(source)}.json`
  const cached = readCache(name)
  if (cached !== undefined) {
    try {
      return JSON.parse(cached) as T
    } catch {
      // A damaged cache entry is parsed again below.
    }
  }
  const value = parseYaml(source) as T
  writeCache(name, JSON.stringify(value))
  return value
}
const SCHEMA_PATH = join(SHIPPED_RULES_DIR, 'postedit-rules.schema.json')

let validator: ReturnType<Ajv['compile']> | undefined
function validate(data: unknown): ErrorObject[] {
  if (!validator) {
    const ajv = new Ajv({allErrors: true, strict: false})
    validator = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')))
  }
  return validator(data) ? [] : (validator.errors ?? [])
}

function lineOf(node: YamlNode | null | undefined, counter: LineCounter): number | undefined {
  const offset = node?.range?.[0]
  return offset === undefined ? undefined : counter.linePos(offset).line
}

/** The most useful of ajv's errors for one place: drop oneOf noise when a clearer error exists. */
function describe(error: ErrorObject): string {
  const where = error.instancePath.replace(/^\/rules\/\d+/, '').replace(/^\//, '').replace(/\//g, '.')
  const field = where ? `"${where}" ` : ''
  if (error.keyword === 'additionalProperties')
    return `unknown field "${(error.params as {additionalProperty: string}).additionalProperty}"${where ? ` in "${where}"` : ''}`
  if (error.keyword === 'enum')
    return `${field}must be one of ${(error.params as {allowedValues: string[]}).allowedValues.join(', ')}`
  if (error.keyword === 'oneOf' && /^\/rules\/\d+$/.test(error.instancePath)) return 'needs exactly one of "match", "swap" or "regex"'
  if (error.keyword === 'oneOf') return `${field}must be a string or a list of strings`
  if (error.keyword === 'required') return `missing required field "${(error.params as {missingProperty: string}).missingProperty}"`
  return `${field}${error.message ?? 'is invalid'}`
}

export function parseRuleFile(text: string, file: string): RuleSetSource {
  const counter = new LineCounter()
  const document = parseDocument(text, {lineCounter: counter, prettyErrors: false, uniqueKeys: true})
  if (document.errors.length > 0) {
    const error = document.errors[0]
    const line = error.linePos?.[0]?.line ?? counter.linePos(error.pos[0]).line
    throw new RuleFileError(file, line, undefined, `invalid YAML: ${error.message.split('\n')[0]}`)
  }
  const data = document.toJS() as unknown
  const rulesNode = isMap(document.contents) ? document.contents.get('rules', true) : undefined
  const ruleNodes = isSeq(rulesNode) ? rulesNode.items : []
  const ruleLine = (index: number): number | undefined => lineOf(ruleNodes[index] as YamlNode, counter) ?? lineOf(document.contents, counter)
  const ruleIdAt = (index: number): string | undefined => {
    const rules = (data as {rules?: Array<{id?: unknown}>})?.rules
    const id = Array.isArray(rules) ? rules[index]?.id : undefined
    return typeof id === 'string' ? id : undefined
  }

  const errors = validate(data)
  if (errors.length > 0) {
    // A oneOf failure also reports why each branch failed; those branch errors only confuse.
    const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath))
    const useful = errors.filter((e) => !(/\/oneOf\/\d+\//.test(e.schemaPath) && oneOfPaths.has(e.instancePath)))
    const error = useful.find((e) => e.keyword !== 'oneOf') ?? useful[0] ?? errors[0]
    const ruleIndex = /^\/rules\/(\d+)/.exec(error.instancePath)
    if (ruleIndex) {
      const index = Number(ruleIndex[1])
      const path = error.instancePath.split('/').slice(1).map((part) => (/^\d+$/.test(part) ? Number(part) : part))
      let node = document.getIn(path, true) as YamlNode | undefined
      if (error.keyword === 'additionalProperties' && isMap(node)) {
        const field = (error.params as {additionalProperty: string}).additionalProperty
        const pair = node.items.find((item) => String((item.key as {value?: unknown})?.value ?? item.key) === field)
        node = (pair?.key as YamlNode | undefined) ?? node
      }
      throw new RuleFileError(file, lineOf(node, counter) ?? ruleLine(index), ruleIdAt(index), describe(error))
    }
    throw new RuleFileError(file, lineOf(document.contents, counter) ?? 1, undefined, describe(error))
  }

  const set = data as {name?: string; description?: string; defaults?: RuleSetDefaults; rules?: RuleSpec[]} & Pick<RuleSetSource, 'imports' | 'disable' | 'override'>
  const seen = new Map<string, number>()
  const rules = (set.rules ?? []).map((rule, index): LocatedRuleSpec => {
    const line = ruleLine(index) ?? 1
    const previous = seen.get(rule.id)
    if (previous !== undefined)
      throw new RuleFileError(file, line, rule.id, `duplicate rule id (first defined on line ${previous})`)
    seen.set(rule.id, line)
    return {...rule, file, line}
  })
  return {
    name: set.name ?? basename(file, extname(file)),
    path: file,
    description: set.description,
    defaults: set.defaults ?? {},
    rules,
    ...(set.imports ? {imports: set.imports} : {}),
    ...(set.disable ? {disable: set.disable} : {}),
    ...(set.override ? {override: set.override} : {}),
  }
}

export function isRuleFile(path: string): boolean {
  return /\.ya?ml$/i.test(path)
}

/**
 * Rule files at a path: the file itself, or every .yml/.yaml file directly in a folder, sorted.
 * Sub-folders are not read: `rules/lists/` holds word lists, not rules.
 */
export function ruleFilesAt(path: string): string[] {
  let stats
  try {
    stats = statSync(path)
  } catch {
    throw new RuleFileError(path, undefined, undefined, 'no such rule file or folder')
  }
  if (stats.isFile()) return [path]
  const files: string[] = []
  for (const entry of readdirSync(path, {withFileTypes: true}).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isFile() && isRuleFile(entry.name) && !entry.name.startsWith('.')) files.push(join(path, entry.name))
  }
  if (files.length === 0) throw new RuleFileError(path, undefined, undefined, 'folder holds no .yml rule files')
  return files
}

const PARSER_VERSION = '2'
let schemaText: string | undefined

/**
 * A rule file with its imports resolved: imported rules first (keeping their set's name and
 * defaults), then this file's own, which replace imported rules of the same id; `disable` and
 * `override` then apply to the imported ones. Unknown ids and import cycles are errors.
 */
export function loadRuleFile(path: string, importing: string[] = []): RuleSetSource {
  const own = parseRuleFileAt(path)
  if (!own.imports?.length && !own.disable && !own.override) return own
  const file = resolve(path)
  if (importing.includes(file)) throw new RuleFileError(path, 1, undefined, `import cycle: ${[...importing, file].map((f) => basename(f)).join(' → ')}`)
  const imported: LocatedRuleSpec[] = []
  for (const entry of own.imports ?? []) {
    const target = resolve(dirname(file), entry)
    const set = loadRuleFile(target, [...importing, file])
    for (const rule of set.rules) {
      const origin = rule.origin ?? set.name
      // An imported rule takes its own file's defaults with it.
      imported.push({...set.defaults, ...rule, origin})
    }
  }
  const key = (rule: LocatedRuleSpec): string => `${rule.origin ?? own.name}/${rule.id}`
  const find = (name: string): LocatedRuleSpec[] => imported.filter((rule) => rule.id === name || key(rule) === name)
  for (const name of own.disable ?? []) {
    const matches = find(name)
    if (matches.length === 0) throw new RuleFileError(path, undefined, name, 'disable names no imported rule')
    for (const rule of matches) imported.splice(imported.indexOf(rule), 1)
  }
  for (const [name, changes] of Object.entries(own.override ?? {})) {
    const matches = find(name)
    if (matches.length === 0) throw new RuleFileError(path, undefined, name, 'override names no imported rule')
    for (const rule of matches) Object.assign(rule, changes)
  }
  const ownIds = new Set(own.rules.map((rule) => rule.id))
  return {...own, rules: [...imported.filter((rule) => !ownIds.has(rule.id)), ...own.rules]}
}

function parseRuleFileAt(path: string): RuleSetSource {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new RuleFileError(path, undefined, undefined, `cannot read: ${(error as Error).message}`)
  }
  // Parsing YAML and validating against the schema is most of start-up; a valid file's result is
  // kept by content hash (an invalid file is never cached, so its error is always reported).
  schemaText ??= readFileSync(SCHEMA_PATH, 'utf8')
  const key = `rules-${hashOf(PARSER_VERSION, schemaText, basename(path), text)}.json`
  const cached = readCache(key)
  if (cached) {
    try {
      const source = JSON.parse(cached) as RuleSetSource
      return {...source, path, rules: source.rules.map((rule) => ({...rule, file: path}))}
    } catch {
      // A damaged cache entry is parsed again and replaced.
    }
  }
  const source = parseRuleFile(text, path)
  writeCache(key, JSON.stringify(source))
  return source
}

/** The rule files postedit ships (rules/*.yml). */
export function shippedRuleFiles(): string[] {
  return ruleFilesAt(SHIPPED_RULES_DIR)
}
