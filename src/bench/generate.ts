/**
 * Generated benchmark corpora (kept out of git, in bench/data/): paragraphs drawn from the
 * annotated machine-translated articles and the clean reference texts, shuffled with a fixed
 * seed, so throughput is measured on text like the text postedit is for.
 */
import {mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync} from 'node:fs'
import {join} from 'node:path'

export const DATA = 'bench/data'

function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

/** Which texts a corpus draws on: the machine-translated articles, the clean English, or both. */
export type Source = 'all' | 'mt' | 'clean'

export function paragraphs(source: Source = 'all'): string[] {
  const sources = [
    ...(source === 'clean' ? [] : readdirSync('corpus').filter((name) => name.endsWith('.mt.txt')).map((name) => join('corpus', name))),
    ...(source === 'mt' ? [] : readdirSync('corpus/clean').filter((name) => name.endsWith('.txt')).map((name) => join('corpus/clean', name))),
  ]
  const out: string[] = []
  for (const path of sources)
    for (const paragraph of readFileSync(path, 'utf8').split(/\n+|(?<=[.!?]) (?=[A-Z])(?=[^]{0,4000}$)/)) {
      // Long speeches are one line; cut them into paragraph-sized pieces at sentence ends.
      for (let start = 0; start < paragraph.length; ) {
        let end = Math.min(paragraph.length, start + 900)
        const stop = paragraph.lastIndexOf('. ', end)
        if (end < paragraph.length && stop > start + 200) end = stop + 1
        const piece = paragraph.slice(start, end).trim()
        if (piece.length > 40) out.push(piece)
        start = end
      }
    }
  return out
}

/** A text of about `bytes` bytes. */
export function text(bytes: number, seed = 1, source: Source = 'all'): string {
  const pool = paragraphs(source)
  const next = random(seed)
  const parts: string[] = []
  let size = 0
  while (size < bytes) {
    const paragraph = pool[Math.floor(next() * pool.length)]
    parts.push(paragraph)
    size += paragraph.length + 2
  }
  return parts.join('\n\n') + '\n'
}

/** A file of about `bytes` bytes in bench/data (made once). */
export function file(name: string, bytes: number, seed = 1, source: Source = 'all'): string {
  mkdirSync(DATA, {recursive: true})
  const path = join(DATA, name)
  if (!existsSync(path)) writeFileSync(path, text(bytes, seed, source))
  return path
}

/** A folder of `count` files of about `bytes` each. */
export function folder(name: string, count: number, bytes: number, first = 0): string {
  const path = join(DATA, name)
  if (!existsSync(path)) {
    mkdirSync(path, {recursive: true})
    for (let i = first; i < first + count; i++) writeFileSync(join(path, `f${String(i).padStart(5, '0')}.txt`), text(bytes, i + 1))
  }
  return path
}

/** `count` literal rules (phrase → replacement) built from word pairs that do not occur in news text. */
export function literalRules(count: number): Array<{pattern: string; replacement: string}> {
  const next = random(count)
  const syllables = ['ka', 'lo', 'mi', 'zu', 're', 'po', 'ta', 'ne', 'vu', 'shi', 'gor', 'tel', 'bra', 'quin', 'dex']
  const word = (): string => Array.from({length: 3}, () => syllables[Math.floor(next() * syllables.length)]).join('')
  const rules: Array<{pattern: string; replacement: string}> = []
  const seen = new Set<string>()
  while (rules.length < count) {
    const pattern = `${word()} ${word()}`
    if (seen.has(pattern)) continue
    seen.add(pattern)
    rules.push({pattern, replacement: `${word()} ${word()}`})
  }
  return rules
}
