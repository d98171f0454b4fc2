/**
 * Running the examples a rule carries: every `in` must be flagged by the rule and, with its first
 * suggestions applied, read as `out`; every `allow` text must not be flagged by it.
 */
import {createPostedit} from '../processor.js'
import {compileRuleSet} from './compile.js'
import type {LocatedRuleSpec, RuleSetSource} from './load.js'

export interface ExampleFailure {
  file: string
  line: number
  ruleId: string
  kind: 'not-flagged' | 'wrong-output' | 'flagged-allowed' | 'no-examples' | 'out-without-replacement'
  input: string
  expected?: string
  actual?: string
}

function runRule(set: RuleSetSource, rule: LocatedRuleSpec): ExampleFailure[] {
  const failures: ExampleFailure[] = []
  const base = {file: rule.file, line: rule.line, ruleId: rule.id}
  // Examples show what the rule suggests, so suggestions are applied whatever the apply policy.
  const probe = {...rule, apply: rule.apply === 'never' ? ('review' as const) : rule.apply}
  const postedit = createPostedit({detectors: false, shippedRules: false}, [compileRuleSet({...set, rules: [probe]})])
  const hasReplacement = rule.replace !== undefined || rule.swap !== undefined
  if (!rule.examples || rule.examples.length === 0) failures.push({...base, kind: 'no-examples', input: ''})
  for (const example of rule.examples ?? []) {
    const findings = postedit.check(example.in).findings
    if (findings.length === 0) {
      failures.push({...base, kind: 'not-flagged', input: example.in})
      continue
    }
    if (example.out === undefined) continue
    if (!hasReplacement) {
      failures.push({...base, kind: 'out-without-replacement', input: example.in, expected: example.out})
      continue
    }
    const output = postedit.fix(example.in, {apply: 'review'}).output
    if (output !== example.out) failures.push({...base, kind: 'wrong-output', input: example.in, expected: example.out, actual: output})
  }
  for (const allowed of rule.allow ?? []) {
    const findings = postedit.check(allowed).findings
    if (findings.length > 0) failures.push({...base, kind: 'flagged-allowed', input: allowed, actual: findings.map((f) => f.actual).join(', ')})
  }
  return failures
}

export function runRuleExamples(set: RuleSetSource): ExampleFailure[] {
  return set.rules.flatMap((rule) => runRule(set, rule))
}
