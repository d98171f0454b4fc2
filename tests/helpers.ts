import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {DetectorName} from '../src/detectors/index.js'
import {createPostedit, type Postedit} from '../src/processor.js'

/** A pipeline with only the given rule file text (no shipped rules, no detectors). */
export function withRules(yaml: string, name = 'test'): Postedit {
  const dir = mkdtempSync(join(tmpdir(), 'postedit-rules-'))
  const file = join(dir, `${name}.yml`)
  writeFileSync(file, yaml)
  return createPostedit({shippedRules: false, detectors: false, rules: [file]})
}

/** A pipeline with one detector and no rules. */
export function withDetector(name: DetectorName): Postedit {
  return createPostedit({shippedRules: false, detectors: [name]})
}

export function tempDir(prefix = 'postedit-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}
