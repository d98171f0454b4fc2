import {describe, expect, it} from 'vitest'
import {compileRuleSet} from '../../src/rules/compile.js'
import {parseRuleFile, RuleFileError} from '../../src/rules/load.js'

function errorOf(yaml: string, compile = false): RuleFileError {
  try {
    const set = parseRuleFile(yaml, 'house.yml')
    if (compile) compileRuleSet(set)
  } catch (error) {
    if (error instanceof RuleFileError) return error
    throw error
  }
  throw new Error('expected a RuleFileError')
}

describe('malformed rule files name file, line and rule', () => {
  it('invalid YAML', () => {
    const error = errorOf('rules:\n  - id: a\n    message: [unclosed\n')
    expect(error.message).toMatch(/^house\.yml:\d+: invalid YAML/)
  })

  it('an unknown field, with the line of the field', () => {
    const error = errorOf('rules:\n  - id: first\n    message: ok\n    match: x\n  - id: second\n    message: ok\n    match: y\n    replce: z\n')
    expect(error).toMatchObject({file: 'house.yml', line: 8, ruleId: 'second'})
    expect(error.message).toContain('unknown field "replce"')
  })

  it('a wrong enum value', () => {
    const error = errorOf('rules:\n  - id: a\n    message: ok\n    match: x\n    level: fatal\n')
    expect(error).toMatchObject({line: 5, ruleId: 'a'})
    expect(error.message).toContain('error, warning, suggestion')
  })

  it('a rule with neither match nor regex', () => {
    const error = errorOf('rules:\n  - id: a\n    message: ok\n')
    expect(error).toMatchObject({line: 2, ruleId: 'a'})
    expect(error.message).toContain('"match", "swap" or "regex"')
  })

  it('duplicate ids', () => {
    const error = errorOf('rules:\n  - id: a\n    message: ok\n    match: x\n  - id: a\n    message: ok\n    match: y\n')
    expect(error).toMatchObject({line: 5, ruleId: 'a'})
    expect(error.message).toContain('first defined on line 2')
  })

  it('an invalid regex is rejected at load with the rule id', () => {
    const error = errorOf('rules:\n  - id: broken\n    message: ok\n    regex: "(unclosed"\n', true)
    expect(error).toMatchObject({line: 2, ruleId: 'broken'})
    expect(error.message).toContain('invalid regex')
  })

  it('a bad pattern and a replacement that uses a missing capture', () => {
    expect(errorOf('rules:\n  - id: p\n    message: ok\n    match: "[a|b"\n', true).message).toContain('unbalanced "["')
    expect(errorOf('rules:\n  - id: c\n    message: ok\n    match: a b\n    replace: $3\n', true).message).toContain('uses $3')
    expect(errorOf('rules:\n  - id: k\n    message: ok\n    match: "@Name"\n', true).message).toContain('unknown token class')
  })
})

describe('well-formed rule files', () => {
  it('take the file name as the set name and apply defaults', () => {
    const set = parseRuleFile('defaults: {level: error}\nrules:\n  - id: a\n    message: ok\n    match: x\n', 'rules/house-style.yml')
    expect(set.name).toBe('house-style')
    const [rule] = compileRuleSet(set).rules
    expect(rule).toMatchObject({level: 'error', apply: 'review', category: 'accuracy/mistranslation', source: 'house-style'})
  })
})

describe('the parsed-rule cache', () => {
  it('gives the same rules for the same file, re-reads an edited one, and never hides an error', async () => {
    const {loadRuleFile} = await import('../../src/rules/load.js')
    const {tempDir} = await import('../helpers.js')
    const {writeFileSync} = await import('node:fs')
    const {join} = await import('node:path')
    const file = join(tempDir(), 'house.yml')
    writeFileSync(file, 'rules:\n  - id: a\n    message: ok\n    match: x\n')
    const first = loadRuleFile(file)
    expect(loadRuleFile(file)).toEqual(first)
    writeFileSync(file, 'rules:\n  - id: b\n    message: ok\n    match: y\n')
    expect(loadRuleFile(file).rules.map((rule) => rule.id)).toEqual(['b'])
    writeFileSync(file, 'rules:\n  - id: b\n    message: ok\n    match: y\n    level: fatal\n')
    expect(() => loadRuleFile(file)).toThrow(/must be one of/)
  })
})

describe('rule files that import others', () => {
  it('take imported rules, disable and override them by id, and replace them with their own', async () => {
    const {loadRuleFile} = await import('../../src/rules/load.js')
    const {tempDir} = await import('../helpers.js')
    const {writeFileSync, mkdirSync} = await import('node:fs')
    const {join} = await import('node:path')
    const dir = tempDir()
    mkdirSync(join(dir, 'shared'))
    writeFileSync(
      join(dir, 'shared', 'base.yml'),
      'defaults: {level: error}\nrules:\n  - {id: a, message: base a, match: x}\n  - {id: b, message: base b, match: y}\n  - {id: c, message: base c, match: z}\n',
    )
    writeFileSync(
      join(dir, 'house.yml'),
      'imports: [shared/base.yml]\ndisable: [b]\noverride: {base/c: {level: suggestion, apply: auto}}\nrules:\n  - {id: a, message: house a, match: x}\n  - {id: d, message: house d, match: w}\n',
    )
    const set = compileRuleSet(loadRuleFile(join(dir, 'house.yml')))
    expect(set.rules.map((rule) => [rule.source, rule.id, rule.level, rule.apply, rule.spec.message])).toEqual([
      ['base', 'c', 'suggestion', 'auto', 'base c'],
      ['house', 'a', 'warning', 'review', 'house a'],
      ['house', 'd', 'warning', 'review', 'house d'],
    ])
  })

  it('name the file and id for an unknown disable, and refuse import cycles', async () => {
    const {loadRuleFile} = await import('../../src/rules/load.js')
    const {tempDir} = await import('../helpers.js')
    const {writeFileSync} = await import('node:fs')
    const {join} = await import('node:path')
    const dir = tempDir()
    writeFileSync(join(dir, 'one.yml'), 'imports: [two.yml]\nrules: []\n')
    writeFileSync(join(dir, 'two.yml'), 'imports: [one.yml]\nrules: []\n')
    expect(() => loadRuleFile(join(dir, 'one.yml'))).toThrow(/import cycle: one\.yml → two\.yml → one\.yml/)
    writeFileSync(join(dir, 'three.yml'), 'imports: [four.yml]\ndisable: [nope]\n')
    writeFileSync(join(dir, 'four.yml'), 'rules:\n  - {id: a, message: x, match: x}\n')
    expect(() => loadRuleFile(join(dir, 'three.yml'))).toThrow(/three\.yml \(rule nope\): disable names no imported rule/)
  })
})
