/**
 * Reading inputs safely and writing outputs atomically. Every problem becomes an InputError with
 * a one-line message; nothing is written unless asked, and never partly.
 */
import {mkdirSync, readFileSync, copyFileSync} from 'node:fs'
import {dirname, join, relative, resolve, isAbsolute} from 'node:path'
import writeFileAtomic from 'write-file-atomic'

export class InputError extends Error {
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`${path}: ${detail}`)
    this.name = 'InputError'
  }
}

export interface TextInput {
  /** As given on the command line ('-' for standard input). */
  path: string
  /** Text without its byte order mark. */
  text: string
  bom: boolean
}

/** Decode bytes as UTF-8 text, refusing binary data and invalid UTF-8. */
export function decodeText(path: string, bytes: Uint8Array): TextInput {
  if (bytes.length === 0) throw new InputError(path, 'empty file, nothing to check')
  const probe = bytes.subarray(0, 8192)
  if (probe.includes(0)) throw new InputError(path, 'binary file (it contains NUL bytes), not text')
  let text: string
  try {
    text = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true}).decode(bytes)
  } catch {
    throw new InputError(path, `invalid UTF-8 at byte ${firstInvalidByte(bytes)}; convert the file to UTF-8 first`)
  }
  const bom = text.charCodeAt(0) === 0xfeff
  return {path, text: bom ? text.slice(1) : text, bom}
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (for the error message). */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const byte = bytes[i]
    const continuation = byte < 0x80 ? 0 : byte >= 0xc2 && byte <= 0xdf ? 1 : byte >= 0xe0 && byte <= 0xef ? 2 : byte >= 0xf0 && byte <= 0xf4 ? 3 : -1
    if (continuation < 0) return i
    for (let k = 1; k <= continuation; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i
    i += continuation + 1
  }
  return i
}

export function readInput(path: string, stdin: () => Uint8Array = () => readFileSync(0)): TextInput {
  let bytes: Uint8Array
  try {
    bytes = path === '-' ? stdin() : readFileSync(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new InputError(path === '-' ? '<stdin>' : path, code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? (error as Error).message})`)
  }
  return decodeText(path === '-' ? '<stdin>' : path, bytes)
}

export function encodeText(input: {bom: boolean}, text: string): string {
  return input.bom ? '\uFEFF' + text : text
}

/** Write a file atomically (temp file + rename), keeping its mode. */
export function writeAtomic(path: string, content: string): void {
  mkdirSync(dirname(resolve(path)), {recursive: true})
  writeFileAtomic.sync(path, content, {encoding: 'utf8'})
}

/** Copy a file into a backup folder, mirroring its path relative to the working directory. */
export function backupFile(path: string, backupRoot: string): string {
  const absolute = resolve(path)
  const relativePath = relative(process.cwd(), absolute)
  const inside = relativePath.startsWith('..') || isAbsolute(relativePath) ? absolute.replace(/^[/\\]+|:/g, '') : relativePath
  const target = join(backupRoot, inside)
  mkdirSync(dirname(target), {recursive: true})
  copyFileSync(absolute, target)
  return target
}

/** Where `--out DIR` puts a file: the same relative path under DIR. */
export function outPath(path: string, outDir: string): string {
  const relativePath = relative(process.cwd(), resolve(path))
  const inside = relativePath.startsWith('..') || isAbsolute(relativePath) ? resolve(path).replace(/^[/\\]+|:/g, '') : relativePath
  return join(outDir, inside)
}
