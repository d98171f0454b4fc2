/**
 * Applying a (possibly hand-edited) postedit diff back to the files it names, like `git apply`:
 * paths are resolved from the working directory with the a/ and b/ prefixes stripped, and a patch
 * that no longer fits any of its files is refused as a whole — nothing is half-applied.
 */
import {readFileSync} from 'node:fs'
import {resolve} from 'node:path'
import {applyPatch, parsePatch, type StructuredPatch} from 'diff'

export class PatchError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PatchError'
  }
}

export interface PatchedFile {
  path: string
  before: string
  after: string
}

function targetPath(patch: StructuredPatch): string {
  const name = (patch.oldFileName && patch.oldFileName !== '/dev/null' ? patch.oldFileName : patch.newFileName) ?? ''
  const stripped = name.replace(/^[ab]\//, '')
  if (!stripped) throw new PatchError('patch names no file (expected "--- a/PATH" lines)')
  return stripped
}

/** Every file of the patch with its new content; throws PatchError when any part does not fit. */
export function patchFiles(patchText: string, cwd = process.cwd(), read = (path: string) => readFileSync(path, 'utf8')): PatchedFile[] {
  let patches: StructuredPatch[]
  try {
    patches = parsePatch(patchText)
  } catch (error) {
    throw new PatchError(`not a valid unified diff: ${(error as Error).message}`)
  }
  patches = patches.filter((patch) => patch.hunks.length > 0)
  if (patches.length === 0) throw new PatchError('the patch holds no hunks')
  const results: PatchedFile[] = []
  for (const patch of patches) {
    const path = targetPath(patch)
    let before: string
    try {
      before = read(resolve(cwd, path))
    } catch {
      throw new PatchError(`${path}: no such file (paths are resolved from ${cwd})`)
    }
    const after = applyPatch(before, patch)
    if (after === false) {
      const hunk = patch.hunks[0]
      throw new PatchError(`${path}: the patch no longer fits the file (its text changed since the diff was made, near line ${hunk.oldStart}); nothing was applied`)
    }
    results.push({path, before, after})
  }
  return results
}
