import {describe, expect, it} from 'vitest'
import {loadRuleFile, shippedRuleFiles} from '../../src/rules/load.js'
import {runRuleExamples} from '../../src/rules/examples.js'
import {compileRuleSet} from '../../src/rules/compile.js'

const files = shippedRuleFiles()

describe('shipped rule files', () => {
  it('exist for entities, calques, news style and mechanics', () => {
    const names = files.map((file) => loadRuleFile(file).name)
    expect(names).toEqual(expect.arrayContaining(['entities', 'calques-ru', 'news-style', 'mechanics']))
  })

  for (const file of files) {
    const set = loadRuleFile(file)
    describe(set.name, () => {
      it('compiles', () => {
        expect(() => compileRuleSet(set)).not.toThrow()
      })
      it('every rule has examples and explains itself', () => {
        for (const rule of set.rules) {
          expect(rule.examples?.length, `${rule.id} has no examples`).toBeGreaterThan(0)
          expect(rule.allow?.length, `${rule.id} has no allow texts`).toBeGreaterThan(0)
        }
      })
      it('every example and allow text of every rule holds', () => {
        expect(runRuleExamples(set)).toEqual([])
      })
    })
  }
})
