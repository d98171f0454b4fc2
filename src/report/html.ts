/**
 * A standalone HTML report: a summary by category and rule, then each file with its findings
 * highlighted in the text (hover for rule and message). No scripts, no external resources.
 */
import type {FileReport} from './json.js'
import type {Finding} from '../types.js'

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[char]!)
}

function highlighted(text: string, findings: Finding[]): string {
  let out = ''
  let cursor = 0
  const sorted = [...findings].sort((a, b) => a.start.offset - b.start.offset)
  for (const [index, finding] of sorted.entries()) {
    if (finding.start.offset < cursor) continue
    out += escape(text.slice(cursor, finding.start.offset))
    const title = `${finding.source}/${finding.ruleId}: ${finding.reason}${finding.expected.length ? ` → ${finding.expected.join(' | ')}` : ''}`
    out += `<mark class="${finding.level}" id="f${index}" title="${escape(title)}">${escape(text.slice(finding.start.offset, finding.end.offset))}</mark>`
    cursor = finding.end.offset
  }
  return out + escape(text.slice(cursor))
}

function counts(findings: Finding[], key: (finding: Finding) => string): string {
  const map = new Map<string, number>()
  for (const finding of findings) map.set(key(finding), (map.get(key(finding)) ?? 0) + 1)
  return [...map].sort((a, b) => b[1] - a[1]).map(([name, count]) => `<tr><td>${escape(name)}</td><td>${count}</td></tr>`).join('')
}

export function htmlReport(files: Array<FileReport & {text: string}>): string {
  const all = files.flatMap((file) => file.findings)
  const sections = files
    .map((file) => {
      const rows = file.findings
        .map(
          (f) =>
            `<tr class="${f.level}"><td>${f.start.line}:${f.start.column}</td><td>${f.level}</td><td>${escape(f.category)}</td><td>${escape(`${f.source}/${f.ruleId}`)}</td><td>${escape(f.reason)}</td><td>${escape(f.actual)}</td><td>${escape(f.expected.join(' | ') || '—')}</td></tr>`,
        )
        .join('')
      return `<section><h2>${escape(file.path)} <small>${file.findings.length} finding${file.findings.length === 1 ? '' : 's'}</small></h2>
<div class="text">${highlighted(file.text, file.findings)}</div>
<table><thead><tr><th>place</th><th>level</th><th>category</th><th>rule</th><th>message</th><th>found</th><th>suggested</th></tr></thead><tbody>${rows}</tbody></table></section>`
    })
    .join('\n')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>postedit report</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:1rem 0;width:100%}td,th{border-bottom:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
.text{white-space:pre-wrap;background:#fafafa;border:1px solid #eee;padding:1rem}
mark{border-radius:3px;padding:0 2px}mark.error{background:#ffd5d5}mark.warning{background:#fff0b3}mark.suggestion{background:#d8ecff}
.summary{display:flex;gap:2rem}.summary table{width:auto}small{color:#777;font-weight:normal}
</style></head><body>
<h1>postedit report</h1>
<p>${files.length} file${files.length === 1 ? '' : 's'}, ${all.length} finding${all.length === 1 ? '' : 's'}.</p>
<div class="summary"><table><thead><tr><th>category</th><th>findings</th></tr></thead><tbody>${counts(all, (f) => f.category)}</tbody></table>
<table><thead><tr><th>rule</th><th>findings</th></tr></thead><tbody>${counts(all, (f) => `${f.source}/${f.ruleId}`)}</tbody></table></div>
${sections}
</body></html>
`
}
