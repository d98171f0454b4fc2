import {spawnSync} from 'node:child_process'
import {mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {describe, expect, it} from 'vitest'
import {tempDir} from '../helpers.js'

const BIN = resolve('dist/cli/bin.js')

function run(args: string[], cwd: string, input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], {cwd, input, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}, maxBuffer: 256 << 20})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

function corpus(): string {
  const dir = tempDir()
  mkdirSync(join(dir, 'drafts', 'deep'), {recursive: true})
  mkdirSync(join(dir, 'drafts', 'old'), {recursive: true})
  for (let i = 0; i < 6; i++) writeFileSync(join(dir, 'drafts', `n${i}.txt`), `Story ${i}: talks in Dohi resumed and Katar mediated.\n`)
  writeFileSync(join(dir, 'drafts', 'deep', 'd.txt'), 'They spoke on the state of anonymity.\n')
  writeFileSync(join(dir, 'drafts', 'old', 'o.txt'), 'Talks in Dohi.\n')
  writeFileSync(join(dir, 'drafts', 'notes.md'), 'Talks in Dohi.\n')
  return dir
}

describe('batch runs', () => {
  it('takes globs and folders, leaves out what .posteditignore names, in a stable order', () => {
    const dir = corpus()
    writeFileSync(join(dir, '.posteditignore'), 'drafts/old/\n')
    const files = (out: string) => (JSON.parse(out) as Array<{path: string}>).map((file) => file.path)
    const folder = run(['check', '--format', 'json', 'drafts'], dir)
    // A folder holds every file of a format postedit reads: the Markdown note too.
    expect(files(folder.stdout)).toEqual(['drafts/deep/d.txt', ...Array.from({length: 6}, (_, i) => `drafts/n${i}.txt`), 'drafts/notes.md'])
    const glob = run(['check', '--format', 'json', 'drafts/**/*.md'], dir)
    expect(files(glob.stdout)).toEqual(['drafts/notes.md'])
    expect(run(['check', 'drafts/**/*.rst'], dir)).toMatchObject({code: 2, stderr: expect.stringContaining('no files match this pattern')})
  })

  it('gives the same output in the same order on one thread and on several', () => {
    const dir = corpus()
    const one = run(['check', '--format', 'json', '--jobs', '1', 'drafts'], dir)
    const two = run(['check', '--format', 'json', '--jobs', '2', 'drafts'], dir)
    expect(two.stdout).toBe(one.stdout)
    expect(run(['diff', '--jobs', '2', 'drafts'], dir).stdout).toBe(run(['diff', '--jobs', '1', 'drafts'], dir).stdout)
  })

  it('runs on the main thread a file whose worker ran out of memory, and the batch goes on', () => {
    const dir = corpus()
    const one = run(['check', '--format', 'json', '--jobs', '1', 'drafts'], dir)
    // An 8 MB heap cannot even hold the rules: every worker dies, every file is run again inline.
    // Node may abort the whole process when a dying worker's isolate still has a background
    // compile job (NodePlatform::ForIsolate assertion, ~1 run in 30 here; nodejs/node#65019 notes
    // that resourceLimits termination is best-effort): the test compiles on the main thread.
    const starved = spawnSync(process.execPath, ['--no-concurrent-recompilation', BIN, 'check', '--format', 'json', '--jobs', '2', 'drafts'], {
      cwd: dir,
      encoding: 'utf8',
      env: {...process.env, NO_COLOR: '1', POSTEDIT_WORKER_HEAP_MB: '8'},
      // A worker that dies idle used to be replaced forever: the batch never ended.
      timeout: 60_000,
    })
    expect(starved.status).toBe(one.code)
    expect(starved.stdout).toBe(one.stdout)
  })

  it('reads .posteditrc.yml above each file: rule sets, switched-off detectors, levels', () => {
    const dir = corpus()
    mkdirSync(join(dir, 'house'))
    writeFileSync(join(dir, 'house', 'story.yml'), 'rules:\n  - id: story\n    message: x\n    match: Story\n    replace: Report\n    examples: [{in: Story, out: Report}]\n')
    writeFileSync(join(dir, 'drafts', 'deep', '.posteditrc.yml'), 'disable: [calques-ru]\n')
    writeFileSync(join(dir, '.posteditrc.yml'), 'rules: [house/story.yml]\ndisable: [entity-names]\n')
    const result = JSON.parse(run(['check', '--format', 'json', 'drafts'], dir).stdout) as Array<{path: string; messages: Array<{source: string}>}>
    const sources = (path: string) => [...new Set(result.find((file) => file.path === path)!.messages.map((m) => m.source))].sort()
    expect(sources('drafts/n0.txt')).toContain('story')
    expect(sources('drafts/n0.txt')).not.toContain('entity-names')
    // The nearer config wins for drafts/deep: calques-ru off there, and the house rules do not apply.
    expect(sources('drafts/deep/d.txt')).not.toContain('calques-ru')
    writeFileSync(join(dir, '.posteditrc.yml'), 'level: fatal\n')
    expect(run(['check', 'drafts/n0.txt'], dir)).toMatchObject({code: 2, stderr: expect.stringContaining('"level" must be one of')})
  })

  it('--dry-run says what would change and writes nothing; --write changes only what needs it', () => {
    const dir = corpus()
    const dry = run(['fix', '--dry-run', 'drafts'], dir)
    expect(dry.stdout).toContain('drafts/n0.txt: 2 fixes would be applied')
    expect(dry.stderr).toContain('9 of 9 files would change')
    expect(readFileSync(join(dir, 'drafts', 'n0.txt'), 'utf8')).toContain('Dohi')
    const written = run(['fix', '--write', '--jobs', '2', 'drafts'], dir)
    expect(written.stderr).toContain('9 of 9 files changed')
    expect(readFileSync(join(dir, 'drafts', 'notes.md'), 'utf8')).toBe('Talks in Doha.\n')
    expect(readFileSync(join(dir, 'drafts', 'n3.txt'), 'utf8')).toBe('Story 3: talks in Doha resumed and Qatar mediated.\n')
  })

  it('reports and skips a bad file, finishes the batch, and exits 2', () => {
    const dir = corpus()
    writeFileSync(join(dir, 'drafts', 'binary.txt'), Buffer.from([0, 1, 2, 3]))
    const result = run(['fix', '--write', '--jobs', '2', 'drafts'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('binary.txt: binary file')
    expect(readFileSync(join(dir, 'drafts', 'n5.txt'), 'utf8')).toContain('Doha')
  })
})

describe('long files', () => {
  // Over STREAM_MIN_BYTES: checked as read, window by window, its findings written as found.
  const long = (() => {
    return readdirSync('corpus').filter((name) => name.endsWith('.mt.txt')).sort().map((name) => readFileSync(`corpus/${name}`, 'utf8')).join('\n\n')
  })()
  type FileEntry = {path: string; messages: unknown[]}

  it('are checked as they are read, window by window, with the findings of reading them whole', async () => {
    const {runTask, STREAM_MIN_BYTES} = await import('../../src/batch/task.js')
    const dir = tempDir()
    writeFileSync(join(dir, 'long.txt'), long)
    expect(Buffer.byteLength(long)).toBeGreaterThan(STREAM_MIN_BYTES)
    const batches: unknown[][] = []
    const task = {index: 0, path: join(dir, 'long.txt'), kind: 'check' as const, options: {useConfig: false}}
    const streamed = runTask(task, undefined, (findings) => batches.push(findings))
    expect(streamed).toMatchObject({ok: true, streamed: true, findings: []})
    expect(batches.length).toBeGreaterThan(1)
    // Standard input is read whole: the same findings, reported at once. (More than a pipe holds:
    // reading it failed with EAGAIN when a parent process fed it.)
    const whole = runTask({...task, path: '-'}, () => Buffer.from(long))
    expect(whole.ok && whole.findings.length).toBeGreaterThan(1000)
    expect(batches.flat()).toEqual(whole.ok && whole.findings)
    const fromFile = JSON.parse(run(['check', '--format', 'json', '--no-config', 'long.txt'], dir).stdout) as FileEntry[]
    const fromStdin = JSON.parse(run(['check', '--format', 'json', '--no-config', '-'], dir, long).stdout) as FileEntry[]
    expect(fromFile.map((file) => file.path)).toEqual(['long.txt'])
    expect(fromFile[0].messages).toEqual(fromStdin[0].messages)
    // The text report: one header, then every finding's line (places aligned window by window).
    const lines = (out: string) => out.split('\n').slice(1).map((line) => line.replace(/\s+/g, ' '))
    expect(lines(run(['check', '--no-config', 'long.txt'], dir).stdout)).toEqual(lines(run(['check', '--no-config', '-'], dir, long).stdout))
  })

  it('keep their place in a batch on several threads; a bad one is refused before any of its findings', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'a-long.txt'), long)
    writeFileSync(join(dir, 'b-short.txt'), 'Talks in Dohi resumed.\n')
    writeFileSync(join(dir, 'c-long.txt'), '\uFEFF' + long)
    writeFileSync(join(dir, 'd-short.txt'), 'Katar mediated.\n')
    const one = run(['check', '--format', 'json', '--no-config', '--jobs', '1', '.'], dir)
    const two = run(['check', '--format', 'json', '--no-config', '--jobs', '2', '.'], dir)
    expect(two.stdout).toBe(one.stdout)
    const files = JSON.parse(one.stdout) as FileEntry[]
    expect(files.map((file) => [file.path, file.messages.length > 0])).toEqual([
      ['a-long.txt', true],
      ['b-short.txt', true],
      ['c-long.txt', true],
      ['d-short.txt', true],
    ])
    // A byte order mark is not text: places in the file are those of the text after it.
    const withoutMark = JSON.parse(run(['check', '--format', 'json', '--no-config', '-'], dir, long).stdout) as FileEntry[]
    expect(files[2].messages).toEqual(withoutMark[0].messages)
    // Invalid UTF-8 near the end: found by the first pass over the file, before anything is written.
    writeFileSync(join(dir, 'c-long.txt'), Buffer.concat([Buffer.from(long), Buffer.from([0xc3, 0x28]), Buffer.from(' end.\n')]))
    const bad = run(['check', '--format', 'json', '--no-config', '--jobs', '2', '.'], dir)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain(`c-long.txt: invalid UTF-8 at byte ${Buffer.byteLength(long)}`)
    expect((JSON.parse(bad.stdout) as FileEntry[]).map((file) => file.path)).toEqual(['a-long.txt', 'b-short.txt', 'd-short.txt'])
  })
})

describe('progress on a terminal', () => {
  it('shows one long file by its bytes, with the rate and time left, and ends the bar full', async () => {
    const {Progress} = await import('../../src/cli/progress.js')
    let shown = ''
    const progress = new Progress(1, (text) => (shown += text))
    progress.reading(0, {bytes: 25e6, total: 100e6})
    expect(shown).toMatch(/\[={6} {18}\] 25\.0\/100\.0 MB · [\d.]+ MB\/s · \d+:\d\d left/)
    progress.add({index: 0, path: 'long.txt', ok: true, bytes: 100e6, bom: false, text: '', findings: [], streamed: true})
    expect(shown).toMatch(/\[={24}\] 100\.0\/100\.0 MB · [\d.]+ MB\/s · 0:00 left \n$/)
    // A short file alone shows nothing, as before; a batch counts files.
    let quiet = ''
    new Progress(1, (text) => (quiet += text)).add({index: 0, path: 'a.txt', ok: true, bytes: 10, bom: false, text: 'x', findings: []})
    expect(quiet).toBe('')
  })
})

describe('long files, fixed', () => {
  const long = readdirSync('corpus').filter((name) => name.endsWith('.mt.txt')).sort().map((name) => readFileSync(`corpus/${name}`, 'utf8')).join('\n\n')

  it('are fixed as they are read: printed, into another folder, or in place with a backup — the output of fixing them whole', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'long.txt'), long)
    writeFileSync(join(dir, 'short.txt'), 'Talks in Dohi resumed.\n')
    // Standard input is read and fixed whole.
    const whole = run(['fix', '--no-config', '-'], dir, long).stdout
    expect(whole).not.toBe(long)
    expect(run(['fix', '--no-config', 'long.txt'], dir).stdout).toBe(whole)
    const dryRun = run(['fix', '--no-config', '--dry-run', 'long.txt'], dir)
    expect(dryRun.stdout).toMatch(/^long\.txt: \d+ fixes would be applied\n$/)
    expect(run(['fix', '--no-config', '--out', 'fixed', 'long.txt', 'short.txt'], dir).code).toBe(1)
    expect(readFileSync(join(dir, 'fixed', 'long.txt'), 'utf8')).toBe(whole)
    expect(readFileSync(join(dir, 'long.txt'), 'utf8')).toBe(long)
    const written = run(['fix', '--no-config', '--write', '--jobs', '2', '--backup-dir', 'originals', 'long.txt', 'short.txt'], dir)
    expect(written.stderr).toContain('2 of 2 files changed')
    expect(readFileSync(join(dir, 'long.txt'), 'utf8')).toBe(whole)
    expect(readFileSync(join(dir, 'originals', 'long.txt'), 'utf8')).toBe(long)
    expect(readFileSync(join(dir, 'short.txt'), 'utf8')).toBe('Talks in Doha resumed.\n')
    // The output was written beside the file as it went, and renamed into place: nothing is left over.
    expect(readdirSync(dir).sort()).toEqual(['fixed', 'long.txt', 'originals', 'short.txt'])
  })
})

describe('postedit stream', () => {
  const lines = Array.from({length: 50}, (_, i) => JSON.stringify({id: i, text: i % 2 ? `Talks in Dohi, item ${i}.` : `Clean line ${i}.`})).join('\n') + '\n'

  it('turns JSON Lines into JSON Lines with the fixed text and findings, in order', () => {
    const dir = tempDir()
    const result = run(['stream'], dir, lines)
    expect(result.code).toBe(0)
    const out = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as {id: number; fixed: string; findings: Array<{ruleId: string}>})
    expect(out.map((record) => record.id)).toEqual(Array.from({length: 50}, (_, i) => i))
    expect(out[1]).toMatchObject({fixed: 'Talks in Doha, item 1.'})
    expect(out[1].findings[0].ruleId).toBe('transliterated-name')
    expect(out[0].findings).toEqual([])
  })

  it('reports a bad line in place and goes on', () => {
    const result = run(['stream'], tempDir(), '{"id":1,"text":"ok"}\nnot json\n{"id":3}\n{"id":4,"text":"Dohi."}\n')
    expect(result.code).toBe(2)
    const out = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(out.map((record) => record.error === undefined)).toEqual([true, false, false, true])
  })

  it('shards across processes with GNU parallel (the documented recipe) and keeps order', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'in.jsonl'), lines)
    const sharded = spawnSync('sh', ['-c', `parallel --pipe --keep-order -j2 -N 10 ${process.execPath} ${BIN} stream < in.jsonl`], {cwd: dir, encoding: 'utf8'})
    expect(sharded.status).toBe(0)
    expect(sharded.stdout).toBe(run(['stream'], dir, lines).stdout)
  })
})

describe('per-glob settings in .posteditrc.yml', () => {
  it('apply to the files their globs match, adding to the base settings', () => {
    const dir = corpus()
    writeFileSync(join(dir, '.posteditrc.yml'), 'disable: [calques-ru]\noverrides:\n  - files: ["drafts/n*.txt"]\n    disable: [entity-names]\n  - files: "drafts/old/*"\n    level: error\n')
    // The same text in an overridden folder and outside it.
    writeFileSync(join(dir, 'drafts', 'old', 'o.txt'), 'Talks in Dohi. Mrs. Leavitt spoke.\n')
    writeFileSync(join(dir, 'drafts', 'deep', 'e.txt'), 'Talks in Dohi. Mrs. Leavitt spoke.\n')
    const result = JSON.parse(run(['check', '--format', 'json', 'drafts'], dir).stdout) as Array<{path: string; messages: Array<{source: string; level: string}>}>
    const levels = (path: string) => result.find((entry) => entry.path === path)!.messages.map((m) => m.level).sort()
    const sources = (path: string) => result.find((entry) => entry.path === path)!.messages.map((m) => m.source)
    expect(sources('drafts/n0.txt')).not.toContain('entity-names')
    expect(sources('drafts/deep/d.txt')).not.toContain('calques-ru')
    expect(levels('drafts/deep/e.txt')).toEqual(['error', 'suggestion'])
    expect(levels('drafts/old/o.txt')).toEqual(['error'])
    writeFileSync(join(dir, '.posteditrc.yml'), 'overrides:\n  - disable: [x]\n')
    expect(run(['check', 'drafts/n0.txt'], dir)).toMatchObject({code: 2, stderr: expect.stringContaining('overrides[0] needs "files"')})
  })
})

describe('rule overrides in .posteditrc.yml', () => {
  it('change the level and apply policy of single rules and detectors', () => {
    const dir = corpus()
    writeFileSync(join(dir, '.posteditrc.yml'), 'override:\n  entity-names: {level: suggestion, apply: review}\n')
    const result = JSON.parse(run(['check', '--format', 'json', 'drafts/n0.txt'], dir).stdout) as Array<{messages: Array<{source: string; level: string; apply: string}>}>
    const names = result[0].messages.filter((m) => m.source === 'entity-names')
    expect(names.length).toBeGreaterThan(0)
    expect(names.every((m) => m.level === 'suggestion' && m.apply === 'review')).toBe(true)
    // "review" now: fix without --apply review leaves the names alone.
    expect(run(['fix', 'drafts/n0.txt'], dir).stdout).toContain('Dohi')
    writeFileSync(join(dir, '.posteditrc.yml'), 'override:\n  entity-names: {level: loud}\n')
    expect(run(['check', 'drafts/n0.txt'], dir)).toMatchObject({code: 2, stderr: expect.stringContaining('is not a level')})
  })
})
