/**
 * Which files a batch covers: paths, folders (every file of a known format inside) and globs, minus what
 * .posteditignore (gitignore syntax, in the working directory) excludes. Sorted, without duplicates.
 */
import {existsSync, readFileSync, readdirSync, statSync} from 'node:fs'
import {join, relative, resolve} from 'node:path'
import ignore, {type Ignore} from 'ignore'
import {globSync, isDynamicPattern} from 'tinyglobby'
import {InputError} from '../cli/io.js'

export const IGNORE_FILE = '.posteditignore'
// Every format postedit reads (see formats/index.ts); other files in a folder are not prose.
const TEXT_EXTENSIONS = /\.(txt|text|md|markdown|mdown|mkd|html?|xhtml|pot?|xlf|xliff|xlf2|srt|vtt)$/i

function loadIgnore(cwd: string): Ignore {
  const matcher = ignore()
  const path = join(cwd, IGNORE_FILE)
  if (existsSync(path)) matcher.add(readFileSync(path, 'utf8'))
  return matcher
}

function walk(folder: string, cwd: string, ignored: Ignore): string[] {
  const out: string[] = []
  for (const entry of readdirSync(folder, {withFileTypes: true}).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
    const full = join(folder, entry.name)
    const rel = relative(cwd, resolve(full))
    if (!rel.startsWith('..') && rel && ignored.ignores(entry.isDirectory() ? rel + '/' : rel)) continue
    if (entry.isDirectory()) out.push(...walk(full, cwd, ignored))
    else if (entry.isFile() && TEXT_EXTENSIONS.test(entry.name)) out.push(full)
  }
  return out
}

/** Files named by paths, folders and globs; "-" stands for standard input and is kept as is. */
export function collectFiles(args: string[], cwd = process.cwd()): string[] {
  const ignored = loadIgnore(cwd)
  const isIgnored = (path: string): boolean => {
    const rel = relative(cwd, resolve(cwd, path))
    return !rel.startsWith('..') && rel !== '' && ignored.ignores(rel)
  }
  const files: string[] = []
  for (const arg of args) {
    if (arg === '-') {
      files.push(arg)
      continue
    }
    if (!existsSync(resolve(cwd, arg)) && isDynamicPattern(arg)) {
      const matches = globSync(arg, {cwd, dot: false, ignore: ['**/node_modules/**'], onlyFiles: true}).sort()
      const kept = matches.filter((match) => !isIgnored(match))
      if (kept.length === 0) throw new InputError(arg, 'no files match this pattern')
      files.push(...kept)
      continue
    }
    let stats
    try {
      stats = statSync(resolve(cwd, arg))
    } catch {
      throw new InputError(arg, 'no such file or folder')
    }
    if (stats.isFile()) files.push(arg)
    else if (stats.isDirectory()) {
      const found = walk(arg, cwd, ignored)
      if (found.length === 0) throw new InputError(arg, 'folder holds no files postedit reads (.txt, .md, .html, .po, .xlf, .srt, .vtt …)')
      files.push(...found)
    } else throw new InputError(arg, 'not a regular file or folder')
  }
  return [...new Set(files)]
}
