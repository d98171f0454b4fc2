import type {Root} from 'nlcst'
import {readFileSync, readdirSync} from 'node:fs'
import {unified} from 'unified'
import retextEnglish from 'retext-english'
import {describe, expect, it} from 'vitest'
import retextEnglishChunked, {parseSentences, splitIntoChunks, splitIntoWindows, windowsOf} from '../../src/parse/chunked-english.js'
import {tokenizeEnglish} from '../../src/parse/direct-english.js'
import {tokenizeTree} from '../../src/parse/tokens.js'

const whole = unified().use(retextEnglish)
const chunked = unified().use(retextEnglishChunked, {keepTree: true})

function words(tree: Root) {
  return tokenizeTree(tree).flatMap((sentence) => sentence.tokens.map((token) => [token.text, token.start, token.end]))
}

describe('chunked parsing', () => {
  it('gives the same tokens and offsets as parsing the whole text', () => {
    const text = 'First paragraph, with “quotes”.\n\nSecond one. It has\ntwo lines.\r\n\r\n\r\nThird,, after CRLF.'
    expect(words(chunked.parse(text) as Root)).toEqual(words(whole.parse(text) as Root))
  })

  it('builds the same nlcst tree as retext-english, every node and position', () => {
    // Emoji and other surrogate pairs, runs of one punctuation mark, CR-only and CRLF line ends,
    // other scripts, digits in other scripts, symbols inside words.
    const tricky =
      'Tricky: emoji 👍🏽 and 😀😀, “quotes”!!! ... ?!\r\nCRLF line\rCR only\n\nNew para ——— — -- x²³ ½ ١٢٣ Доха, 北京 test_snake a&b e-mail @user #tag $5 €5 ...'
    const corpus = readdirSync('corpus')
      .filter((name) => name.endsWith('.mt.txt'))
      .map((name) => readFileSync(`corpus/${name}`, 'utf8'))
    for (const text of [tricky, ...corpus]) expect(chunked.parse(text)).toEqual(whole.parse(text))
  })

  it('makes the same token view without keeping the tree', () => {
    const text = 'First paragraph, with “quotes”.\n\nSecond one. It has\ntwo lines.\r\n\r\n\r\nThird,, after CRLF. U.S. officials met Mr. Smith.'
    const light = unified().use(retextEnglishChunked).parse(text) as Root
    expect(light.children).toEqual([])
    expect(parseSentences(text).map((sentence) => sentence.tokens.map((token) => [token.text, token.start, token.end]))).toEqual(
      tokenizeTree(chunked.parse(text) as Root).map((sentence) => sentence.tokens.map((token) => [token.text, token.start, token.end])),
    )
  })

  it('segments straight into tokens exactly as retext-english\'s tree reads: corpus and generated text', () => {
    const read = (text: string) => JSON.stringify(tokenizeTree(whole.parse(text) as Root, false))
    const files = [...readdirSync('corpus').map((name) => `corpus/${name}`), ...readdirSync('corpus/clean').map((name) => `corpus/clean/${name}`)]
    const corpus = files
      .filter((name) => name.endsWith('.txt'))
      .flatMap((name) => splitIntoChunks(readFileSync(name, 'utf8')).filter((chunk) => !chunk.isGap).map((chunk) => chunk.text))
    // Pieces that reach every merge of parse-latin and parse-english: abbreviations and initialisms,
    // elisions ('twas, ol', rock 'n' roll, w/), inner-word symbols and slashes, runs and repeats of
    // terminal marks, closing quotes after a full stop, line breaks of every kind, other scripts,
    // digits of other scripts, surrogate pairs and a lone surrogate.
    const pieces = ['Mr', 'Dr', 'St', 'Jan', 'Sept', 'sun', 'Inc', 'etc', 'viz', 'cf', 'fl', 'e', 'g', 'U', 'S', 'a', 'I', 'n', 'ol', 'w',
      'twas', 'cause', 'em', '99', '1990s', '1', '12', '000', 'talks', 'Doha', 'is', ' ', '  ', '\n', '\n\n', '\r\n', '\r', '\t', '\u00a0',
      '.', '.', '.', '..', '...', '…', '!', '?', '?!', ',', ';', ':', "'", '’', '‘', '"', '“', '”', '(', ')', '[', ']', '-', '–', '—',
      '/', '&', '@', '_', '__', '=', '*', '#', '$', '%', '+', '€', 'é', 'Ж', 'ж', '😀', '\ud800', '²', '٣', 'ǅ']
    let seed = 20261127
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      return seed % n
    }
    const generated = Array.from({length: 20000}, () => Array.from({length: 1 + random(60)}, () => pieces[random(pieces.length)]).join(''))
    const written = ['Version 1.2.3. Next one.', 'The U.S.A. and e.g. this, i.e. that. 4.5. Done', 'Rock \'n\' roll, \'twas ol\' times w/ friends. . .']
    expect(corpus.length).toBeGreaterThan(60)
    for (const text of [...written, ...corpus, ...generated]) expect(JSON.stringify(tokenizeEnglish(text)), JSON.stringify(text)).toBe(read(text))
  })

  it('keeps line and column positions of the whole file', () => {
    const text = 'One.\n\nTwo words.'
    const tree = chunked.parse(text) as Root
    const [, second] = tokenizeTree(tree)
    const node = second.tokens[1].node!
    expect(node.position?.start).toEqual({line: 3, column: 5, offset: 10})
    expect(tree.position?.end.offset).toBe(text.length)
  })

  it('cuts an overlong paragraph at sentence ends, tiling the text exactly', () => {
    const sentence = 'The talks resumed in Doha on Monday. '
    const text = sentence.repeat(2000)
    const chunks = splitIntoChunks(text, 1000)
    expect(chunks.length).toBeGreaterThan(70)
    expect(chunks.map((chunk) => chunk.text).join('')).toBe(text)
    for (const chunk of chunks) expect(chunk.text.length).toBeLessThanOrEqual(1000)
    // Every cut falls after a full stop, so no sentence is split.
    for (const chunk of chunks.slice(0, -1)) expect(chunk.text.trimEnd().endsWith('.')).toBe(true)
    const tree = chunked.parse(text) as Root
    const tokens = tokenizeTree(tree).flatMap((s) => s.tokens)
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text)
  })
})

describe('windowed checking', () => {
  it('finds the same things at the same places as checking the whole text', async () => {
    const {createPostedit} = await import('../../src/processor.js')
    const {readFileSync} = await import('node:fs')
    const seed = readFileSync('corpus/gaza-hostage-talks.mt.txt', 'utf8')
    const text = `${seed}\n\n${seed}\n\n${seed}`
    const whole = createPostedit({windowSize: 1e9}).check(text).findings
    const windowed = createPostedit({windowSize: 4000}).check(text).findings
    expect(windowed.length).toBeGreaterThan(100)
    expect(windowed).toEqual(whole)
  })

  it('cuts a text read piece by piece into the windows of the whole text, whatever the pieces', () => {
    // Longer than the reader's buffer (eight windows of at least 16 KB), so it cuts as it reads.
    const joined = readdirSync('corpus').filter((name) => name.endsWith('.mt.txt')).sort().map((name) => readFileSync(`corpus/${name}`, 'utf8')).join('\n\n')
    expect(joined.length).toBeGreaterThan(8 * 16_384 * 1.5)
    const texts = [
      joined,
      joined.replace(/\n/g, '\r\n'),
      // One paragraph: windows end at sentence ends inside it.
      joined.replace(/\s*\n\s*/g, ' '),
      // Long blank runs, which never end a window.
      joined.replace(/\n\n/g, (_, at: number) => (at % 7 === 0 ? '\n' + ' '.repeat(3000) + '\n' : '\n\n')),
    ]
    let random = 7
    const next = (): number => (random = (random * 48271) % 2147483647)
    for (const text of texts)
      for (const size of [2000, 9000, 20_000]) {
        const expected = splitIntoWindows(text, size).map((window) => ({text: text.slice(window.start, window.end), start: window.start}))
        expect(expected.length).toBeGreaterThan(2)
        function* pieces(): Generator<string> {
          for (let at = 0; at < text.length; ) {
            const length = 1 + (next() % 5000)
            yield text.slice(at, at + length)
            at += length
          }
        }
        expect([...windowsOf(pieces(), size)]).toEqual(expected)
      }
  })

  it('streams the findings of a text read in pieces: the same findings at the same lines and columns as checking it whole', async () => {
    const {createPostedit} = await import('../../src/processor.js')
    const seed = readFileSync('corpus/gaza-hostage-talks.mt.txt', 'utf8')
    const corpus = readdirSync('corpus').filter((name) => name.endsWith('.mt.txt')).sort().map((name) => readFileSync(`corpus/${name}`, 'utf8')).join('\n\n')
    const postedit = createPostedit({windowSize: 3000})
    for (const text of [corpus, `${seed}\n\n${seed}`.replace(/\n/g, '\r\n'), `${seed} ${seed}`.replace(/\s*\n\s*/g, ' ')]) {
      const whole = postedit.check(text).findings
      const read = function* (): Generator<string> {
        for (let at = 0; at < text.length; at += 1234) yield text.slice(at, at + 1234)
      }
      const batches = [...postedit.checkStream(read)]
      expect(batches.length).toBeGreaterThan(3)
      expect(batches.flat()).toEqual(whole)
      // Places are the document's: past the first window's lines, or past its columns on one line.
      const last = batches.at(-1)!.at(-1)!
      if (text.includes('\n')) expect(last.start.line).toBeGreaterThan(Math.max(...batches[0].map((finding) => finding.end.line)))
      else expect(last.start.column).toBeGreaterThan(3000)
    }
  })

  it('follows the apostrophe of the whole document in every window', async () => {
    const {createPostedit} = await import('../../src/processor.js')
    const curly = Array.from({length: 30}, (_, i) => `Paragraph ${i} says it’s the talks’ turn, and they’re long.`).join('\n\n')
    const text = `${curly}\n\nIt's late, it's cold, and it's Monday; the press secretary of Mr. Trump spoke.\n`
    const suggestion = (windowSize: number) =>
      createPostedit({windowSize}).check(text).findings.find((finding) => finding.actual.includes('press secretary'))?.expected[0]
    expect(suggestion(1e9)).toBe('Mr. Trump’s press secretary')
    expect(suggestion(100)).toBe('Mr. Trump’s press secretary')
  })

  it('judges a first mention in the whole document, not in the window a paragraph falls in', async () => {
    const {createPostedit} = await import('../../src/processor.js')
    const filler = Array.from({length: 40}, (_, i) => `Paragraph ${i} says that the talks went on for a long time.`).join('\n\n')
    const text = `Rescuers searched the rubble on Monday.\n\n${filler}\n\nThe rescuers found two survivors on Tuesday.\n`
    const firstMentionFindings = (windowSize: number) =>
      createPostedit({windowSize}).check(text).findings.filter((finding) => finding.ruleId === 'the-before-group')
    expect(firstMentionFindings(1e9)).toEqual([])
    expect(firstMentionFindings(1000)).toEqual([])
    // The same paragraph alone is a first mention: the finding the windows must not produce.
    expect(createPostedit().check('The rescuers found two survivors on Tuesday.\n').findings.map((finding) => finding.ruleId)).toContain('the-before-group')
  })
})

describe('the token view', () => {
  it('ends a sentence at a line break next to a paragraph-long line (a headline, a dateline), not inside hard-wrapped prose', () => {
    const paragraph = 'NEW YORK — The Democrat Zohran Mamdani on Tuesday won the race for mayor, defeating the former governor in a city-wide vote.'
    const headline = parseSentences(`Mamdani won the election of the mayor of New York\n${paragraph}`)
    expect(headline.map((sentence) => sentence.tokens[0].text)).toEqual(['Mamdani', 'NEW'])
    expect(headline[1].paragraphStart).toBe(true)
    expect(headline[0].end).toBeLessThan(headline[1].start)
    const wrapped = parseSentences('Mamdani won the election of the mayor of New York after\na campaign that lasted a year and drew crowds.')
    expect(wrapped).toHaveLength(1)
  })

  it('splits a lower-case word from its full stop where parse-english sees a day or month abbreviation', () => {
    const tokens = parseSentences('Stay out of the sun. It was Sun. 5 Mar. and the mar.').flatMap((sentence) => sentence.tokens.map((token) => token.text))
    expect(tokens).toContain('sun')
    expect(tokens).toContain('mar')
    expect(tokens).toContain('Sun.')
    expect(tokens).toContain('Mar.')
  })

  it('splits "War." from its full stop, which parse-english reads as an abbreviation', () => {
    const tokens = parseSentences('It was a relic of the Cold War. It ended.').flatMap((sentence) => sentence.tokens.map((token) => token.text))
    expect(tokens).toContain('War')
    expect(tokens).not.toContain('War.')
  })

  it('keeps a number with thousands separators as one token, but not a decimal comma or a spaced comma', () => {
    const [sentence] = parseSentences('He paid 1,000,000 dollars, then 12,50 and 3, 000.')
    const texts = sentence.tokens.map((token) => token.text)
    expect(texts).toContain('1,000,000')
    expect(texts.join(' ')).toContain('12 , 50')
    expect(texts.join(' ')).toContain('3 , 000')
    const million = sentence.tokens.find((token) => token.text === '1,000,000')
    expect(million && 'He paid 1,000,000 dollars'.slice(million.start, million.end)).toBe('1,000,000')
  })

  it('normalizes curly quotes, backquotes, acute accents and non-ASCII capitals', () => {
    const [sentence] = parseSentences('‘Kiev’ `x´ ÉTÉ')
    expect(sentence.tokens.map((token) => token.norm)).toEqual(["'", 'kiev', "'", "'", 'x', "'", 'été'])
  })
})
