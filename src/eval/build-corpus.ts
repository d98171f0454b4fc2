/**
 * npm run corpus: turn corpus/src/*.marked.txt into corpus/NAME.mt.txt and NAME.gold.json.
 * `--check` fails when the committed files differ from what the sources give.
 */
import {readFileSync, readdirSync, writeFileSync, existsSync} from 'node:fs'
import {basename, join} from 'node:path'
import {MarkupError, parseMarkup} from './markup.js'

const check = process.argv.includes('--check')
const sources = readdirSync('corpus/src').filter((name) => name.endsWith('.marked.txt')).sort()
let stale = 0
for (const name of sources) {
  const base = basename(name, '.marked.txt')
  let marked: ReturnType<typeof parseMarkup>
  try {
    marked = parseMarkup(readFileSync(join('corpus/src', name), 'utf8'), base.slice(0, 1).toUpperCase())
  } catch (error) {
    if (!(error instanceof MarkupError)) throw error
    console.error(`corpus/src/${name}: ${error.message}`)
    process.exit(2)
  }
  const {text, gold} = marked
  const files = {
    [`corpus/${base}.mt.txt`]: text,
    [`corpus/${base}.gold.json`]:
      JSON.stringify(
        {
          file: `${base}.mt.txt`,
          note: `Generated from corpus/src/${name} by npm run corpus. Offsets are UTF-16 code unit offsets into the text; an empty fixes list means the span needs a human rewrite.`,
          annotations: gold,
        },
        null,
        2,
      ) + '\n',
  }
  for (const [path, content] of Object.entries(files)) {
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined
    if (current === content) continue
    if (check) {
      console.error(`${path} is stale: run npm run corpus`)
      stale++
    } else writeFileSync(path, content)
  }
  if (!check) console.log(`${base}: ${gold.length} gold spans, ${text.split(/\s+/).length} words`)
}
process.exitCode = stale > 0 ? 1 : 0
