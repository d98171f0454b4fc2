import {describe, expect, it} from 'vitest'
import {compileRuleSet} from '../../src/rules/compile.js'
import {importPrh, importVale, toRuleFile} from '../../src/rules/import.js'
import {parseRuleFile} from '../../src/rules/load.js'
import {runRuleExamples} from '../../src/rules/examples.js'
import {createPostedit} from '../../src/processor.js'

function load(text: string, name: string) {
  const set = parseRuleFile(text, name)
  return {set, compiled: compileRuleSet(set)}
}

describe('importing prh dictionaries', () => {
  const result = importPrh('tests/fixtures/prh/prh.yml')
  const {set, compiled} = load(toRuleFile(result, 'prh'), 'prh.yml')

  it('converts rules into a valid rule file, specs into examples', () => {
    expect(set.rules.length).toBe(7)
    const jquery = set.rules.find((rule) => rule.replace === 'jQuery')!
    expect(jquery.examples?.[0]).toEqual({in: 'jquery', out: 'jQuery'})
  })

  it('reports what it cannot convert instead of dropping it', () => {
    expect(result.skipped).toEqual([expect.objectContaining({why: expect.stringContaining('regexpMustEmpty')})])
  })

  it('the converted rules fix text as prh would, captures included', () => {
    const postedit = createPostedit({shippedRules: false, detectors: false}, [compiled])
    expect(postedit.fix('I use jquery and a COOKIE. (そのとおり)', {apply: 'review'}).output).toBe('I use jQuery and a Cookie. （そのとおり）')
    // The prh specs hold, except where prh folds full-width letters (ＪＱＵＥＲＹ), which postedit does not.
    const failing = runRuleExamples(set).filter((failure) => failure.kind !== 'no-examples')
    expect(failing.map((failure) => failure.input)).toEqual(['ＪＱＵＥＲＹ'])
  })
})

describe('importing Vale substitution rules', () => {
  it('turns each swap into a word-bounded regex rule with the level and case setting', () => {
    const result = importVale('tests/fixtures/vale/Microsoft/Terms.yml')
    const {compiled} = load(toRuleFile(result, 'vale'), 'terms.yml')
    expect(result.skipped).toEqual([])
    const postedit = createPostedit({shippedRules: false, detectors: false}, [compiled])
    expect(postedit.fix('Use the smart phone and the Anti-Virus afterwards, not afterwardsly.', {apply: 'review'}).output).toBe(
      'Use the phone and the antivirus afterward, not afterwardsly.',
    )
  })

  it('keeps symbols without word boundaries when the rule says nonword', () => {
    const {compiled} = load(toRuleFile(importVale('tests/fixtures/vale/proselint/Typography.yml'), 'vale'), 'typography.yml')
    const postedit = createPostedit({shippedRules: false, detectors: false}, [compiled])
    expect(postedit.fix('Acme (TM) waited...', {apply: 'review'}).output).toBe('Acme ™ waited…')
  })

  it('reports rules of other kinds as not converted', () => {
    const result = importVale('tests/fixtures/vale/Microsoft/Avoid.yml')
    expect(result.rules).toEqual([])
    expect(result.skipped[0].why).toContain('only substitution rules convert')
  })
})
