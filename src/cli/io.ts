/**
 * Reading inputs safely and writing outputs atomically. Every problem becomes an InputError with
 * a one-line message; nothing is written unless asked, and never partly.
 */
import {closeSync, copyFileSync, fstatSync, mkdirSync, openSync, readFileSync, readSync} from 'node:fs'
import {dirname, join, relative, resolve, isAbsolute} from 'node:path'
import iconv from 'iconv-lite'
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
  /** The character encoding the file is read and written in (iconv-lite name; default utf-8). */
  encoding?: string
}

export interface DecodeOptions {
  /** Read (and write back) in this encoding whatever the file declares. */
  encoding?: string
  /** The encoding the file declares inside itself (a PO charset, an XML or HTML declaration). */
  declared?: (head: string) => string | undefined
}

const UTF8 = /^utf-?8$/i

/**
 * Decode a file's bytes: UTF-16 by its byte order mark, a legacy encoding when asked for or
 * declared by the file, else strict UTF-8. Binary data and undecodable bytes are refused.
 */
export function decodeText(path: string, bytes: Uint8Array, options: DecodeOptions = {}): TextInput {
  if (bytes.length === 0) throw new InputError(path, 'empty file, nothing to check')
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined
  const declared = utf16 ? undefined : options.declared?.(Buffer.from(bytes.subarray(0, 4096)).toString('latin1'))
  const encoding = options.encoding ?? utf16 ?? (declared && !UTF8.test(declared) ? declared : undefined)
  if (encoding && !UTF8.test(encoding)) {
    if (!iconv.encodingExists(encoding)) throw new InputError(path, `unknown character encoding "${encoding}"`)
    const decoded = iconv.decode(Buffer.from(bytes), encoding, {stripBOM: false})
    if (!encoding.startsWith('utf-16') && decoded.includes('\0')) throw new InputError(path, 'binary file (it contains NUL bytes), not text')
    const bom = decoded.charCodeAt(0) === 0xfeff
    return {path, text: bom ? decoded.slice(1) : decoded, bom, encoding: encoding.toLowerCase()}
  }
  const probe = bytes.subarray(0, 8192)
  if (probe.includes(0)) throw new InputError(path, 'binary file (it contains NUL bytes), not text')
  let text: string
  try {
    text = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true}).decode(bytes)
  } catch {
    throw new InputError(path, `invalid UTF-8 at byte ${firstInvalidByte(bytes)}; convert the file to UTF-8 first, or name its encoding with --encoding`)
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

/**
 * All of standard input. readFileSync(0) fails with EAGAIN when the pipe is non-blocking and the
 * writer has not caught up (a parent process feeding more than a pipe's buffer): wait and go on.
 */
export function readStdin(): Buffer {
  const blocks: Buffer[] = []
  const pause = new Int32Array(new SharedArrayBuffer(4))
  for (;;) {
    const block = Buffer.alloc(1 << 16)
    let count: number
    try {
      count = readSync(0, block, 0, block.length, null)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error
      Atomics.wait(pause, 0, 0, 5)
      continue
    }
    if (count === 0) return Buffer.concat(blocks)
    blocks.push(block.subarray(0, count))
  }
}

export function readInput(path: string, stdin: () => Uint8Array = readStdin, options: DecodeOptions = {}): TextInput {
  let bytes: Uint8Array
  try {
    bytes = path === '-' ? stdin() : readFileSync(path)
  } catch (error) {
    throw readError(path === '-' ? '<stdin>' : path, error)
  }
  return decodeText(path === '-' ? '<stdin>' : path, bytes, options)
}

export interface TextPieces {
  path: string
  /** Reads the text from the start, block by block; call it again for another pass. */
  read: () => Iterable<string>
  /** Size of the text in UTF-8 bytes (without a byte order mark). */
  bytes: number
  bom: boolean
}

const PIECE_BYTES = 1 << 20

/**
 * A UTF-8 file read in blocks instead of whole, for texts too long to hold at once with all they
 * give rise to. Refuses what readInput refuses, with the same messages; a file that is not plain
 * UTF-8 (UTF-16 by its byte order mark) gives undefined: read it whole. A pass ends with an
 * InputError at the first undecodable byte, so a first pass over the file vouches for the next.
 */
export function textPiecesOf(path: string): TextPieces | undefined {
  const opened = openOrExplain(path)
  let head: Buffer
  let size: number
  try {
    size = fstatSync(opened).size
    head = Buffer.alloc(Math.min(size, 8192))
    readSync(opened, head, 0, head.length, 0)
  } finally {
    closeSync(opened)
  }
  if (size === 0) throw new InputError(path, 'empty file, nothing to check')
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return undefined
  if (head.includes(0)) throw new InputError(path, 'binary file (it contains NUL bytes), not text')
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf
  function* read(): Generator<string> {
    const fd = openOrExplain(path)
    const decoder = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false})
    const block = Buffer.alloc(PIECE_BYTES)
    try {
      for (;;) {
        const count = readSync(fd, block, 0, block.length, null)
        let piece: string
        try {
          piece = count === 0 ? decoder.decode() : decoder.decode(block.subarray(0, count), {stream: true})
        } catch {
          // The whole-file reader names the first bad byte; this one only knows the block.
          decodeText(path, readFileSync(path))
          throw new InputError(path, 'invalid UTF-8; convert the file to UTF-8 first, or name its encoding with --encoding')
        }
        if (piece) yield piece
        if (count === 0) return
      }
    } finally {
      closeSync(fd)
    }
  }
  return {path, read, bytes: size - (bom ? 3 : 0), bom}
}

function openOrExplain(path: string): number {
  try {
    return openSync(path, 'r')
  } catch (error) {
    throw readError(path, error)
  }
}

function readError(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code
  return new InputError(path, code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? (error as Error).message})`)
}

/** The text as the file holds it, byte order mark included (for printing and diffs). */
export function encodeText(input: {bom: boolean}, text: string): string {
  return input.bom ? '\uFEFF' + text : text
}

/** The file's bytes: its text in its own encoding, with its byte order mark. */
export function encodeBytes(input: {path: string; bom: boolean; encoding?: string}, text: string): Buffer {
  if (!input.encoding || UTF8.test(input.encoding)) return Buffer.from(encodeText(input, text), 'utf8')
  const encoded = iconv.encode(encodeText(input, text), input.encoding)
  // A fix may bring in a character the legacy encoding lacks (a curly quote in Latin-1).
  if (iconv.decode(encoded, input.encoding, {stripBOM: false}) !== encodeText(input, text))
    throw new InputError(input.path, `the fixed text has characters ${input.encoding} cannot hold; nothing written`)
  return encoded
}

/** Write a file atomically (temp file + rename), keeping its mode. */
export function writeAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(resolve(path)), {recursive: true})
  if (typeof content === 'string') writeFileAtomic.sync(path, content, {encoding: 'utf8'})
  else writeFileAtomic.sync(path, Buffer.from(content))
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
