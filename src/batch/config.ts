/**
 * .posteditrc.yml: per-project settings, found by walking up from each file's folder. Paths in it
 * are relative to the config file. Command-line options override it.
 *
 *   rules: [house-rules/]     # extra rule files or folders
 *   defaultRules: true        # use the shipped rule sets
 *   disable: [news-style]     # rule sets, detectors or SET/RULE-ID to switch off
 *   from: ru                  # source language
 *   level: warning            # report findings at or above this level
 *   apply: review             # which fixes `fix` applies
 */
import {existsSync, readFileSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {parse} from 'yaml'
import {LEVELS, type ApplyThreshold, type Level} from '../types.js'

export const CONFIG_NAMES = ['.posteditrc.yml', '.posteditrc.yaml', '.posteditrc.json']

export interface PosteditConfig {
  path?: string
  rules?: string[]
  defaultRules?: boolean
  disable?: string[]
  from?: string
  level?: Level
  apply?: ApplyThreshold
}

export class ConfigError extends Error {}

const cache = new Map<string, PosteditConfig>()

function read(path: string): PosteditConfig {
  let data: unknown
  try {
    data = parse(readFileSync(path, 'utf8')) ?? {}
  } catch (error) {
    throw new ConfigError(`${path}: invalid YAML: ${(error as Error).message.split('\n')[0]}`)
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ConfigError(`${path}: expected a mapping of settings`)
  const config = data as Record<string, unknown>
  const known = new Set(['rules', 'defaultRules', 'disable', 'from', 'level', 'apply'])
  for (const key of Object.keys(config)) if (!known.has(key)) throw new ConfigError(`${path}: unknown setting "${key}" (known: ${[...known].join(', ')})`)
  const list = (key: string): string[] | undefined => {
    const value = config[key]
    if (value === undefined) return undefined
    const values = Array.isArray(value) ? value : [value]
    if (!values.every((item) => typeof item === 'string')) throw new ConfigError(`${path}: "${key}" must be a string or a list of strings`)
    return values as string[]
  }
  if (config.level !== undefined && !(LEVELS as readonly unknown[]).includes(config.level)) throw new ConfigError(`${path}: "level" must be one of ${LEVELS.join(', ')}`)
  if (config.apply !== undefined && config.apply !== 'auto' && config.apply !== 'review') throw new ConfigError(`${path}: "apply" must be auto or review`)
  if (config.defaultRules !== undefined && typeof config.defaultRules !== 'boolean') throw new ConfigError(`${path}: "defaultRules" must be true or false`)
  return {
    path,
    rules: list('rules')?.map((rule) => resolve(dirname(path), rule)),
    defaultRules: config.defaultRules as boolean | undefined,
    disable: list('disable'),
    from: typeof config.from === 'string' ? config.from : undefined,
    level: config.level as Level | undefined,
    apply: config.apply as ApplyThreshold | undefined,
  }
}

/** The nearest config above a file (or folder), or an empty config. */
export function configFor(path: string): PosteditConfig {
  let folder = resolve(existsSync(path) && !path.endsWith('/') ? dirname(path) : path)
  const visited: string[] = []
  for (;;) {
    const cached = cache.get(folder)
    if (cached) {
      for (const seen of visited) cache.set(seen, cached)
      return cached
    }
    visited.push(folder)
    const found = CONFIG_NAMES.map((name) => join(folder, name)).find((candidate) => existsSync(candidate))
    if (found) {
      const config = read(found)
      for (const seen of visited) cache.set(seen, config)
      return config
    }
    const parent = dirname(folder)
    if (parent === folder) {
      const empty: PosteditConfig = {}
      for (const seen of visited) cache.set(seen, empty)
      return empty
    }
    folder = parent
  }
}
