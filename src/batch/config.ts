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
 *   overrides:                # settings for some files only, by glob (relative to this file)
 *     - files: ["subtitles/**"]
 *       disable: [news-style]
 */
import {existsSync, readFileSync} from 'node:fs'
import {dirname, join, relative, resolve, sep} from 'node:path'
import picomatch from 'picomatch'
import {parse} from 'yaml'
import {LEVELS, type ApplyThreshold, type Level} from '../types.js'

export const CONFIG_NAMES = ['.posteditrc.yml', '.posteditrc.yaml', '.posteditrc.json']

export interface PosteditSettings {
  /** Level or apply policy per rule ("set/rule-id") or per rule set or detector. */
  override?: Record<string, {level?: Level; apply?: 'auto' | 'review' | 'never'}>
  rules?: string[]
  defaultRules?: boolean
  disable?: string[]
  from?: string
  level?: Level
  apply?: ApplyThreshold
}

export interface PosteditConfig extends PosteditSettings {
  path?: string
  overrides?: Array<{files: string[]; settings: PosteditSettings}>
}

export class ConfigError extends Error {}

const cache = new Map<string, PosteditConfig>()

const SETTINGS = new Set(['rules', 'defaultRules', 'disable', 'from', 'level', 'apply', 'override'])

function settingsOf(config: Record<string, unknown>, path: string, where: string): PosteditSettings {
  for (const key of Object.keys(config)) if (!SETTINGS.has(key)) throw new ConfigError(`${path}: unknown setting "${key}"${where} (known: ${[...SETTINGS].join(', ')})`)
  const list = (key: string): string[] | undefined => {
    const value = config[key]
    if (value === undefined) return undefined
    const values = Array.isArray(value) ? value : [value]
    if (!values.every((item) => typeof item === 'string')) throw new ConfigError(`${path}: "${key}"${where} must be a string or a list of strings`)
    return values as string[]
  }
  if (config.level !== undefined && !(LEVELS as readonly unknown[]).includes(config.level)) throw new ConfigError(`${path}: "level"${where} must be one of ${LEVELS.join(', ')}`)
  if (config.apply !== undefined && config.apply !== 'auto' && config.apply !== 'review') throw new ConfigError(`${path}: "apply"${where} must be auto or review`)
  if (config.defaultRules !== undefined && typeof config.defaultRules !== 'boolean') throw new ConfigError(`${path}: "defaultRules"${where} must be true or false`)
  const override = config.override as Record<string, Record<string, unknown>> | undefined
  if (override !== undefined) {
    if (typeof override !== 'object' || override === null || Array.isArray(override)) throw new ConfigError(`${path}: "override"${where} must map rule ids to {level, apply}`)
    for (const [rule, change] of Object.entries(override)) {
      if (typeof change !== 'object' || change === null) throw new ConfigError(`${path}: override "${rule}"${where} must be {level, apply}`)
      for (const [key, value] of Object.entries(change)) {
        if (key === 'level' && (LEVELS as readonly unknown[]).includes(value)) continue
        if (key === 'apply' && ['auto', 'review', 'never'].includes(value as string)) continue
        throw new ConfigError(`${path}: override "${rule}"${where}: "${key}: ${String(value)}" is not a level (error, warning, suggestion) or apply policy (auto, review, never)`)
      }
    }
  }
  return {
    override: override as PosteditSettings['override'],
    rules: list('rules')?.map((rule) => resolve(dirname(path), rule)),
    defaultRules: config.defaultRules as boolean | undefined,
    disable: list('disable'),
    from: typeof config.from === 'string' ? config.from : undefined,
    level: config.level as Level | undefined,
    apply: config.apply as ApplyThreshold | undefined,
  }
}

function read(path: string): PosteditConfig {
  let data: unknown
  try {
    data = parse(readFileSync(path, 'utf8')) ?? {}
  } catch (error) {
    throw new ConfigError(`${path}: invalid YAML: ${(error as Error).message.split('\n')[0]}`)
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ConfigError(`${path}: expected a mapping of settings`)
  const {overrides, ...settings} = data as Record<string, unknown>
  if (overrides !== undefined && !Array.isArray(overrides)) throw new ConfigError(`${path}: "overrides" must be a list of {files, …settings}`)
  return {
    path,
    ...settingsOf(settings, path, ''),
    overrides: ((overrides as unknown[] | undefined) ?? []).map((entry, index) => {
      if (typeof entry !== 'object' || entry === null) throw new ConfigError(`${path}: overrides[${index}] must be a mapping`)
      const {files, ...rest} = entry as Record<string, unknown>
      const globs = Array.isArray(files) ? files : [files]
      if (!globs.every((glob) => typeof glob === 'string' && glob)) throw new ConfigError(`${path}: overrides[${index}] needs "files": a glob or a list of globs`)
      return {files: globs as string[], settings: settingsOf(rest, path, ` in overrides[${index}]`)}
    }),
  }
}

/**
 * The settings for one file: its nearest config, then every override whose globs match the file
 * (relative to the config's folder), in order — lists add up, single values replace.
 */
export function settingsFor(file: string): PosteditSettings {
  const config = configFor(file)
  if (!config.path || !config.overrides?.length) return config
  const relativePath = relative(dirname(config.path), resolve(file)).split(sep).join('/')
  let settings: PosteditSettings = {...config}
  for (const override of config.overrides)
    if (picomatch(override.files, {dot: true})(relativePath))
      settings = {
        ...settings,
        ...Object.fromEntries(Object.entries(override.settings).filter(([, value]) => value !== undefined)),
        rules: [...(settings.rules ?? []), ...(override.settings.rules ?? [])],
        override: {...settings.override, ...override.settings.override},
        disable: [...(settings.disable ?? []), ...(override.settings.disable ?? [])],
      }
  return settings
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
