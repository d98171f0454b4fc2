import {spawn, spawnSync} from 'node:child_process'
import {copyFileSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {diffChars} from 'diff'
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {decodeText} from '../../src/cli/io.js'
import {declaredEncoding, FORMAT_NAMES, formatNamed, formatOf, loadFormats, pipelinesFor} from '../../src/formats/index.js'
import {DETECTOR_NAMES} from '../../src/detectors/index.js'
import {DecisionStore} from '../../src/review/decisions.js'
import {ReviewSession} from '../../src/review/session.js'
import {tempDir} from '../helpers.js'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'formats')
const BIN = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'bin.js')
await loadFormats(FORMAT_NAMES)
const pipelineOf = pipelinesFor({})

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

function read(name: string, encoding?: string) {
  const format = formatOf(name)
  return decodeText(name, readFileSync(join(FIXTURES, name)), {encoding, declared: (head) => declaredEncoding(format, head)})
}

interface Case {
  file: string
  encoding?: string
  /** Garbles in prose and what they must become. */
  fixed: Array<[string, string]>
  /** Text outside prose (code, attributes, notes, comments, timings) that must stay as it is. */
  kept: string[]
}

const CASES: Case[] = [
  {
    file: 'article.md',
    fixed: [['# Talks in Dohi resumed', '# Talks in Doha resumed'], ['in *Katar* had', 'in *Qatar* had'], ['on the **state** of', 'on the **condition** of'], ['> Hamas and his allies', '> Hamas and its allies'], ['| Katar   |', '| Qatar   |']],
    kept: ['title: Talks in Dohi', 'tags: [Katar, hostages]', '`postedit check --from ru Katar.md`', 'echo "US US officials in Katar"', '<div class="aside">Katar in an HTML block', '(https://example.com/Katar?state=anonymity "Katar report")', '[ref]: https://example.com/Dohi', 'the \\*fixes\\*'],
  },
  {
    file: 'page.html',
    fixed: [['<title>Talks in Dohi</title>', '<title>Talks in Doha</title>'], ['<em>state</em> of anonymity&nbsp;because', '<em>condition</em> of anonymity&nbsp;because'], ['">Katar</a>', '">Qatar</a>'], ['Hamas and his allies', 'Hamas and its allies']],
    kept: ['/* Katar */', 'var city = "Dohi"; // US US', '<!-- Katar: a comment', 'title="Katar"', 'href="https://example.com/Katar"', '<code>postedit check Katar.html</code>', '<span translate="no">Katar</span>', '<pre>US US officials in Katar</pre>', 'alt="Katar skyline"', '&ldquo;over&rdquo; &amp; the mediators&#8217;'],
  },
  {
    file: 'catalog.po',
    fixed: [['msgstr "Talks in Dohi resumed"', 'msgstr "Talks in Doha resumed"'], ['"(%s), saying that \\"Katar\\" would', '"(%s), saying that \\"Qatar\\" would'], ['msgstr "Katar\\tmediated"', 'msgstr "Qatar\\tmediated"']],
    kept: ['#, fuzzy, c-format', '#| msgid "Officials spoke anonymously"', 'msgid "Переговоры в Дохе возобновились"', '#~ msgstr "US US officials in Katar"', '"Content-Type: text/plain; charset=UTF-8\\n"', 'msgid_plural "%d hostages were released"'],
  },
  {
    file: 'catalog-latin1.po',
    fixed: [['msgstr "The café in Dohi reopened"', 'msgstr "The café in Doha reopened"'], ['for US US officials', 'for U.S. officials']],
    kept: ['# Catalogue en Latin-1 : café, déjà vu.', 'msgid "Le café de Doha a rouvert"'],
  },
  {
    file: 'document.xlf',
    fixed: [['>Talks in Dohi</target>', '>Talks in Doha</target>'], ['the <g id="1">state</g> of anonymity &amp; left <x id="2"/> early', 'the <g id="1">condition</g> of anonymity &amp; left <x id="2"/> early'], ['</bpt>Katar<ept', '</bpt>Qatar<ept'], ['<![CDATA[They will expand the truce in Katar.]]>', '<![CDATA[They will extend the truce in Qatar.]]>']],
    kept: ['<note>Katar in a header note stays.</note>', '<target>US US officials in Katar</target>', '<note from="reviewer">Check "Katar" here.</note>', '<source>Katar</source>\n        <target>Katar</target>', '<bpt id="1">&lt;b&gt;</bpt>', 'officials&#8217; notes'],
  },
  {
    file: 'document-utf16.xlf',
    fixed: [['>Talks in Dohi</target>', '>Talks in Doha</target>']],
    kept: ['encoding="UTF-16"', '<target>US US officials in Katar</target>'],
  },
  {
    file: 'document-2.0.xlf',
    fixed: [['<target>Talks in Dohi resumed.</target>', '<target>Talks in Doha resumed.</target>'], ['<pc id="1">state</pc>', '<pc id="1">condition</pc>'], ['<mrk id="m1" type="term">Katar</mrk>', '<mrk id="m1" type="term">Qatar</mrk>']],
    kept: ['<note id="n1">Katar in a file note stays.</note>', '<ph id="2" disp="{count}"/>', '<data id="d1">&lt;br/&gt;</data>', '<target>Katar</target>'],
  },
  {
    file: 'episode.srt',
    fixed: [['in <i>Katar</i> had', 'in <i>Qatar</i> had'], ['{\\an8}They spoke on the state\r\nof anonymity.', '{\\an8}They spoke on the condition\r\nof anonymity.'], ['>Hamas and his allies</font>', '>Hamas and its allies</font>']],
    kept: ['00:00:01,000 --> 00:00:04,200\r\n', '<font color="#ffff00">'],
  },
  {
    file: 'episode-cp1252.srt',
    encoding: 'windows-1252',
    fixed: [['talks in Dohi – so far', 'talks in Doha – so far']],
    kept: ['The mediators’ talks'],
  },
  {
    file: 'episode.vtt',
    fixed: [['in <i>Katar</i> had', 'in <i>Qatar</i> had'], ['the state of anonymity &amp; left', 'the condition of anonymity &amp; left'], ['<c.yellow>Hamas and his allies</c>', '<c.yellow>Hamas and its allies</c>']],
    kept: ['WEBVTT - Talks in Dohi', 'Katar in a note stays as it is.', '00:00:01.000 --> 00:00:04.200 align:start position:10%', '<v Reporter>', '<00:01:08.000>at last.'],
  },
]

/** Source ranges of the prose a format lets postedit change. */
function proseRanges(file: string, text: string): Array<[number, number]> {
  const format = formatOf(file)
  if (format === 'text') return [[0, text.length]]
  return formatNamed(format)
    .extract(text)
    .flatMap((segment) => segment.pieces)
    .filter((piece) => piece.kind === 'text' && piece.text.length > 0)
    .map((piece) => [piece.offsets[0], piece.offsets[piece.offsets.length - 1]] as [number, number])
}

describe.each(CASES)('$file', ({file, encoding, fixed, kept}) => {
  const input = read(file, encoding)
  const pipeline = pipelineOf(file)
  const output = pipeline.fix(input.text, {apply: 'review'}).output

  it('fixes the garbles in its prose', () => {
    for (const [before, after] of fixed) {
      expect(input.text).toContain(before)
      expect(output).toContain(after)
    }
  })

  it('leaves code, markup, attributes, notes and timings as they are', () => {
    for (const text of kept) {
      expect(input.text).toContain(text)
      expect(output).toContain(text)
    }
  })

  it('changes nothing outside the prose it extracted', () => {
    const ranges = proseRanges(file, input.text)
    let offset = 0
    for (const part of diffChars(input.text, output)) {
      if (part.removed) {
        const inside = ranges.some(([start, end]) => start <= offset && offset + part.value.length <= end)
        expect(inside, `removed ${JSON.stringify(part.value)} at ${offset}`).toBe(true)
      }
      if (part.added) expect(ranges.some(([start, end]) => start <= offset && offset <= end), `added ${JSON.stringify(part.value)} at ${offset}`).toBe(true)
      if (!part.added) offset += part.value.length
    }
  })

  it('fixing twice equals fixing once', () => {
    expect(pipeline.fix(output, {apply: 'review'}).output).toBe(output)
  })
})

describe('round trips through the CLI', () => {
  const offArgs = ['--no-default-rules', ...DETECTOR_NAMES.flatMap((name) => ['--disable', name])]

  it('writes every sample back byte for byte when there is nothing to fix (CRLF, BOM, Latin-1, UTF-16, Windows-1252)', () => {
    const dir = tempDir()
    for (const {file, encoding} of CASES) {
      const result = run(['fix', '--no-decisions', '--out', 'out', ...offArgs, ...(encoding ? ['--encoding', encoding] : []), join(FIXTURES, file)], dir)
      expect(result.stderr, file).toContain('0 of 1 file changed')
    }
    for (const {file} of CASES) {
      const written = readFileSync(join(dir, 'out', FIXTURES.replace(/^\//, ''), file))
      expect(written.equals(readFileSync(join(FIXTURES, file))), file).toBe(true)
    }
  })

  it('writes a fixed file in its own encoding, changed only in the fixed segments', () => {
    const dir = tempDir()
    for (const name of ['catalog-latin1.po', 'document-utf16.xlf', 'article-crlf.md']) copyFileSync(join(FIXTURES, name), join(dir, name))
    const result = run(['fix', '--no-decisions', '--write', '--no-backup', 'catalog-latin1.po', 'document-utf16.xlf', 'article-crlf.md'], dir)
    expect(result.stderr).toContain('3 of 3 files changed')
    const latin1 = readFileSync(join(dir, 'catalog-latin1.po'))
    expect(iconv.decode(latin1, 'latin1')).toContain('msgstr "The café in Doha reopened"')
    expect(latin1.includes(Buffer.from('caf\u00e9', 'latin1'))).toBe(true)
    const utf16 = readFileSync(join(dir, 'document-utf16.xlf'))
    expect([...utf16.subarray(0, 2)]).toEqual([0xff, 0xfe])
    expect(iconv.decode(utf16.subarray(2), 'utf-16le')).toContain('>Talks in Doha</target>')
    const markdown = readFileSync(join(dir, 'article-crlf.md'), 'utf8')
    expect(markdown.startsWith('\uFEFF---\r\n')).toBe(true)
    expect(markdown).toContain('# Talks in Doha resumed\r\n')
    expect(markdown.replace(/\r\n/g, '')).not.toMatch(/\n/)
  })

  it('refuses a fix the file encoding cannot hold, and writes nothing', () => {
    const dir = tempDir()
    copyFileSync(join(FIXTURES, 'catalog-latin1.po'), join(dir, 'catalog.po'))
    writeFileSync(join(dir, 'dash.yml'), 'rules:\n  - id: dash\n    message: x\n    apply: auto\n    match: reopened\n    replace: reopened — again\n    examples: [{in: reopened, out: reopened — again}]\n')
    const result = run(['fix', '--no-decisions', '--write', '--rules', 'dash.yml', 'catalog.po'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('iso-8859-1 cannot hold')
    expect(readFileSync(join(dir, 'catalog.po')).equals(readFileSync(join(FIXTURES, 'catalog-latin1.po')))).toBe(true)
  })

  it('asks for --encoding when a file is not UTF-8 and declares nothing', () => {
    const result = run(['check', '--no-decisions', join(FIXTURES, 'episode-cp1252.srt')], FIXTURES)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/invalid UTF-8 at byte \d+.*--encoding/)
  })

  it('shows a structured file’s diff as its changed lines, and git apply takes it', () => {
    const dir = tempDir()
    copyFileSync(join(FIXTURES, 'catalog.po'), join(dir, 'catalog.po'))
    const diff = run(['diff', '--no-decisions', 'catalog.po'], dir)
    expect(diff.code).toBe(1)
    expect(diff.stdout).toContain('-msgstr "Talks in Dohi resumed"\n+msgstr "Talks in Doha resumed"\n')
    expect(diff.stdout).not.toMatch(/^[-+]#~/m)
    writeFileSync(join(dir, 'fix.patch'), diff.stdout)
    const git = spawnSync('git', ['apply', 'fix.patch'], {cwd: dir, encoding: 'utf8'})
    expect(git.stderr).toBe('')
    expect(readFileSync(join(dir, 'catalog.po'), 'utf8')).toContain('msgstr "Talks in Doha resumed"')
  })
})

describe('markup inside a sentence', () => {
  const html = pipelineOf('x.html')
  it('does not break matching, and the fix lands inside the markup', () => {
    expect(html.fix('<p>They spoke on the <b>state</b> of anonymity.</p>').output).toBe('<p>They spoke on the <b>condition</b> of anonymity.</p>')
    expect(html.fix('<p>Talks in <b>Ka</b>tar ended.</p>').output).toBe('<p>Talks in <b>Qa</b>tar ended.</p>')
  })
  it('reports a fix that would cross markup without applying it', () => {
    const text = '<p>They spoke <i>about the</i> state of anonymity.</p>'
    const [finding] = html.check(text).findings.filter((f) => f.ruleId === 'condition-of-anonymity')
    expect(finding).toMatchObject({expected: [], apply: 'never'})
    expect(finding.note).toMatch(/markup/)
    expect(text.slice(finding.start.offset, finding.end.offset)).toBe('about the</i> state of anonymity')
    expect(html.fix(text, {apply: 'review'}).output).toBe(text)
  })
  it('keeps placeholders and inline codes out of every fix', () => {
    const po = pipelineOf('x.po')
    expect(po.fix('msgid "x"\nmsgstr "%s in Katar and {count} in Dohi"\n').output).toBe('msgid "x"\nmsgstr "%s in Qatar and {count} in Doha"\n')
    // Only placeholders stand between two copies of a word: nothing there is prose to fix.
    expect(po.check('msgid "x"\nmsgstr "officials %s %s officials"\n').findings).toEqual([])
  })
  it('escapes replacements the way the format stores text', () => {
    const rules = pipelinesFor({shippedRules: false, rules: [writeRule('match: Katar\n    replace: "Qatar & \\"Doha\\" > here"')], disable: [...DETECTOR_NAMES]})
    expect(rules('x.po').fix('msgid "x"\nmsgstr "In Katar."\n').output).toBe('msgid "x"\nmsgstr "In Qatar & \\"Doha\\" > here."\n')
    expect(rules('x.html').fix('<p>In Katar.</p>').output).toBe('<p>In Qatar &amp; "Doha" &gt; here.</p>')
    expect(rules('x.xlf').fix(xliff('In Katar.')).output).toBe(xliff('In Qatar &amp; "Doha" &gt; here.'))
  })
})

function writeRule(body: string): string {
  const dir = tempDir()
  const path = join(dir, 'rule.yml')
  writeFileSync(path, `rules:\n  - id: r\n    message: x\n    apply: auto\n    ${body}\n`)
  return path
}

function xliff(target: string): string {
  return `<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="ru" target-language="en" datatype="plaintext" original="a"><body><trans-unit id="1"><source>x</source><target>${target}</target></trans-unit></body></file></xliff>\n`
}

describe('malformed files', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['bad.po', 'msgid "a"\nmsgstr "b\n', /bad\.po:2:8: unterminated string/],
    ['stray.po', 'msgid "a"\nmsgstr "b"\nwhat is this\n', /stray\.po:3:1: unexpected "what is this"/],
    ['open.xlf', '<?xml version="1.0"?>\n<xliff version="1.2">\n<file><body><trans-unit id="1"><target>Talks in Dohi</trans-unit>\n</body></file></xliff>\n', /open\.xlf:3:\d+: .*not well-formed XML/],
    ['timing.srt', '1\n00:00:01,000 --> 00:00:02,000\nHello\n\n2\n00:00:03 to 00:00:04\nTalks in Dohi\n', /timing\.srt:5:1: expected a cue/],
    ['header.vtt', 'Talks in Dohi\n\n00:01.000 --> 00:02.000\nHi\n', /header\.vtt:1:1: a WebVTT file starts with "WEBVTT"/],
    ['comment.html', '<p>Talks in Dohi</p>\n<!-- never closed\n', /comment\.html:2:\d+: .*not well-formed HTML/],
  ]
  it.each(cases)('%s: one line with the place, exit 2, never rewritten', (name, content, message) => {
    const dir = tempDir()
    writeFileSync(join(dir, name), content)
    const result = run(['fix', '--no-decisions', '--write', name], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(message)
    expect(result.stderr.trim().split('\n').filter((line) => line.startsWith('postedit:') && !line.includes('files changed'))).toHaveLength(1)
    expect(readFileSync(join(dir, name), 'utf8')).toBe(content)
  })
})

describe('loading formats', () => {
  it('imports no parser for plain text, and names the format a pipeline was not given', () => {
    const script = [
      `const {pipelinesFor} = await import(${JSON.stringify(join(import.meta.dirname, '..', '..', 'dist', 'formats', 'index.js'))})`,
      `const pipelineOf = pipelinesFor({})`,
      `pipelineOf('notes.txt').check('Officials arrived in Katar.')`,
      `let message = ''`,
      `try { pipelineOf('notes.md') } catch (error) { message = error.message }`,
      `console.log(message)`,
    ].join('\n')
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8'})
    expect(result.stderr).toBe('')
    expect(result.stdout).toContain('markdown format is not loaded')
  })
})

describe('structured files in batch and review', () => {
  it('a folder takes every format; --format-in reads a file as another format', () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'in'))
    for (const name of ['article.md', 'catalog.po', 'episode.vtt', 'page.html']) copyFileSync(join(FIXTURES, name), join(dir, 'in', name))
    writeFileSync(join(dir, 'in', 'notes.txt'), 'Run `Katar` to see Dohi.\n')
    const json = JSON.parse(run(['check', '--no-decisions', '--format', 'json', '--jobs', '2', 'in'], dir).stdout) as Array<{path: string; messages: Array<{actual: string}>}>
    expect(json.map((file) => file.path)).toEqual(['in/article.md', 'in/catalog.po', 'in/episode.vtt', 'in/notes.txt', 'in/page.html'])
    expect(json.find((file) => file.path === 'in/notes.txt')!.messages.map((m) => m.actual)).toEqual(['Katar', 'Dohi'])
    const asMarkdown = JSON.parse(run(['check', '--no-decisions', '--format', 'json', '--format-in', 'markdown', 'in/notes.txt'], dir).stdout) as Array<{messages: Array<{actual: string}>}>
    expect(asMarkdown[0].messages.map((m) => m.actual)).toEqual(['Dohi'])
    expect(run(['check', '--format-in', 'docx', 'in/notes.txt'], dir)).toMatchObject({code: 2, stderr: expect.stringContaining('--format-in must be one of')})
  })

  it('a review of a structured file accepts into the same file the fixer writes', () => {
    const input = read('document.xlf')
    const store = new DecisionStore(undefined)
    const pipeline = pipelinesFor({decisions: store})('document.xlf')
    const session = new ReviewSession('document.xlf', input.text, pipeline.check(input.text).findings, store)
    expect(session.current?.finding.actual).toBe('Dohi')
    session.reject()
    while (!session.done) session.accept()
    const reviewed = session.result()
    expect(reviewed).toContain('>Talks in Dohi</target>')
    expect(reviewed).toContain('the <g id="1">condition</g> of anonymity')
    expect(reviewed).toContain('<target>US US officials in Katar</target>')
    // The rejection is remembered: the next check of the reviewed file does not propose it again.
    expect(pipeline.check(reviewed).findings.map((f) => f.actual)).not.toContain('Dohi')
    expect(pipelineOf('document.xlf').check(reviewed).findings.map((f) => f.actual)).toContain('Dohi')
  })
})

describe('review --web on a structured file', () => {
  it('serves the suggestions of its prose only', async () => {
    const dir = tempDir()
    copyFileSync(join(FIXTURES, 'catalog.po'), join(dir, 'catalog.po'))
    const child = spawn(process.execPath, [BIN, 'review', '--web', '--no-open', '--no-decisions', 'catalog.po'], {cwd: dir, env: {...process.env, NO_COLOR: '1'}})
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = ''
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString()
          const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output)
          if (match) resolve(match[0])
        })
        child.on('exit', () => reject(new Error(`review exited: ${output}`)))
      })
      const state = (await (await fetch(`${url}api/state`)).json()) as {files: Array<{suggestions: Array<{actual: string; start: number}>}>}
      const text = readFileSync(join(dir, 'catalog.po'), 'utf8')
      const suggestions = state.files[0].suggestions
      expect(suggestions.map((s) => s.actual)).toEqual(expect.arrayContaining(['Dohi', 'Katar', 'on the state of anonymity']))
      const obsolete = text.indexOf('#~ msgstr')
      expect(suggestions.every((s) => s.start < obsolete)).toBe(true)
    } finally {
      child.kill('SIGINT')
    }
  })
})
