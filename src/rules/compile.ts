/**
 * Compiling rule specs into matchers: patterns become trie sequences, contexts become small
 * indexes or anchored regexes, replacements become templates. Every error names file, line, rule.
 */
import {parseSentences} from '../parse/chunked-english.js'
import {normalizeText} from '../parse/tokens.js'
import type {ApplyPolicy, Category, Level} from '../types.js'
import {RuleFileError, type LocatedRuleSpec, type RuleSetSource} from './load.js'
import {elementNames, expandParts, parsePattern, PatternError, type LiteralTokenizer, type PatternParts} from './pattern.js'
import {parseTemplate, TemplateError, type TemplatePart} from './replace.js'
import {TokenIndex} from './token-index.js'

export type Context =
  | {kind: 'tokens'; index: TokenIndex<true>; maxLength: number}
  | {kind: 'regex'; regex: RegExp}

export interface CompiledRule {
  spec: LocatedRuleSpec
  source: string
  id: string
  category: Category
  level: Level
  apply: ApplyPolicy
  priority: number
  caseSensitive: boolean
  preserveCase: boolean
  /** Token patterns, each with the replacements it takes (`match` + `replace`, or each `swap` pair). */
  variants: RuleVariant[]
  regexes: RegExp[]
  /** Replacements of `regex` rules. */
  replacements: TemplatePart[][]
  before: Context[]
  after: Context[]
  unlessBefore: Context[]
  unlessAfter: Context[]
  unlessMatch?: {index: TokenIndex<true>; maxLength: number}
  /** Mentions a document needs before the rule applies in it (the plugin indexes every rule's topic together). */
  documentTopic?: {patterns: PatternParts[]; min: number}
}

export interface RuleVariant {
  rule: CompiledRule
  /** Each pattern as its elements' spellings (see partsSequences for the sequences). */
  patterns: PatternParts[]
  replacements: TemplatePart[][]
}

export interface CompiledRuleSet {
  name: string
  path: string
  rules: CompiledRule[]
}

// The same parser documents go through, so a literal is cut into the tokens a document would be.
const literalCache = new Map<string, Array<{norm: string; exact: string}>>()

// Words of letters and digits, joined inside by hyphens or apostrophes, separated by single spaces:
// the parser cuts such text at the spaces and nowhere else (tested against it on every shipped
// literal and list name), so it need not be parsed. Start-up builds thousands of these.
const PLAIN_WORDS = /^[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*(?: [\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*)*$/u

/** Literal pattern text cut into tokens exactly as documents are cut. */
export const tokenizeLiteral: LiteralTokenizer = (text) => {
  let tokens = literalCache.get(text)
  if (!tokens) {
    tokens = PLAIN_WORDS.test(text) ? text.split(' ').map((word) => ({norm: normalizeText(word), exact: word})) : parseLiteral(text)
    literalCache.set(text, tokens)
  }
  return tokens
}

/** A literal cut by the document parser itself. */
export function parseLiteral(text: string): Array<{norm: string; exact: string}> {
  return parseSentences(text).flatMap((sentence) => sentence.tokens.map((token) => ({norm: token.norm, exact: token.text})))
}

function asList(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value]
}

function isRegexContext(pattern: string): RegExpExecArray | null {
  return /^\/(.+)\/([a-z]*)$/s.exec(pattern.trim())
}

// A context regex that names a letter case (\p{Lu}: "before a capitalized name") means it: under
// the i flag \p{Lu} and \p{Ll} match every letter, so such a context keeps its case even when the
// rule's words match in any case.
const NAMES_A_CASE = /\\p\{(?:Lu|Ll|Lt|Uppercase_Letter|Lowercase_Letter|Titlecase_Letter|Lowercase|Uppercase)\}/

export function compileRule(spec: LocatedRuleSpec, set: RuleSetSource): CompiledRule {
  const fail = (detail: string): never => {
    throw new RuleFileError(spec.file, spec.line, spec.id, detail)
  }
  const defaults = set.defaults
  // A regex states its own case (\p{Lu} under the i flag would match every letter), so regex
  // rules are case-sensitive unless they say otherwise.
  const caseSensitive = spec.caseSensitive ?? (spec.regex ? true : (defaults.caseSensitive ?? false))

  const compileParts = (pattern: string, what: string): PatternParts => {
    try {
      return expandParts(parsePattern(pattern), tokenizeLiteral)
    } catch (error) {
      if (error instanceof PatternError) return fail(`${what} "${pattern}": ${error.message}`)
      throw error
    }
  }
  const compileContexts = (patterns: string | string[] | undefined, where: 'before' | 'after', what: string): Context[] =>
    asList(patterns).map((pattern): Context => {
      const regex = isRegexContext(pattern)
      if (regex) {
        try {
          const source = where === 'before' ? `(?:${regex[1]})\\s*$` : `^\\s*(?:${regex[1]})`
          const ignoreCase = !caseSensitive && !NAMES_A_CASE.test(regex[1])
          return {kind: 'regex', regex: new RegExp(source, regex[2].replace(/[gy]/g, '') + (ignoreCase ? 'i' : ''))}
        } catch (error) {
          return fail(`${what}: invalid regex ${pattern}: ${(error as Error).message}`)
        }
      }
      return tokenContext([pattern], what)
    })
  const tokenContext = (patterns: string[], what: string): {kind: 'tokens'; index: TokenIndex<true>; maxLength: number} => {
    const index = new TokenIndex<true>()
    let maxLength = 0
    for (const pattern of patterns) {
      const parts = compileParts(pattern, what)
      index.addPattern(parts, true)
      maxLength = Math.max(maxLength, longestSpelling(parts))
    }
    return {kind: 'tokens', index, maxLength}
  }

  const regexes = asList(spec.regex).map((source) => {
    try {
      return new RegExp(source, caseSensitive ? 'gu' : 'giu')
    } catch (error) {
      return fail(`invalid regex "${source}": ${(error as Error).message}`)
    }
  })
  for (const regex of regexes) if (regex.test('')) fail(`regex "${regex.source}" matches the empty string`)

  const compileTemplates = (templates: string | string[] | undefined, patterns: string[], compiled: PatternParts[]): TemplatePart[][] => {
    const elementCount = Math.min(...patterns.map((pattern) => parsePattern(pattern).length))
    const lemmaElementCount = Math.min(...compiled.map(fewestLemmaElements))
    let names: Map<string, number> | undefined
    if (patterns.length > 0) {
      try {
        const all = patterns.map((pattern) => elementNames(parsePattern(pattern)))
        names = all[0]
        for (const other of all.slice(1))
          for (const [name, index] of other)
            if (names.get(name) !== index) fail(`element name "${name}" stands at different places in the patterns of one replacement`)
      } catch (error) {
        if (error instanceof PatternError) return fail(error.message)
        throw error
      }
    }
    return asList(templates).map((template) => {
      try {
        const parts = parseTemplate(template, names)
        for (const part of parts) {
          const capture = part.kind === 'capture' ? part.index : part.kind === 'inflect' ? part.capture : undefined
          if (capture !== undefined && patterns.length > 0 && capture > elementCount)
            fail(`replacement "${template}" uses $${capture}, but the pattern has ${elementCount} element${elementCount === 1 ? '' : 's'}`)
          if (part.kind === 'inflect' && part.lemmaSlot !== undefined && (patterns.length === 0 || part.lemmaSlot >= lemmaElementCount))
            fail(`replacement "${template}" re-inflects <${part.lemma}> like a matched word form, but the pattern has no <lemma> element for it; write <${part.lemma}:form>`)
        }
        return parts
      } catch (error) {
        if (error instanceof TemplateError) return fail(`replacement "${template}": ${error.message}`)
        throw error
      }
    })
  }

  const variantSpecs: Array<{patterns: string[]; replace: string | string[] | undefined}> = []
  if (spec.match) variantSpecs.push({patterns: asList(spec.match), replace: spec.replace})
  for (const [pattern, replace] of Object.entries(spec.swap ?? {})) variantSpecs.push({patterns: [pattern], replace})
  if (spec.swap && spec.replace !== undefined) fail('"swap" carries its own replacements; drop "replace"')

  const unlessMatch = spec.unless?.match ? tokenContext(asList(spec.unless.match), 'unless.match') : undefined
  const rule: CompiledRule = {
    spec,
    source: spec.origin ?? set.name,
    id: spec.id,
    category: spec.category ?? defaults.category ?? 'accuracy/mistranslation',
    level: spec.level ?? defaults.level ?? 'warning',
    apply: spec.apply ?? defaults.apply ?? 'review',
    priority: spec.priority ?? 0,
    caseSensitive,
    preserveCase: spec.preserveCase ?? defaults.preserveCase ?? true,
    variants: [],
    regexes,
    replacements: regexes.length > 0 ? compileTemplates(spec.replace, [], []) : [],
    before: compileContexts(spec.before, 'before', 'before'),
    after: compileContexts(spec.after, 'after', 'after'),
    unlessBefore: compileContexts(spec.unless?.before, 'before', 'unless.before'),
    unlessAfter: compileContexts(spec.unless?.after, 'after', 'unless.after'),
    unlessMatch: unlessMatch && {index: unlessMatch.index, maxLength: unlessMatch.maxLength},
    documentTopic: spec.document && {patterns: asList(spec.document.mentions).map((pattern) => compileParts(pattern, 'document.mentions')), min: spec.document.min ?? 2},
  }
  for (const {patterns, replace} of variantSpecs) {
    const compiled = patterns.map((pattern) => compileParts(pattern, spec.swap ? 'swap' : 'match'))
    rule.variants.push({rule, patterns: compiled, replacements: compileTemplates(replace, patterns, compiled)})
  }
  return rule
}

/** Tokens in the longest sequence the parts spell. */
function longestSpelling(parts: PatternParts): number {
  let length = 0
  for (const spellings of parts) length += Math.max(...spellings.map((spelling) => spelling.atoms.filter((atom) => atom.kind !== 'anchor').length))
  return length
}

/** Word-form elements in the sequence of the parts that has fewest. */
function fewestLemmaElements(parts: PatternParts): number {
  let count = 0
  for (const spellings of parts) count += Math.min(...spellings.map((spelling) => spelling.lemmaElements.size))
  return count
}

export function compileRuleSet(set: RuleSetSource): CompiledRuleSet {
  return {name: set.name, path: set.path, rules: set.rules.map((rule) => compileRule(rule, set))}
}
