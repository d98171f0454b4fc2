/**
 * Importing rule files written for other tools into postedit rule sets:
 * - prh dictionaries (textlint-rule-prh): each rule becomes a regex rule (prh matches substrings,
 *   optionally at word boundaries); `specs` become examples (from = to: allow texts); `imports`
 *   are followed; `regexpMustEmpty` cannot be expressed and is reported.
 * - Vale substitution rules: each `swap` entry becomes a regex rule (word-bounded unless
 *   `nonword`), with the rule's level and case setting.
 * What cannot be converted is listed, never silently dropped.
 */
import {readFileSync} from 'node:fs'
import {basename, dirname, extname, resolve} from 'node:path'
import {parse, stringify} from 'yaml'
import type {RuleSpec} from './load.js'

export interface ImportResult {
  name: string
  rules: RuleSpec[]
  skipped: Array<{what: string; why: string}>
}

function slug(text: string, fallback: string): string {
  const value = text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40)
  return value || fallback
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`
  used.add(id)
  return id
}

interface PrhRule {
  expected: string
  pattern?: string
  patterns?: string | string[]
  regexpMustEmpty?: string
  specs?: Array<{from: string; to: string}>
  options?: {wordBoundary?: boolean}
}

function prhPattern(pattern: string): {source: string; caseSensitive: boolean} {
  const regex = /^\/(.+)\/([a-z]*)$/s.exec(pattern)
  if (regex) return {source: regex[1], caseSensitive: !regex[2].includes('i')}
  return {source: escapeRegex(pattern), caseSensitive: true}
}

export function importPrh(path: string, seen = new Set<string>()): ImportResult {
  const file = resolve(path)
  const result: ImportResult = {name: slug(basename(path, extname(path)), 'prh'), rules: [], skipped: []}
  if (seen.has(file)) return result
  seen.add(file)
  const data = (parse(readFileSync(file, 'utf8')) ?? {}) as {rules?: PrhRule[]; imports?: Array<string | {path: string}>}
  const used = new Set<string>()
  for (const entry of data.imports ?? []) {
    const importPath = typeof entry === 'string' ? entry : entry.path
    try {
      const imported = importPrh(resolve(dirname(file), importPath), seen)
      for (const rule of imported.rules) result.rules.push({...rule, id: uniqueId(rule.id, used)})
      result.skipped.push(...imported.skipped)
      if (typeof entry !== 'string' && Object.keys(entry).some((key) => key !== 'path'))
        result.skipped.push({what: `import ${importPath}`, why: 'import options (disableImports, ignoreRules) are not converted; all its rules were taken'})
    } catch (error) {
      result.skipped.push({what: `import ${importPath}`, why: (error as Error).message})
    }
  }
  for (const [index, rule] of (data.rules ?? []).entries()) {
    const what = `rule ${index + 1} (expected: ${rule.expected})`
    if (typeof rule.expected !== 'string') {
      result.skipped.push({what, why: 'no "expected"'})
      continue
    }
    if (rule.regexpMustEmpty) {
      result.skipped.push({what, why: `regexpMustEmpty (${rule.regexpMustEmpty}) has no postedit equivalent; write an "unless" context by hand`})
      continue
    }
    const raw = rule.patterns ?? rule.pattern
    const patterns = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]
    // With no pattern, prh matches the expected word in any case (and width).
    const converted = patterns.length > 0 ? patterns.map(prhPattern) : [{source: escapeRegex(rule.expected), caseSensitive: false}]
    const boundary = rule.options?.wordBoundary ? '\\b' : ''
    const examples = (rule.specs ?? []).filter((spec) => spec.from !== spec.to).map((spec) => ({in: String(spec.from), out: String(spec.to)}))
    const allow = (rule.specs ?? []).filter((spec) => spec.from === spec.to).map((spec) => String(spec.from))
    result.rules.push({
      id: uniqueId(slug(rule.expected, `rule-${index + 1}`), used),
      message: `Use “${rule.expected}” (from the prh dictionary ${basename(path)}).`,
      category: 'terminology',
      level: 'warning',
      apply: 'review',
      regex: converted.map((pattern) => boundary + pattern.source + boundary),
      caseSensitive: converted.every((pattern) => pattern.caseSensitive),
      preserveCase: false,
      replace: rule.expected,
      ...(examples.length ? {examples} : {}),
      ...(allow.length ? {allow} : {}),
    })
  }
  return result
}

interface ValeRule {
  extends?: string
  message?: string
  level?: string
  ignorecase?: boolean
  nonword?: boolean
  swap?: Record<string, string>
  link?: string
}

export function importVale(path: string): ImportResult {
  const data = (parse(readFileSync(path, 'utf8')) ?? {}) as ValeRule
  const name = slug(basename(path, extname(path)), 'vale')
  const result: ImportResult = {name, rules: [], skipped: []}
  if (data.extends !== 'substitution') {
    result.skipped.push({what: basename(path), why: `a Vale "${data.extends ?? 'unknown'}" rule; only substitution rules convert`})
    return result
  }
  const level = data.level === 'error' ? 'error' : data.level === 'suggestion' ? 'suggestion' : 'warning'
  const used = new Set<string>()
  for (const [pattern, replacement] of Object.entries(data.swap ?? {})) {
    try {
      new RegExp(pattern, 'u')
    } catch (error) {
      result.skipped.push({what: `swap "${pattern}"`, why: `not a JavaScript regex: ${(error as Error).message}`})
      continue
    }
    const message = (data.message ?? "Prefer '%s' over '%s'.").replace('%s', replacement).replace('%s', pattern)
    const source = data.nonword ? pattern : `\\b(?:${pattern})\\b`
    result.rules.push({
      id: uniqueId(slug(replacement, 'swap'), used),
      message,
      category: 'style',
      level,
      apply: 'review',
      regex: source,
      caseSensitive: !data.ignorecase,
      replace: replacement,
      ...(data.link ? {url: data.link} : {}),
    })
  }
  return result
}

/** The imported rules as a postedit rule file. */
export function toRuleFile(result: ImportResult, from: string): string {
  const header = `# yaml-language-server: $schema=https://postedit.dev/schema/postedit-rules.schema.json\n# Imported from ${from} by postedit rules import.\n`
  return header + stringify({name: result.name, rules: result.rules}, {lineWidth: 0})
}
