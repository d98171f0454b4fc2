/**
 * The formats postedit reads: which one a file is, and a pipeline for it. Plain text goes
 * straight to the processor; every other format through its prose (document.ts).
 */
import {extname} from 'node:path'
import {createPostedit, type Postedit, type PosteditOptions} from '../processor.js'
import {formatPostedit, type Format} from './document.js'
import {htmlFormat} from './html.js'
import {markdownFormat} from './markdown.js'
import {declaredPoCharset, poFormat} from './po.js'
import {srtFormat, vttFormat} from './subtitles.js'
import {declaredXmlEncoding, xliffFormat} from './xliff.js'

export const FORMAT_NAMES = ['text', 'markdown', 'html', 'po', 'xliff', 'srt', 'vtt'] as const
export type FormatName = (typeof FORMAT_NAMES)[number]

export const FORMATS: Record<Exclude<FormatName, 'text'>, Format> = {
  markdown: markdownFormat,
  html: htmlFormat,
  po: poFormat,
  xliff: xliffFormat,
  srt: srtFormat,
  vtt: vttFormat,
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
 * to the processor with its decisions, structured files through their prose.
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
      byFormat.set(format, (pipeline = formatPostedit(inner, FORMATS[format], options.decisions)))
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
