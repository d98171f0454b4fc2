/**
 * Linting rule files: what a rule author wants to hear before users do — regexes that can
 * backtrack catastrophically, two rules matching the same words, a rule that fires on its own
 * output (a loop) or whose output another rule rewrites (a chain), a numbered capture that can only
 * copy a fixed word (a miscounted "$N"), and rules without examples.
 */
import {createPostedit} from '../processor.js'
import {compileRuleSet, type CompiledRule, type CompiledRuleSet, type RuleVariant} from './compile.js'
import {levelRank} from '../types.js'
import type {LocatedRuleSpec, RuleSetSource} from './load.js'
import {partsSequences, type Sequence} from './pattern.js'

export interface LintFinding {
  file: string
  line: number
  ruleId: string
  severity: 'error' | 'warning'
  kind: 'catastrophic-regex' | 'leading-lookbehind' | 'leading-regex-token' | 'duplicate-match' | 'shadowed' | 'fires-on-own-output' | 'chain' | 'no-examples' | 'no-allow' | 'fixed-capture'
  message: string
}

/**
 * Articles, prepositions and conjunctions: no replacement means to copy one, so a capture that can
 * only be one of them was miscounted. Not the detectors' FUNCTION_WORDS, which hold pronouns too: a
 * pattern's "[he]" copied as "$1" keeps the pronoun's written case on purpose.
 */
const NEVER_COPIED = new Set(['the', 'a', 'an', 'of', 'to', 'in', 'on', 'at', 'for', 'by', 'with', 'from', 'and', 'or', 'as', 'into', 'about'])

/** A quantified group that itself holds a quantifier: (a+)+, (\w*)*, (x|xy)+ — exponential on a near miss. */
const NESTED_QUANTIFIER = /\((?:\?:)?[^()]*[+*][^()]*\)[+*{]|\((?:\?:)?[^()]*\|[^()]*\)[+*]\S*[+*]/

function regexSources(rule: LocatedRuleSpec): string[] {
  const regexes = rule.regex === undefined ? [] : Array.isArray(rule.regex) ? rule.regex : [rule.regex]
  const patterns = [rule.match, ...Object.keys(rule.swap ?? {})].flat().filter((p): p is string => typeof p === 'string')
  const tokenRegexes = patterns.flatMap((pattern) => [...pattern.matchAll(/\/(.+?)\/[a-z]*(?=\s|$|\])/g)].map((m) => m[1]))
  return [...regexes, ...tokenRegexes]
}

// Large patterns are compiled as graphs of their parts; the checks below read every sequence, three
// times over, so each variant's are spelled out once.
const spelledOut = new WeakMap<RuleVariant, Sequence[]>()
function sequencesOf(variant: RuleVariant): Sequence[] {
  let sequences = spelledOut.get(variant)
  if (!sequences) spelledOut.set(variant, (sequences = variant.patterns.flatMap(partsSequences)))
  return sequences
}

/** A sequence as a key: its literals, and a marker for each class, regex or anchor. */
function sequenceKey(sequence: Sequence): string {
  return sequence.atoms.map((atom) => (atom.kind === 'literal' ? atom.norm : `\u0000${atom.kind}`)).join(' ')
}

export function lintRuleSets(sets: RuleSetSource[]): LintFinding[] {
  const findings: LintFinding[] = []
  const compiled: CompiledRuleSet[] = sets.map((set) => compileRuleSet(set))
  const at = (rule: LocatedRuleSpec) => ({file: rule.file, line: rule.line, ruleId: rule.id})

  for (const set of sets)
    for (const rule of set.rules) {
      if (!rule.examples?.length) findings.push({...at(rule), severity: 'warning', kind: 'no-examples', message: 'rule has no examples (in → out)'})
      if (!rule.allow?.length) findings.push({...at(rule), severity: 'warning', kind: 'no-allow', message: 'rule has no allow texts (what it must leave alone)'})
      for (const source of regexSources(rule))
        if (NESTED_QUANTIFIER.test(source))
          findings.push({...at(rule), severity: 'error', kind: 'catastrophic-regex', message: `regex /${source}/ nests quantifiers and can backtrack exponentially`})
      // A paragraph regex is run over whole paragraphs: a lookbehind it opens with is tried at
      // every character, where after the word it guards it is tried only where that word is.
      for (const source of rule.regex === undefined ? [] : [rule.regex].flat())
        if (source.startsWith('(?<='))
          findings.push({...at(rule), severity: 'warning', kind: 'leading-lookbehind', message: `regex /${source.slice(0, 40)}…/ opens with a lookbehind, tried at every character: start with the text it guards and look back from there (\\bby(?<=overtook [^.]*by) the)`})
    }

  // A /regex/ token that opens a pattern is an edge of the trie's root, tested against every token
  // of every text (a military rank spelled /general/ cost 70 ms per MB): open with a literal.
  for (const set of compiled)
    for (const rule of set.rules)
      if (rule.variants.some((variant) => sequencesOf(variant).some((sequence) => sequence.atoms[0]?.kind === 'regex')))
        findings.push({...at(rule.spec), severity: 'warning', kind: 'leading-regex-token', message: 'a pattern opens with a /regex/ token, tested at every token of every text: open with a literal or a class, and put the regex after it or in a context'})

  // Two rules that match the very same token sequence — unless one requires the context the other
  // rules out ("which already forced" after a plural, and not after one), so that never both apply,
  // or each is scoped to documents on its own topic ("Party of Freedom": Wilders's or Kickl's).
  const sameContexts = (a: string | string[] | undefined, b: string | string[] | undefined): boolean =>
    a !== undefined && JSON.stringify([a].flat()) === JSON.stringify([b].flat())
  const complementary = (a: LocatedRuleSpec, b: LocatedRuleSpec): boolean =>
    sameContexts(a.before, b.unless?.before) || sameContexts(b.before, a.unless?.before) || sameContexts(a.after, b.unless?.after) || sameContexts(b.after, a.unless?.after) ||
    (a.document !== undefined && b.document !== undefined && !sameContexts(a.document.mentions, b.document.mentions))
  const owners = new Map<string, LocatedRuleSpec>()
  for (const set of compiled)
    for (const rule of set.rules)
      for (const variant of rule.variants)
        for (const sequence of sequencesOf(variant)) {
          if (!sequence.atoms.every((atom) => atom.kind === 'literal')) continue
          const key = sequence.atoms.map((atom) => (atom.kind === 'literal' ? atom.norm : '')).join(' ')
          const owner = owners.get(key)
          if (owner && owner !== rule.spec && !(owner.file === rule.spec.file && owner.id === rule.spec.id) && !complementary(owner, rule.spec)) {
            findings.push({...at(rule.spec), severity: 'warning', kind: 'duplicate-match', message: `matches "${key}" like rule ${owner.id} (${owner.file}:${owner.line})`})
            break
          } else owners.set(key, rule.spec)
        }

  // Shadowed: every sequence a rule matches is also matched by one rule that wins over it (higher
  // priority, or equal priority and at least its level), so its own fix never applies.
  const bySequence = new Map<string, CompiledRule[]>()
  for (const set of compiled)
    for (const rule of set.rules)
      for (const variant of rule.variants)
        for (const sequence of sequencesOf(variant)) {
          const key = sequenceKey(sequence)
          const list = bySequence.get(key) ?? []
          if (!list.includes(rule)) list.push(rule)
          bySequence.set(key, list)
        }
  const wins = (a: CompiledRule, b: CompiledRule): boolean => a.priority > b.priority || (a.priority === b.priority && levelRank(a.level) > levelRank(b.level))
  for (const set of compiled)
    for (const rule of set.rules) {
      const keys = rule.variants.flatMap((variant) => sequencesOf(variant).map(sequenceKey))
      if (keys.length === 0) continue
      const winners = (bySequence.get(keys[0]) ?? []).filter((other) => other !== rule && wins(other, rule))
      const shadow = winners.find((winner) => keys.every((key) => bySequence.get(key)?.includes(winner)) && winner.before.length === 0 && winner.unlessBefore.length === 0 && winner.unlessAfter.length === 0 && winner.after.length === 0 && !winner.unlessMatch)
      if (shadow)
        findings.push({...at(rule.spec), severity: 'warning', kind: 'shadowed', message: `never applies: rule ${shadow.source}/${shadow.id} (${shadow.spec.file}:${shadow.spec.line}) matches all it matches and wins`})
    }

  // A numbered capture that can only be one fixed word copies that word: "$4" meant the choice after
  // it ("the decision of the [conflict|…]" → "the resolution of the $4" gave "the the"). Counting
  // elements by hand is where this goes wrong; a named capture cannot.
  for (const set of compiled)
    for (const rule of set.rules)
      for (const variant of rule.variants)
        for (const parts of variant.patterns)
          for (const replacement of variant.replacements)
            for (const part of replacement) {
              const index = part.kind === 'capture' ? part.index : part.kind === 'inflect' ? part.capture : undefined
              const element = index === undefined ? undefined : parts[index - 1]
              if (!element || element.length !== 1 || element[0].atoms.length !== 1 || element[0].atoms[0].kind !== 'literal') continue
              // A content word or a pronoun copied is a deliberate "[he]" or "[system]" that keeps its written case.
              if (!NEVER_COPIED.has(element[0].atoms[0].norm)) continue
              findings.push({...at(rule.spec), severity: 'warning', kind: 'fixed-capture', message: `"$${index}" can only copy the word "${element[0].atoms[0].exact}": check the element it counts to, or name the capture`})
            }

  // Loops and chains: what the rules do to each rule's example output.
  const all = createPostedit({shippedRules: false, detectors: false}, compiled)
  for (const set of sets)
    for (const rule of set.rules)
      for (const example of rule.examples ?? []) {
        if (example.out === undefined) continue
        const changed = changedRegion(example.in, example.out)
        for (const finding of all.check(example.out).findings) {
          // Only what the rule wrote counts: other garbles in the example sentence are not chains.
          if (finding.expected.length === 0 || finding.end.offset < changed.start || finding.start.offset > changed.end) continue
          const own = finding.source === set.name && finding.ruleId === rule.id
          findings.push({
            ...at(rule),
            severity: own ? 'error' : 'warning',
            kind: own ? 'fires-on-own-output' : 'chain',
            message: own
              ? `fires again on its own output "${example.out}" (a fix loop)`
              : `its output "${example.out}" is rewritten by ${finding.source}/${finding.ruleId} (“${finding.actual}” → “${finding.expected[0]}”)`,
          })
        }
      }
  return findings
}

/** Where `after` differs from `before` (in `after`'s offsets), by trimming their common ends. */
function changedRegion(before: string, after: string): {start: number; end: number} {
  let start = 0
  while (start < before.length && start < after.length && before[start] === after[start]) start++
  let suffix = 0
  while (suffix < before.length - start && suffix < after.length - start && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++
  return {start, end: after.length - suffix}
}
