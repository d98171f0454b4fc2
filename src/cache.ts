/**
 * A small on-disk cache for derived data (the gazetteer, parsed rule files), in
 * node_modules/.cache/postedit/ of the package, keyed by a hash of what it derives from. Writes are
 * atomic; a read-only install simply recomputes.
 */
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {threadId} from 'node:worker_threads'

export const CACHE_DIR = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'node_modules', '.cache', 'postedit')

export function hashOf(...parts: Array<string | Uint8Array>): string {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part)
  return hash.digest('hex').slice(0, 16)
}

export function readCache(name: string): string | undefined {
  const path = join(CACHE_DIR, name)
  if (!existsSync(path)) return undefined
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}

export function writeCache(name: string, content: string): void {
  try {
    mkdirSync(CACHE_DIR, {recursive: true})
    const path = join(CACHE_DIR, name)
    // Worker threads share the process id: the thread id keeps their temporary files apart.
    const temp = `${path}.${process.pid}-${threadId}.tmp`
    writeFileSync(temp, content)
    renameSync(temp, path)
  } catch {
    // Caching is an optimization; without a writable cache everything still works.
  }
}
