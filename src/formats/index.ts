/**
 * The formats postedit reads: which one a file is, and a pipeline for it. Plain text goes
 * straight to the processor; every other format through its prose (document.ts).
 */
import {extname} from 'node:path'
import {createPostedit, type Postedit, type PosteditOptions} from '../processor.js'
import {formatPostedit, type Format} from './document.js'
import {declaredPoCharset} from './po.js'
import {declaredXmlEncoding} from './segments.js'

export const FORMAT_NAMES = ['text', 'markdown', 'html', 'po', 'xliff', 'srt', 'vtt'] as const
export type FormatName = (typeof FORMAT_NAMES)[number]
type StructuredFormat = Exclude<FormatName, 'text'>

// Each format's parser is imported when a file of that format first turns up: the markdown, HTML
// and XML parsers hold ~40 MB in every thread that imports them, and a batch of plain text (every
// worker, and the main thread) needs none of them.
const LOADERS: Record<StructuredFormat, () => Promise<Format>> = {
  markdown: async () => (await import('./markdown.js')).markdownFormat,
  html: async () => (await import('./html.js')).htmlFormat,
  po: async () => (await import('./po.js')).poFormat,
  xliff: async () => (await import('./xliff.js')).xliffFormat,
  srt: async () => (await import('./subtitles.js')).srtFormat,
  vtt: async () => (await import('./subtitles.js')).vttFormat,
}
const loaded = new Map<StructuredFormat, Format>()

/** Load the parsers of these formats, so that `pipelinesFor` can read their files. */
export async function loadFormats(names: Iterable<FormatName>): Promise<void> {
  for (const name of new Set(names)) if (name !== 'text' && !loaded.has(name)) loaded.set(name, await LOADERS[name]())
}

/** A structured format loaded with `loadFormats`. */
export function formatNamed(name: StructuredFormat): Format {
  const format = loaded.get(name)
  if (!format) throw new Error(`the ${name} format is not loaded: await loadFormats(["${name}"]) first`)
  return format
}

const EXTENSIONS: Record<string, FormatName> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdown': 'markdown',
  '.mkd': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.po': 'po',
  '.pot': 'po',
  '.xlf': 'xliff',
  '.xliff': 'xliff',
  '.xlf2': 'xliff',
  '.srt': 'srt',
  '.vtt': 'vtt',
}

/** Extensions of the files a folder expands to. */
export const KNOWN_EXTENSIONS = Object.keys(EXTENSIONS)

/** The format of a path: the one asked for, else by extension, else plain text. */
export function formatOf(path: string, asked?: FormatName): FormatName {
  return asked ?? EXTENSIONS[extname(path).toLowerCase()] ?? 'text'
}

/**
 * Pipelines for every format from one set of options, sharing compiled rules: plain text goes
 * to the processor with its decisions, structured files through their prose (their formats
 * loaded first with `loadFormats`).
 */
export function pipelinesFor(options: PosteditOptions, asked?: FormatName): (path: string) => Postedit {
  const plain = createPostedit(options)
  let inner: Postedit | undefined
  const byFormat = new Map<FormatName, Postedit>()
  return (path) => {
    const format = formatOf(path, asked)
    if (format === 'text') return plain
    let pipeline = byFormat.get(format)
    if (!pipeline) {
      inner ??= options.decisions ? createPostedit({...options, decisions: undefined}, plain.ruleSets) : plain
      byFormat.set(format, (pipeline = formatPostedit(inner, formatNamed(format), options.decisions)))
    }
    return pipeline
  }
}

/** The encoding a file of this format declares in its first bytes, if any. */
export function declaredEncoding(format: FormatName, head: string): string | undefined {
  if (format === 'po') return declaredPoCharset(head)
  if (format === 'xliff') return declaredXmlEncoding(head)
  if (format === 'html') return /<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)/i.exec(head)?.[1] ?? declaredXmlEncoding(head)
  return undefined
}

export {FormatError} from './segments.js'
export type {Format} from './document.js'
