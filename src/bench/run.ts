/**
 * npm run bench: throughput, scaling, memory and start-up, printed as a table with medians and
 * ratios against a baseline measured in the same run. Corpora are generated into bench/data/.
 *   --quick   fewer repetitions, skips the 10 and 100 MB files and the 100,000-rule set
 *   --full    adds fixing the 100 MB single file
 */
import {spawn, spawnSync} from 'node:child_process'
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {availableParallelism, cpus, totalmem} from 'node:os'
import {join, resolve} from 'node:path'
import {FORMAT_NAMES, loadFormats, pipelinesFor} from '../formats/index.js'
import {createPostedit} from '../processor.js'
import {compileRuleSet} from '../rules/compile.js'
import {parseRuleFile} from '../rules/load.js'
import {DATA, file, folder, literalRules} from './generate.js'
import {prhDictionary, textlintPrhLinter} from './prh.js'

const quick = process.argv.includes('--quick')
const full = process.argv.includes('--full')
const REPEAT = quick ? 3 : 5
const BIN = resolve('dist/cli/bin.js')

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

async function time(action: () => unknown | Promise<unknown>, repeat = REPEAT): Promise<number> {
  // What the previous measurement left behind (a 100,000-rule set and its YAML) is collected
  // first, so it is not charged to this one (npm run bench passes --expose-gc).
  ;(globalThis as {gc?: () => void}).gc?.()
  await action()
  const runs: number[] = []
  for (let i = 0; i < repeat; i++) {
    const start = performance.now()
    await action()
    runs.push((performance.now() - start) / 1000)
  }
  return median(runs)
}

const mbps = (bytes: number, seconds: number): string => (bytes / 1e6 / seconds).toFixed(2)
const rows: string[][] = []
function row(...cells: Array<string | number>): void {
  rows.push(cells.map(String))
  console.error(cells.join(' | '))
}

/** Wall time of commands run side by side (the slowest one's), from GNU time. */
async function measureTogether(commands: string[][]): Promise<number> {
  const times = await Promise.all(
    commands.map(
      (command) =>
        new Promise<number>((done) => {
          const child = spawn('/usr/bin/time', ['-f', '%e %M', ...command], {stdio: ['ignore', 'ignore', 'pipe']})
          let stderr = ''
          child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
          child.on('close', () => done(Number(stderr.trim().split('\n').pop()!.split(' ')[0])))
        }),
    ),
  )
  return Math.max(...times)
}

/** Wall time and peak RSS of a command, from GNU time. */
function measure(command: string[], cwd = process.cwd()): {seconds: number; rssMB: number} {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', ...command], {cwd, encoding: 'utf8', maxBuffer: 1 << 30})
  const [seconds, kb] = result.stderr.trim().split('\n').pop()!.split(' ').map(Number)
  return {seconds, rssMB: kb / 1024}
}

async function main(): Promise<void> {
  const oneMB = file('one-mb.txt', 1_000_000)
  const text = readFileSync(oneMB, 'utf8')
  const bytes = Buffer.byteLength(text)

  // Baseline: read and split into words, the least any checker must do.
  const baseline = await time(() => readFileSync(oneMB, 'utf8').split(/[^\p{L}\p{N}'’-]+/u).length)
  row('baseline: read + split words, 1 MB', mbps(bytes, baseline), '1.00×')

  const postedit = createPostedit()
  postedit.check('warm up the gazetteer and the parser.')
  const check = await time(() => postedit.check(text))
  row('postedit check, all rules and detectors, 1 MB', mbps(bytes, check), `${(baseline / check).toFixed(3)}×`)
  const fix = await time(() => postedit.fix(text, {apply: 'review'}))
  row('postedit fix --apply review, 1 MB', mbps(bytes, fix), `${(baseline / fix).toFixed(3)}×`)
  // The mixed text is mostly machine translation; each kind alone shows what the findings cost.
  for (const [source, what] of [['mt', 'the machine-translated articles only'], ['clean', 'the clean English only (State of the Union addresses)']] as const) {
    const part = readFileSync(file(`one-mb-${source}.txt`, 1_000_000, 1, source), 'utf8')
    const partBytes = Buffer.byteLength(part)
    const findings = postedit.check(part).findings.length
    const seconds = await time(() => postedit.check(part))
    row(`postedit check, 1 MB of ${what}`, mbps(partBytes, seconds), `${(findings / (partBytes / 1e6)).toLocaleString('en', {maximumFractionDigits: 0})} findings per MB`)
  }

  // Formats: the same prose inside Markdown, HTML and PO, checked through their prose.
  const paragraphs = text.split(/\n\s*\n/).filter((paragraph) => paragraph.trim() !== '')
  const escapeHtml = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  const wrapped: Array<[string, string]> = [
    ['markdown', paragraphs.map((paragraph, i) => (i % 10 === 0 ? `## ${paragraph.split('\n')[0]}` : paragraph.replace(/ (\p{L}+) /u, ' *$1* '))).join('\n\n') + '\n'],
    ['html', `<!doctype html><html><body>\n${paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph).replace(/ (\p{L}+) /u, ' <b>$1</b> ')}</p>`).join('\n')}\n</body></html>\n`],
    ['po', paragraphs.map((paragraph, i) => `msgid "p${i}"\nmsgstr "${paragraph.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"\n`).join('\n')],
  ]
  await loadFormats(FORMAT_NAMES)
  const byFormat = pipelinesFor({})
  for (const [format, source] of wrapped) {
    const pipeline = byFormat(`bench.${format === 'markdown' ? 'md' : format}`)
    const seconds = await time(() => pipeline.check(source), 3)
    row(`format ${format}: check the same 1 MB of prose (${(Buffer.byteLength(source) / 1e6).toFixed(2)} MB file)`, mbps(Buffer.byteLength(source), seconds), `${(check / seconds).toFixed(2)}× the plain-text speed`)
  }

  // Peers on the same text: Harper (default English rules) and textlint + prh with our literal rules.
  const {LocalLinter} = await import('harper.js')
  const {binaryInlined} = await import('harper.js/binaryInlined')
  const harper = new LocalLinter({binary: binaryInlined})
  await harper.setup()
  const harperTime = await time(() => harper.lint(text), Math.min(REPEAT, 3))
  row('peer: harper.js lint (default rules), 1 MB', mbps(bytes, harperTime), `${(baseline / harperTime).toFixed(3)}×`)
  for (const which of ['plain', 'spelled'] as const) {
    const dictionary = prhDictionary(which)
    const phrases = dictionary.reduce((sum, rule) => sum + rule.patterns.length, 0)
    const what = which === 'plain' ? 'rules whose match is one plain phrase' : 'rules of words, choices and word forms, spelled out'
    const lint = await textlintPrhLinter(dictionary, `prh-${which}`)
    await lint(text.slice(0, 1000))
    const prhTime = await time(() => lint(text), 3)
    row(`peer: textlint + textlint-rule-prh, postedit's ${dictionary.length} ${what} (${phrases.toLocaleString('en')} phrases), 1 MB`, mbps(bytes, prhTime), `${(baseline / prhTime).toFixed(3)}×`)
    // The same dictionary in postedit, without the other rules and the detectors.
    const yaml = 'rules:\n' + dictionary.map((rule, i) => `  - {id: prh${i}, message: x, match: ${JSON.stringify(rule.patterns)}, replace: ${JSON.stringify(rule.expected)}}`).join('\n') + '\n'
    const same = createPostedit({shippedRules: false, detectors: false}, [compileRuleSet(parseRuleFile(yaml, `prh-${which}.yml`))])
    same.check(text)
    const sameTime = await time(() => same.check(text))
    row(`postedit check with only the same ${dictionary.length} rules, 1 MB`, mbps(bytes, sameTime), `${(prhTime / sameTime).toFixed(2)}× textlint + prh`)
  }

  // Rule-count scaling: generated literal rules added to an empty pipeline. The pipelines are
  // measured in turns, round by round, so machine noise falls on every rule count alike.
  const counts = quick ? [100, 1_000, 10_000] : [100, 1_000, 10_000, 100_000]
  const scaled = counts.map((count) => {
    const yaml = 'rules:\n' + literalRules(count).map((rule, i) => `  - {id: r${i}, message: x, match: "${rule.pattern}", replace: "${rule.replacement}"}`).join('\n') + '\n'
    const compileStart = performance.now()
    const set = compileRuleSet(parseRuleFile(yaml, `generated-${count}.yml`))
    const compile = (performance.now() - compileStart) / 1000
    const pipeline = createPostedit({shippedRules: false, detectors: false}, [set])
    pipeline.check(text)
    return {count, compile, pipeline, runs: [] as number[]}
  })
  for (let round = 0; round < REPEAT; round++)
    for (const entry of scaled) {
      ;(globalThis as {gc?: () => void}).gc?.()
      const start = performance.now()
      entry.pipeline.check(text)
      entry.runs.push((performance.now() - start) / 1000)
    }
  const at100 = median(scaled[0].runs)
  for (const {count, compile, runs} of scaled)
    row(`rules only: ${count.toLocaleString('en')} literal rules, 1 MB (compile ${compile.toFixed(1)} s)`, mbps(bytes, median(runs)), `${(at100 / median(runs)).toFixed(2)}× of 100 rules`)

  // Document length: linear time, bounded memory (CLI, whole process). Long files are read,
  // checked and fixed window by window.
  const sizes = quick ? [1] : [1, 10, 100]
  const singleFile = (size: number): string => (size === 1 ? oneMB : file(`single-${size}mb.txt`, size * 1_000_000))
  for (const size of sizes) {
    const {seconds, rssMB} = measure([process.execPath, BIN, 'check', '-q', '--no-config', singleFile(size)])
    row(`single file, ${size} MB: postedit check (CLI)`, mbps(size * 1e6, seconds), `peak RSS ${rssMB.toFixed(0)} MB`)
  }
  for (const size of full ? sizes : sizes.filter((size) => size < 100)) {
    const {seconds, rssMB} = measure([process.execPath, BIN, 'fix', '-q', '--no-config', '--out', join(DATA, 'fixed'), singleFile(size)])
    row(`single file, ${size} MB: postedit fix --out (CLI)`, mbps(size * 1e6, seconds), `peak RSS ${rssMB.toFixed(0)} MB`)
  }

  // Batch: files in parallel; speed-up on 2 cores; memory with 1,000 files × 50 KB.
  const batch = folder('batch-200x50k', 200, 50_000)
  const one = measure([process.execPath, BIN, 'check', '-q', '--no-config', '--jobs', '1', batch])
  const two = measure([process.execPath, BIN, 'check', '-q', '--no-config', '--jobs', '2', batch])
  row('batch 200 × 50 KB, --jobs 1', mbps(200 * 50_000, one.seconds), `peak RSS ${one.rssMB.toFixed(0)} MB`)
  row('batch 200 × 50 KB, --jobs 2', mbps(200 * 50_000, two.seconds), `speed-up ${(one.seconds / two.seconds).toFixed(2)}×, peak RSS ${two.rssMB.toFixed(0)} MB`)
  // The machine's own ceiling for this work: the same 200 files as two independent processes
  // side by side, 100 each, against one process doing all 200 (--jobs 1 above).
  const halves = [folder('batch-200x50k-first-half', 100, 50_000, 0), folder('batch-200x50k-second-half', 100, 50_000, 100)]
  const sideBySide = await measureTogether(halves.map((half) => [process.execPath, BIN, 'check', '-q', '--no-config', '--jobs', '1', half]))
  row('two processes side by side, 100 × 50 KB each, --jobs 1', mbps(200 * 50_000, sideBySide), `speed-up ${(one.seconds / sideBySide).toFixed(2)}× over one process: what two cores give two independent copies of the work here`)
  if (!quick) {
    const thousand = folder('batch-1000x50k', 1000, 50_000)
    const memory = measure([process.execPath, BIN, 'check', '-q', '--no-config', '--jobs', '2', thousand])
    row('batch 1,000 × 50 KB, --jobs 2', mbps(1000 * 50_000, memory.seconds), `peak RSS ${memory.rssMB.toFixed(0)} MB (process tree: main + workers)`)
  }

  // Start-up: a one-line file, including rule compilation and the gazetteer.
  const line = join(DATA, 'one-line.txt')
  writeFileSync(line, 'Talks in Dohi resumed.\n')
  const startups = Array.from({length: REPEAT}, () => measure([process.execPath, BIN, 'check', '-q', '--no-config', line]))
  row('start-up: check a one-line file (CLI)', `${median(startups.map((s) => s.seconds)).toFixed(2)} s`, `peak RSS ${median(startups.map((s) => s.rssMB)).toFixed(0)} MB`)

  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`
  const table = ['| measurement | MB/s (median) | notes |', '|---|---:|---|', ...rows.map((cells) => `| ${cells.join(' | ')} |`)].join('\n')
  console.log(`Machine: ${machine}\n\n${table}`)
  mkdirSync(DATA, {recursive: true})
  writeFileSync(join(DATA, 'results.md'), `Machine: ${machine}\n\n${table}\n`)
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message)
  process.exitCode = 1
})
