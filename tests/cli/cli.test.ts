import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, copyFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {describe, expect, it} from 'vitest'
import {tempDir} from '../helpers.js'

const BIN = resolve('dist/cli/bin.js')
const SEED = resolve('corpus/gaza-hostage-talks.mt.txt')

function run(args: string[], options: {cwd?: string; input?: string | Buffer} = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {cwd: options.cwd ?? process.cwd(), input: options.input, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

describe('postedit check', () => {
  it('reports findings and exits 1; a clean text exits 0', () => {
    const found = run(['check', SEED])
    expect(found.code).toBe(1)
    expect(found.stdout).toContain('entity-names/transliterated-name')
    const dir = tempDir()
    writeFileSync(join(dir, 'clean.txt'), 'The talks in Doha resumed on Monday.\n')
    expect(run(['check', join(dir, 'clean.txt')]).code).toBe(0)
  })

  it('gives vfile-reporter-json style JSON with places, rule ids and suggestions', () => {
    const {stdout} = run(['check', '--format', 'json', SEED])
    const [file] = JSON.parse(stdout) as Array<{path: string; messages: Array<Record<string, unknown>>}>
    expect(file.path).toBe(SEED)
    const doha = file.messages.find((m) => m.actual === 'Dohi')!
    expect(doha).toMatchObject({source: 'entity-names', actual: 'Dohi', expected: ['Doha'], category: 'entity', level: 'error'})
    const place = doha.place as {start: {offset: number; line: number; column: number}; end: {offset: number}}
    expect(readFileSync(SEED, 'utf8').slice(place.start.offset, place.end.offset)).toBe('Dohi')
    expect(place.start).toMatchObject({line: 4, column: 10})
  })

  it('--level counts only findings at or above it', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'a.txt'), 'Mrs. Leavitt spoke.\n')
    expect(run(['check', '--level', 'suggestion', join(dir, 'a.txt')]).code).toBe(1)
    expect(run(['check', '--level', 'error', join(dir, 'a.txt')]).code).toBe(0)
  })

  it('reads standard input', () => {
    const result = run(['check', '-'], {input: 'Talks in Dohi resumed.\n'})
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('<stdin>')
  })
})

describe('bad input gets one line and exit 2', () => {
  const dir = tempDir()
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x48, 0x00, 0x01, 0x02]))
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from('caf\xe9 au lait', 'latin1'))
  writeFileSync(join(dir, 'empty.txt'), '')
  mkdirSync(join(dir, 'nothing'))
  writeFileSync(join(dir, 'nothing', 'image.png'), 'x')
  writeFileSync(join(dir, 'bad-rule.yml'), 'rules:\n  - id: x\n    message: ok\n    regex: "(oops"\n')
  writeFileSync(join(dir, 'bad-yaml.yml'), 'rules: [\n')

  const cases: Array<[string, string[], RegExp]> = [
    ['a missing path', ['check', join(dir, 'missing.txt')], /missing\.txt: no such file or folder/],
    ['a folder with no text files', ['check', join(dir, 'nothing')], /folder holds no files postedit reads/],
    ['a binary file', ['check', join(dir, 'binary.txt')], /binary file/],
    ['invalid UTF-8', ['check', join(dir, 'latin1.txt')], /invalid UTF-8 at byte 3/],
    ['an empty file', ['check', join(dir, 'empty.txt')], /empty file/],
    ['an invalid regex in a rule', ['check', '--rules', join(dir, 'bad-rule.yml'), SEED], /bad-rule\.yml:2 \(rule x\): invalid regex/],
    ['a malformed rule file', ['check', '--rules', join(dir, 'bad-yaml.yml'), SEED], /bad-yaml\.yml:\d+: invalid YAML/],
    ['an unknown option', ['check', '--frmat', 'json', SEED], /Unknown option '--frmat'/],
    ['an unknown command', ['chek', SEED], /unknown command "chek"/],
  ]
  for (const [name, args, message] of cases)
    it(name, () => {
      const result = run(args)
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(message)
      expect(result.stderr.trim().split('\n').length).toBeLessThanOrEqual(2)
      expect(result.stderr).not.toMatch(/\n\s+at /)
    })
})

describe('postedit fix', () => {
  it('prints the fixed text; by default only safe fixes', () => {
    const result = run(['fix', '-'], {input: 'Talks in Dohi sought to expand the truce.\n'})
    expect(result.stdout).toBe('Talks in Doha sought to expand the truce.\n')
    const all = run(['fix', '--apply', 'review', '-'], {input: 'Talks in Dohi sought to expand the truce.\n'})
    expect(all.stdout).toBe('Talks in Doha sought to extend the truce.\n')
  })

  it('--write rewrites in place, keeps a backup, and keeps CRLF and BOM', () => {
    const dir = tempDir()
    const file = join(dir, 'a.txt')
    const original = '\uFEFFTalks in Dohi resumed.\r\nKatar mediated.\r\n'
    writeFileSync(file, original)
    const result = run(['fix', '--write', 'a.txt'], {cwd: dir})
    expect(result.code).toBe(1)
    expect(readFileSync(file, 'utf8')).toBe('\uFEFFTalks in Doha resumed.\r\nQatar mediated.\r\n')
    const backups = join(dir, '.postedit', 'backups')
    const [stamp] = readdirSync(backups)
    expect(readFileSync(join(backups, stamp, 'a.txt'), 'utf8')).toBe(original)
    expect(readdirSync(dir).filter((name) => name !== '.postedit')).toEqual(['a.txt'])
  })

  it('--out mirrors paths into another folder and leaves the input alone', () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'in', 'sub'), {recursive: true})
    writeFileSync(join(dir, 'in', 'sub', 'b.txt'), 'Talks in Dohi.\n')
    run(['fix', '--out', 'out', 'in'], {cwd: dir})
    expect(readFileSync(join(dir, 'out', 'in', 'sub', 'b.txt'), 'utf8')).toBe('Talks in Doha.\n')
    expect(readFileSync(join(dir, 'in', 'sub', 'b.txt'), 'utf8')).toBe('Talks in Dohi.\n')
  })

  it('refuses to print several files, and writes nothing when an input is bad', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'a.txt'), 'Dohi.\n')
    writeFileSync(join(dir, 'b.txt'), 'Dohi.\n')
    expect(run(['fix', 'a.txt', 'b.txt'], {cwd: dir}).code).toBe(2)
    expect(run(['fix', '--write', 'a.txt', 'missing.txt'], {cwd: dir}).code).toBe(2)
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('Dohi.\n')
  })
})

describe('postedit diff', () => {
  it('prints a patch that git apply and patch -p1 accept unchanged', () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'corpus'))
    copyFileSync(SEED, join(dir, 'corpus', 'seed.txt'))
    const {stdout, code} = run(['diff', 'corpus/seed.txt'], {cwd: dir})
    expect(code).toBe(1)
    expect(stdout).toMatch(/^diff --git a\/corpus\/seed\.txt b\/corpus\/seed\.txt\n--- a\/corpus\/seed\.txt\n\+\+\+ b\/corpus\/seed\.txt\n@@ /)
    writeFileSync(join(dir, 'seed.patch'), stdout)
    const expected = run(['fix', '--apply', 'review', 'corpus/seed.txt'], {cwd: dir}).stdout

    const git = spawnSync('git', ['apply', '--check', 'seed.patch'], {cwd: dir, encoding: 'utf8'})
    expect(git.stderr).toBe('')
    expect(git.status).toBe(0)
    const patched = spawnSync('patch', ['-p1', '-i', 'seed.patch'], {cwd: dir, encoding: 'utf8'})
    expect(patched.status).toBe(0)
    expect(readFileSync(join(dir, 'corpus', 'seed.txt'), 'utf8')).toBe(expected)
  })

  it('prints nothing and exits 0 when nothing would change', () => {
    const result = run(['diff', '-'], {input: 'The talks in Doha resumed.\n'})
    expect(result).toMatchObject({code: 0, stdout: ''})
  })

  it('--annotate heads hunks with the rules behind them', () => {
    const result = run(['diff', '--annotate', '-'], {input: 'Talks in Dohi resumed.\n'})
    expect(result.stdout).toMatch(/# entity-names\/transliterated-name: Unexpected `Dohi`.*\n@@ /)
  })
})

describe('help', () => {
  it('every command has --help', () => {
    for (const command of ['check', 'fix', 'diff']) {
      const result = run([command, '--help'])
      expect(result.code).toBe(0)
      expect(result.stdout).toContain(`Usage: postedit ${command}`)
    }
    expect(existsSync(BIN)).toBe(true)
  })
})

// Enough unchanged lines between two fixes that the diff has two hunks.
const FILLER = Array.from({length: 8}, (_, i) => `Line ${i + 1} is fine.\n`).join('')

describe('postedit apply', () => {
  function setup() {
    const dir = tempDir()
    writeFileSync(join(dir, 'a.txt'), `Talks in Dohi resumed.\n${FILLER}Katar mediated the talks.\n`)
    const patch = run(['diff', 'a.txt'], {cwd: dir}).stdout
    return {dir, patch}
  }

  it('applies a diff with a hunk removed by hand, keeping a backup', () => {
    const {dir, patch} = setup()
    // Keep only the first hunk: the reviewer dropped the Katar fix.
    const hunks = patch.split(/(?=^@@ )/m)
    expect(hunks.length).toBe(3)
    writeFileSync(join(dir, 'edited.patch'), hunks[0] + hunks[1])
    const result = run(['apply', 'edited.patch'], {cwd: dir})
    expect(result.code).toBe(0)
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(`Talks in Doha resumed.\n${FILLER}Katar mediated the talks.\n`)
    expect(readdirSync(join(dir, '.postedit', 'backups'))).toHaveLength(1)
  })

  it('applies a hunk whose replacement was edited by hand', () => {
    const {dir, patch} = setup()
    writeFileSync(join(dir, 'edited.patch'), patch.replace('+Qatar mediated', '+Qatari diplomats mediated'))
    expect(run(['apply', 'edited.patch'], {cwd: dir}).code).toBe(0)
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(`Talks in Doha resumed.\n${FILLER}Qatari diplomats mediated the talks.\n`)
  })

  it('refuses a patch that no longer fits, and changes nothing', () => {
    const {dir, patch} = setup()
    writeFileSync(join(dir, 'a.patch'), patch)
    const changed = `Talks in Dohi resumed.\n${FILLER}Someone rewrote this line.\n`
    writeFileSync(join(dir, 'a.txt'), changed)
    const result = run(['apply', 'a.patch'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/a\.txt: the patch no longer fits the file .*nothing was applied/)
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(changed)
    expect(run(['apply', '--check', 'a.patch'], {cwd: dir}).code).toBe(2)
  })
})

describe('reports for tools and people', () => {
  it('--format sarif gives SARIF 2.1.0 with rules, regions and fixes', () => {
    const sarif = JSON.parse(run(['check', '--format', 'sarif', SEED]).stdout) as {
      version: string
      runs: Array<{tool: {driver: {rules: Array<{id: string}>}}; results: Array<{ruleId: string; locations: Array<{physicalLocation: {region: {charOffset: number; charLength: number}}}>; fixes?: unknown[]}>}>
    }
    expect(sarif.version).toBe('2.1.0')
    const [runResult] = sarif.runs
    const doha = runResult.results.find((r) => r.ruleId === 'entity-names/transliterated-name')!
    const {charOffset, charLength} = doha.locations[0].physicalLocation.region
    expect(readFileSync(SEED, 'utf8').slice(charOffset, charOffset + charLength)).toMatch(/^(Dohi|Katar)$/)
    expect(doha.fixes?.length).toBeGreaterThan(0)
    expect(runResult.tool.driver.rules.map((r) => r.id)).toContain('entity-names/transliterated-name')
  })

  it('writes a file\'s JSON entry piece by piece exactly as the entry prints whole', async () => {
    const {JsonFileWriter, toJsonReport} = await import('../../src/report/json.js')
    const {check} = await import('../../src/processor.js')
    const findings = check(readFileSync(SEED, 'utf8'))
    for (const parts of [[findings.slice(0, 5), [], findings.slice(5)], [[]]]) {
      let written = ''
      const writer = new JsonFileWriter('seed.txt', (text) => (written += text))
      for (const part of parts) writer.add(part)
      writer.end()
      const whole = JSON.stringify(toJsonReport([{path: 'seed.txt', findings: parts.flat()}])[0], null, 2).replace(/^/gm, '  ')
      expect(written).toBe(whole)
    }
  })

  it('--format html gives a standalone page with the findings highlighted', () => {
    const html = run(['check', '--format', 'html', SEED]).stdout
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('<mark class="error"')
    expect(html).toContain('Dohi</mark>')
    expect(html).not.toMatch(/<script|https?:\/\/(?!json\.schemastore)/)
  })
})

describe('postedit rules test', () => {
  it('passes on the shipped rules', () => {
    const result = run(['rules', 'test'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/\d+ files, \d+ rules, \d+ examples and allow texts: all hold/)
  })

  it('names file:line and rule, and marks the difference, exiting 1', () => {
    const dir = tempDir()
    writeFileSync(
      join(dir, 'house.yml'),
      'rules:\n  - id: ok\n    message: x\n    match: Katar\n    replace: Qatar\n    examples: [{in: Katar, out: Qatar}]\n  - id: bad\n    message: x\n    match: Dohi\n    replace: Doha\n    examples:\n      - in: Talks in Dohi resumed.\n        out: Talks in Dahi resumed.\n    allow: [The Dohi festival]\n',
    )
    const result = run(['rules', 'test', dir])
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(`${join(dir, 'house.yml')}:7  bad  example fixed differently`)
    expect(result.stdout).toContain('expected: Talks in [-Dahi-] resumed.')
    expect(result.stdout).toContain('actual:   Talks in {+Doha+} resumed.')
    expect(result.stdout).toContain('allowed text flagged')
    expect(result.stdout).toContain('2 failing')
  })
})

describe('postedit rules lint', () => {
  it('reports catastrophic regexes, duplicate matches, chains and missing examples with file:line', () => {
    const dir = tempDir()
    const file = join(dir, 'l.yml')
    writeFileSync(
      file,
      [
        'rules:',
        '  - {id: twin, message: x, match: Katar, replace: Qatar, examples: [{in: Katar, out: Qatar}], allow: [Qatar]}',
        '  - {id: twin-again, message: x, match: katar, replace: Qatar}',
        '  - {id: slow, message: x, regex: "(a+)+b", examples: [{in: aab}], allow: [c]}',
        '  - {id: looking-back, message: x, regex: "(?<=said )that", examples: [{in: said that}], allow: [c]}',
        '  - {id: first, message: x, match: expand the truce, replace: prolong the truce, examples: [{in: expand the truce, out: prolong the truce}], allow: [x]}',
        '  - {id: second, message: x, match: prolong, replace: extend, examples: [{in: prolong, out: extend}], allow: [x]}',
        '  - {id: singular, message: x, match: which already fled, unless: {before: "/s, $/"}, replace: which has already fled}',
        '  - {id: plural, message: x, match: which already fled, before: "/s, $/", replace: which have already fled}',
        '  - {id: plural-again, message: x, match: which already fled, before: "/es, $/", replace: which have already fled}',
        '  - {id: dutch, message: x, match: Party of Freedom, document: {mentions: Wilders}, replace: Party for Freedom}',
        '  - {id: austrian, message: x, match: Party of Freedom, document: {mentions: Kickl}, replace: Freedom Party}',
        '  - {id: austrian-again, message: x, match: Party of Freedom, document: {mentions: Kickl}, replace: Freedom Party}',
        '  - {id: rank-regex, message: x, match: "/general/ @Cap", replace: Gen., examples: [{in: general Tchiani}], allow: [x]}',
        '  - {id: rank-literal, message: x, match: "the /general/ @Cap", replace: Gen., examples: [{in: the general Tchiani}], allow: [x]}',
        '',
      ].join('\n'),
    )
    const result = run(['rules', 'lint', file])
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(`${file}:4  slow  error  catastrophic-regex`)
    expect(result.stdout).toContain(`${file}:5  looking-back  warning  leading-lookbehind`)
    expect(result.stdout).toContain(`${file}:3  twin-again  warning  duplicate-match: matches "katar" like rule twin`)
    expect(result.stdout).toContain(`${file}:3  twin-again  warning  no-examples`)
    expect(result.stdout).toContain(`${file}:6  first  warning  chain: its output "prolong the truce" is rewritten by l/second`)
    // One rule takes the context the other rules out: never both at one place.
    expect(result.stdout).not.toContain(`plural  warning  duplicate-match`)
    expect(result.stdout).toContain(`plural-again  warning  duplicate-match: matches "which already fled"`)
    // Rules scoped to documents on different topics: the same words name a different party in each.
    expect(result.stdout).not.toContain(`austrian  warning  duplicate-match`)
    expect(result.stdout).toContain(`austrian-again  warning  duplicate-match: matches "party of freedom"`)
    // A regex token opening a pattern is tried at every token; after a literal, only where it is.
    expect(result.stdout).toContain(`rank-regex  warning  leading-regex-token`)
    expect(result.stdout).not.toContain(`rank-literal  warning  leading-regex-token`)
  })

  /** Writes a rule file named `name` into a fresh folder and lints it. */
  const lintRules = (name: string, text: string) => {
    const file = join(tempDir(), name)
    writeFileSync(file, text)
    return {file, result: run(['rules', 'lint', file])}
  }

  it('reports a numbered capture that can only copy a fixed function word', () => {
    const {file, result} = lintRules(
      'c.yml',
      'rules:\n  - {id: miscounted, message: x, match: "the decision of the [conflict|crisis]", replace: "the resolution of the $4", examples: [{in: the decision of the conflict, out: the resolution of the the}], allow: [x]}\n  - {id: named, message: x, match: "the decision of the what=[conflict|crisis]", replace: "the resolution of the $what", examples: [{in: the decision of the conflict, out: the resolution of the conflict}], allow: [x]}\n',
    )
    expect(result.stdout).toContain(`${file}:2  miscounted  warning  fixed-capture: "$4" can only copy the word "the"`)
    expect(result.stdout).not.toMatch(/named {2}warning {2}fixed-capture/)
  })

  it('reports a rule that another always beats as shadowed', () => {
    const {file, result} = lintRules(
      's.yml',
      'rules:\n  - {id: strong, message: x, level: error, match: "[expand|widen] the truce", replace: extend the truce, examples: [{in: expand the truce, out: extend the truce}], allow: [x]}\n  - {id: weak, message: x, level: suggestion, match: expand the truce, replace: prolong the truce, examples: [{in: expand the truce, out: prolong the truce}], allow: [x]}\n',
    )
    expect(result.stdout).toContain(`${file}:3  weak  warning  shadowed: never applies: rule s/strong`)
    expect(result.stdout).not.toMatch(/strong {2}warning {2}shadowed/)
  })

  it('finds no errors in the shipped rules', () => {
    const result = run(['rules', 'lint'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/: 0 errors,/)
  })
})

describe('postedit rules import', () => {
  it('prints a rule file and lists what it could not convert', () => {
    const result = run(['rules', 'import', '--from', 'prh', 'tests/fixtures/prh/prh.yml'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^# yaml-language-server: \$schema=/)
    expect(result.stderr).toContain('not converted: rule 6 (expected: ソフトウェア): regexpMustEmpty')
    expect(result.stderr).toContain('7 rules converted, 1 not')
    const dir = tempDir()
    const out = join(dir, 'terms.yml')
    expect(run(['rules', 'import', '--from', 'vale', '--out', out, 'tests/fixtures/vale/Microsoft/Terms.yml']).code).toBe(0)
    expect(run(['check', '--no-default-rules', '--rules', out, '-'], {input: 'Use the smart phone.\n'}).stdout).toContain('terms/phone')
  })
})

describe('postedit rules mine', () => {
  it('mines folders of machine output and post-edits into a rule file that rules test accepts', () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'mt'))
    mkdirSync(join(dir, 'edited'))
    writeFileSync(join(dir, 'mt', 'a.txt'), 'They spoke on the state of anonymity. Talks in Dohi resumed.\n')
    writeFileSync(join(dir, 'edited', 'a.txt'), 'They spoke on the condition of anonymity. Talks in Doha resumed.\n')
    writeFileSync(join(dir, 'mt', 'b.txt'), 'Officials spoke on the state of anonymity about Dohi.\n')
    writeFileSync(join(dir, 'edited', 'b.txt'), 'Officials spoke on the condition of anonymity about Doha.\n')
    const result = run(['rules', 'mine', 'mt', 'edited', '--out', 'mined.yml'], {cwd: dir})
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('2 pairs, 2 candidate rules')
    expect(readFileSync(join(dir, 'mined.yml'), 'utf8')).toContain('replace: Doha')
    expect(run(['rules', 'test', 'mined.yml'], {cwd: dir}).code).toBe(0)
  })
})

describe('a reader that stops early', () => {
  it('ends quietly when the pipe closes (check … | head -1)', () => {
    const corpus = readdirSync('corpus').filter((name) => name.endsWith('.mt.txt')).map((name) => join('corpus', name))
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" check ${corpus.join(' ')} | head -1`], {encoding: 'utf8'})
    expect(result.stdout.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).not.toMatch(/EPIPE|Error/)
  })
})
