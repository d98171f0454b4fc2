/**
 * SARIF 2.1.0 for code-scanning tools: one run, rules from the findings' source/ruleId, results
 * with regions (1-based lines and columns, character offsets) and fixes from `expected`.
 */
import type {FileReport} from './json.js'
import type {Level} from '../types.js'

const SARIF_LEVEL: Record<Level, 'error' | 'warning' | 'note'> = {error: 'error', warning: 'warning', suggestion: 'note'}

export function toSarif(files: FileReport[], version: string): unknown {
  const rules = new Map<string, {id: string; shortDescription: {text: string}; properties: {category: string}}>()
  const results = files.flatMap((file) =>
    file.findings.map((finding) => {
      const id = `${finding.source}/${finding.ruleId}`
      if (!rules.has(id)) rules.set(id, {id, shortDescription: {text: finding.reason}, properties: {category: finding.category}})
      const region = {
        startLine: finding.start.line,
        startColumn: finding.start.column,
        endLine: finding.end.line,
        endColumn: finding.end.column,
        charOffset: finding.start.offset,
        charLength: finding.end.offset - finding.start.offset,
      }
      return {
        ruleId: id,
        level: SARIF_LEVEL[finding.level],
        message: {text: finding.reason},
        locations: [{physicalLocation: {artifactLocation: {uri: file.path}, region}}],
        ...(finding.expected.length > 0
          ? {
              fixes: finding.expected.map((replacement) => ({
                description: {text: `Replace with “${replacement}”`},
                artifactChanges: [{artifactLocation: {uri: file.path}, replacements: [{deletedRegion: region, insertedContent: {text: replacement}}]}],
              })),
            }
          : {}),
        properties: {category: finding.category, apply: finding.apply},
      }
    }),
  )
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{tool: {driver: {name: 'postedit', version, informationUri: 'https://github.com/postedit/postedit', rules: [...rules.values()]}}, results}],
  }
}
