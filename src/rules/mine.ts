/**
 * Mining candidate rules from post-edited text: align machine output with its human post-edit
 * word by word, collect the substitutions the editors made, and rank those that recur. Each
 * candidate becomes a rule (for a person to review) whose examples are its occurrences, run
 * through the rule itself so that they hold.
 */
import {diffWordsWithSpace} from 'diff'
import {stringify} from 'yaml'
import {createPostedit} from '../processor.js'
import {compileRuleSet} from './compile.js'
import {parseRuleFile, type RuleSpec} from './load.js'

export interface TextPair {
  name: string
  machine: string
  edited: string
}

export interface Candidate {
  from: string
  to: string
  count: number
  /** Sentences of the machine text where the edit was made. */
  contexts: string[]
}

const PATTERN_SYNTAX = /[[\]<>?*@/^$|{}=]/

function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start)
  const stop = before.lastIndexOf('. ')
  const from = Math.max(stop >= 0 ? stop + 2 : 0, before.lastIndexOf('\n') + 1)
  const stops = [text.indexOf('. ', end), text.indexOf('\n', end)].filter((index) => index >= 0)
  const to = stops.length ? Math.min(...stops) + 1 : text.length
  return text.slice(from, to).trim()
}

/** The substitutions of one pair: removed words → added words, with a word of left context for insertions and deletions. */
export function substitutions(pair: TextPair): Array<{from: string; to: string; context: string}> {
  const out: Array<{from: string; to: string; context: string}> = []
  const parts = diffWordsWithSpace(pair.machine, pair.edited)
  let offset = 0
  let i = 0
  while (i < parts.length) {
    if (!parts[i].added && !parts[i].removed) {
      offset += parts[i].value.length
      i++
      continue
    }
    // One change: removed and added runs, with the spaces between them.
    const start = offset
    let removed = ''
    let added = ''
    while (i < parts.length) {
      const part = parts[i]
      const next = parts[i + 1]
      if (part.removed) {
        removed += part.value
        offset += part.value.length
      } else if (part.added) added += part.value
      else if (/^\s+$/.test(part.value) && (next?.added || next?.removed)) {
        removed += part.value
        added += part.value
        offset += part.value.length
      } else break
      i++
    }
    let from = removed.trim()
    let to = added.trim()
    if (!from && !to) continue
    if (!from || !to) {
      // An insertion or deletion needs an anchor: the word before it.
      const previous = /(\S+)\s*$/.exec(pair.machine.slice(0, start))
      if (!previous) continue
      from = `${previous[1]} ${from}`.trim()
      to = `${previous[1]} ${to}`.trim()
    }
    if (from.split(/\s+/).length > 6) continue
    out.push({from, to, context: sentenceAround(pair.machine, start, offset)})
  }
  return out
}

export function mineCandidates(pairs: TextPair[], minimum = 2): Candidate[] {
  const byKey = new Map<string, Candidate>()
  for (const pair of pairs)
    for (const change of substitutions(pair)) {
      const key = `${change.from.toLowerCase()}\u0000${change.to}`
      const candidate = byKey.get(key) ?? {from: change.from, to: change.to, count: 0, contexts: []}
      candidate.count++
      if (candidate.contexts.length < 3 && !candidate.contexts.includes(change.context)) candidate.contexts.push(change.context)
      byKey.set(key, candidate)
    }
  return [...byKey.values()]
    .filter((candidate) => candidate.count >= minimum)
    .sort((a, b) => b.count - a.count || a.from.localeCompare(b.from))
}

function slug(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48) || 'edit'
}

/** Candidates as a rule file; examples are produced by each rule itself, so they hold. */
export function candidatesToRuleFile(candidates: Candidate[], source: string): string {
  const used = new Set<string>()
  const rules: RuleSpec[] = []
  for (const candidate of candidates) {
    let id = slug(`${candidate.from}-to-${candidate.to}`)
    for (let n = 2; used.has(id); n++) id = `${slug(`${candidate.from}-to-${candidate.to}`)}-${n}`
    used.add(id)
    const literal = !PATTERN_SYNTAX.test(candidate.from)
    const rule: RuleSpec = {
      id,
      message: `Post-editors replaced “${candidate.from}” with “${candidate.to}” (${candidate.count}×).`,
      category: 'accuracy/mistranslation',
      level: 'suggestion',
      apply: 'review',
      ...(literal ? {match: candidate.from} : {regex: candidate.from.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), caseSensitive: false}),
      replace: candidate.to.replace(/\$/g, '$$$$'),
    }
    const probe = createPostedit({shippedRules: false, detectors: false}, [compileRuleSet(parseRuleFile(stringify({rules: [rule]}), 'mined.yml'))])
    const examples = candidate.contexts
      .map((context) => ({in: context, out: probe.fix(context, {apply: 'review'}).output}))
      .filter((example) => example.out !== example.in)
    if (examples.length === 0) continue
    rules.push({...rule, examples})
  }
  return `# yaml-language-server: $schema=https://postedit.dev/schema/postedit-rules.schema.json
# Candidate rules mined from ${source} by postedit rules mine — review each before use:
# keep the general ones, widen them (word forms, alternatives), add allow texts.
${stringify({name: 'mined', rules}, {lineWidth: 0})}`
}
