/**
 * postedit review --web: a local server for reviewing suggestions in a browser. It listens on
 * loopback only, refuses requests whose Host is not loopback (DNS rebinding) and state-changing
 * requests without its own header (cross-site forms cannot set it). The page is self-contained.
 */
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'
import {createPatch} from '../report/diff.js'
import type {DecisionStore} from './decisions.js'
import {ReviewSession, type Suggestion} from './session.js'
import {REVIEW_PAGE} from './web-page.js'

export interface WebReviewFile {
  path: string
  text: string
  session: ReviewSession
  /** Write the reviewed text (atomically, with a backup); returns where the original went, if kept. */
  save(text: string): string | undefined
}

export interface WebReviewOptions {
  files: WebReviewFile[]
  store?: DecisionStore
  port?: number
}

const LOOPBACK_HOST = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i

function suggestionView(suggestion: Suggestion) {
  const {finding} = suggestion
  return {
    id: suggestion.id,
    start: finding.start.offset,
    end: finding.end.offset,
    line: finding.start.line,
    actual: finding.actual,
    expected: finding.expected,
    rule: `${finding.source}/${finding.ruleId}`,
    reason: finding.reason,
    category: finding.category,
    level: finding.level,
    state: suggestion.state,
    replacement: suggestion.replacement,
    edited: Boolean(suggestion.edited),
  }
}

function fileView(file: WebReviewFile, index: number) {
  const result = file.session.result()
  return {
    id: index,
    path: file.path,
    text: file.text,
    result,
    diff: createPatch(file.path, file.text, result),
    suggestions: file.session.suggestions.map(suggestionView),
  }
}

async function body(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > 1_000_000) throw new Error('request too large')
    chunks.push(chunk as Buffer)
  }
  return chunks.length === 0 ? {} : (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>)
}

function send(response: ServerResponse, status: number, payload: unknown, type = 'application/json'): void {
  const text = type === 'application/json' ? JSON.stringify(payload) : String(payload)
  response.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:",
  })
  response.end(text)
}

export function startReviewServer(options: WebReviewOptions): Promise<{server: Server; url: string}> {
  const {files} = options
  const server = createServer((request, response) => {
    handle(request, response).catch((error: Error) => send(response, 400, {error: error.message}))
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!LOOPBACK_HOST.test(request.headers.host ?? '')) return send(response, 403, {error: 'forbidden host'})
    const url = new URL(request.url ?? '/', 'http://localhost')
    if (request.method === 'GET' && url.pathname === '/') return send(response, 200, REVIEW_PAGE, 'text/html')
    if (request.method === 'GET' && url.pathname === '/api/state') return send(response, 200, {files: files.map(fileView)})
    if (request.method === 'GET' && url.pathname === '/api/patch') {
      const index = Number(url.searchParams.get('file'))
      const file = files[index]
      if (!file) return send(response, 404, {error: 'no such file'})
      response.setHeader('content-disposition', `attachment; filename="${file.path.replace(/[^\w.-]+/g, '_')}.patch"`)
      return send(response, 200, createPatch(file.path, file.text, file.session.result()), 'text/x-diff')
    }
    if (request.method !== 'POST') return send(response, 404, {error: 'not found'})
    if (request.headers['x-postedit'] !== '1') return send(response, 403, {error: 'missing X-Postedit header'})
    const input = await body(request)
    const file = files[Number(input.file)]
    if (!file) return send(response, 404, {error: 'no such file'})
    const {session} = file
    if (url.pathname === '/api/decide') {
      const suggestion = session.byId(Number(input.suggestion))
      let focus = suggestion?.id
      const replacement = typeof input.replacement === 'string' ? input.replacement : undefined
      switch (input.verdict) {
        case 'accept':
          session.accept(replacement, suggestion)
          break
        case 'edit':
          if (replacement === undefined) return send(response, 400, {error: 'edit needs a replacement'})
          session.edit(replacement, suggestion)
          break
        case 'reject':
          session.reject(suggestion)
          break
        case 'accept-rule':
          session.decideRule('accept', suggestion)
          break
        case 'reject-rule':
          session.decideRule('reject', suggestion)
          break
        case 'undo':
          focus = session.undo()?.id ?? focus
          break
        default:
          return send(response, 400, {error: 'unknown verdict'})
      }
      return send(response, 200, {...fileView(file, Number(input.file)), focus})
    }
    if (url.pathname === '/api/save') {
      const result = session.result()
      const backup = result === file.text ? undefined : file.save(result)
      options.store?.save()
      return send(response, 200, {written: result !== file.text, backup})
    }
    return send(response, 404, {error: 'not found'})
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const {port} = server.address() as AddressInfo
      resolve({server, url: `http://127.0.0.1:${port}/`})
    })
  })
}
