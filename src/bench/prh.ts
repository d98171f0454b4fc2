/** The textlint + prh peer of the bench: postedit's literal rules as a prh dictionary. */
import {mkdirSync, writeFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {matchForms} from '../rules/inflect.js'
import {loadRuleFile, shippedRuleFiles} from '../rules/load.js'
import {type Element, parsePattern} from '../rules/pattern.js'
import {DATA} from './generate.js'

export interface PrhRule {
  expected: string
  patterns: string[]
}

/**
 * The shipped rules as a prh dictionary. `plain` keeps the rules whose match is one plain phrase;
 * otherwise every rule whose match is words, choices, optional words and word forms (`<lemma>`)
 * is spelled out into the phrases it matches, as a prh user would have to write them (prh has no
 * choices or word forms). Rules whose replacement takes words from the match ($1, <lemma>) are
 * left out: prh can only echo a regex group, not inflect; so are rules with a `before` or `after`
 * context, which is part of what they match ("on" before "several thousand votes" would be every
 * "on" to prh). `unless` exceptions are dropped, so prh finds at least what we find.
 */
export function prhDictionary(which: 'plain' | 'spelled'): PrhRule[] {
  const rules: PrhRule[] = []
  for (const ruleFile of shippedRuleFiles())
    for (const rule of loadRuleFile(ruleFile).rules) {
      const replace = [rule.replace ?? []].flat()[0]
      if (typeof replace !== 'string' || /[$<]/.test(replace) || rule.before || rule.after) continue
      const matches = [rule.match ?? []].flat()
      let patterns: string[] | undefined
      if (which === 'plain') patterns = matches.filter((pattern) => /^[\w' .,]+$/.test(pattern))
      else {
        const spelled = matches.map(spellOutPattern)
        if (spelled.every((phrases) => phrases !== undefined)) patterns = [...new Set(spelled.flat() as string[])]
      }
      if (patterns?.length) rules.push({expected: replace, patterns})
    }
  return rules
}

const MAX_PHRASES_PER_PATTERN = 256

/** The phrases a pattern of words, choices, optional words and word forms matches, or undefined. */
export function spellOutPattern(pattern: string): string[] | undefined {
  return spellOut(parsePattern(pattern))
}

function spellOut(elements: Element[]): string[] | undefined {
  let phrases = ['']
  for (const element of elements) {
    let options: string[] | undefined
    if (element.kind === 'literal') options = [element.text]
    else if (element.kind === 'lemma') options = element.lemmas.flatMap(matchForms)
    else if (element.kind === 'alternatives') {
      const spelled = element.options.map(spellOut)
      if (spelled.some((option) => option === undefined)) return undefined
      options = spelled.flat() as string[]
    }
    if (!options) return undefined
    if (element.optional) options = [...options, '']
    phrases = phrases.flatMap((phrase) => options.map((option) => [phrase, option].filter(Boolean).join(' ')))
    if (phrases.length > MAX_PHRASES_PER_PATTERN) return undefined
  }
  // prh escapes a hyphen and then compiles with the u flag, which rejects `\-`.
  return phrases.filter((phrase) => PRH_SAFE.test(phrase))
}

const PRH_SAFE = /^[\p{L}\p{N}'’ .,]+$/u

/** textlint with textlint-rule-prh and a prh dictionary, as a function that lints a text. */
export async function textlintPrhLinter(rules: PrhRule[], name: string): Promise<(text: string) => Promise<unknown>> {
  mkdirSync(DATA, {recursive: true})
  const dictionary = join(DATA, `${name}.yml`)
  writeFileSync(dictionary, 'version: 1\nrules:\n' + rules.map((rule) => `  - expected: ${JSON.stringify(rule.expected)}\n    patterns: ${JSON.stringify(rule.patterns)}`).join('\n') + '\n')
  const {createLinter} = await import('textlint')
  const {TextlintKernelDescriptor} = await import('@textlint/kernel')
  const {moduleInterop} = await import('@textlint/module-interop')
  const prh = moduleInterop((await import('textlint-rule-prh')).default)
  const plain = moduleInterop((await import('@textlint/textlint-plugin-text')).default) as never
  const descriptor = new TextlintKernelDescriptor({
    rules: [{ruleId: 'prh', rule: prh as never, options: {rulePaths: [resolve(dictionary)]}}],
    plugins: [{pluginId: 'text', plugin: plain}],
    filterRules: [],
  })
  const linter = createLinter({descriptor})
  const path = join(DATA, 'one-mb.txt')
  return (text) => linter.lintText(text, path)
}
