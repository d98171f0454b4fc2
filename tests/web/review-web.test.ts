import {spawn, type ChildProcess} from 'node:child_process'
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {request} from 'node:http'
import {join, resolve} from 'node:path'
import {chromium, type Browser} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {tempDir} from '../helpers.js'

const BIN = resolve('dist/cli/bin.js')
const SHOTS = resolve('test-output/screenshots')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

let server: ChildProcess
let url: string
let browser: Browser
const dir = tempDir()

beforeAll(async () => {
  mkdirSync(SHOTS, {recursive: true})
  writeFileSync(join(dir, 'a.txt'), 'Talks in Dohi resumed. Katar mediated.\nThey spoke on the state of anonymity and sought to expand the truce.\n')
  writeFileSync(join(dir, 'b.txt'), 'Hamas did not immediately respond to the commenting requests.\n')
  server = spawn(process.execPath, [BIN, 'review', '--web', '--no-open', 'a.txt', 'b.txt'], {cwd: dir, stdio: ['ignore', 'pipe', 'pipe']})
  url = await new Promise<string>((done, fail) => {
    let out = ''
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)
      if (match) done(match[1])
    })
    server.once('exit', (code) => fail(new Error(`server exited with ${code}`)))
  })
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}, 60_000)

afterAll(async () => {
  await browser?.close()
  server?.kill('SIGINT')
})

function raw(path: string, headers: Record<string, string>, method = 'GET'): Promise<number> {
  return new Promise((done, fail) => {
    const target = new URL(path, url)
    const req = request({host: target.hostname, port: target.port, path: target.pathname, method, headers}, (response) => {
      response.resume()
      done(response.statusCode ?? 0)
    })
    req.on('error', fail)
    req.end(method === 'POST' ? '{"file":0,"verdict":"undo"}' : undefined)
  })
}

describe('postedit review --web', () => {
  it('refuses requests whose Host is not loopback, and writes without its header', async () => {
    const port = new URL(url).port
    expect(await raw('/api/state', {host: `evil.example:${port}`})).toBe(403)
    expect(await raw('/api/state', {host: `127.0.0.1:${port}`})).toBe(200)
    expect(await raw('/api/decide', {host: `127.0.0.1:${port}`, 'content-type': 'application/json'}, 'POST')).toBe(403)
  })

  it('shows suggestions inline; keys accept, reject, edit and undo; save writes the file', async () => {
    const page = await browser.newPage()
    const requests: string[] = []
    page.on('request', (r) => requests.push(r.url()))
    await page.goto(url)
    await page.waitForSelector('.s.selected')
    expect(await page.locator('.s').count()).toBe(4)
    expect(await page.locator('#card .rule').textContent()).toBe('entity-names/transliterated-name')
    await page.screenshot({path: join(SHOTS, 'review-start.png'), fullPage: true})

    await page.keyboard.press('y')
    await page.waitForSelector('.s.accepted')
    await page.keyboard.press('n')
    await page.waitForSelector('.s.rejected')
    await page.keyboard.press('u')
    await page.waitForFunction(() => document.querySelectorAll('.s.rejected').length === 0)
    await page.keyboard.press('e')
    await page.fill('#edit', "Qatar's mediators")
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => document.querySelector('#result')?.textContent?.includes("Qatar's mediators"))
    await page.keyboard.press('y')
    await page.keyboard.press('n')
    await page.waitForFunction(() => document.querySelectorAll('.s.pending').length === 0)
    expect(await page.locator('#diff').textContent()).toContain("+Talks in Doha resumed. Qatar's mediators mediated.")
    await page.keyboard.press('s')
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.startsWith('Saved a.txt'))
    await page.screenshot({path: join(SHOTS, 'review-saved.png'), fullPage: true})
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe("Talks in Doha resumed. Qatar's mediators mediated.\nThey spoke on the condition of anonymity and sought to expand the truce.\n")

    // The second file is a click (or f) away; its rule can be accepted wholesale.
    await page.keyboard.press('f')
    await page.waitForFunction(() => document.querySelector('#card .rule')?.textContent === 'calques-ru/requests-for-comment')
    await page.keyboard.press('a')
    await page.keyboard.press('s')
    // The status still reads "Saved a.txt" until this save answers.
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.startsWith('Saved b.txt'))
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe('Hamas did not immediately respond to requests for comment.\n')

    // Nothing but the page's own origin was fetched: no CDN.
    expect(requests.every((r) => r.startsWith(url))).toBe(true)
    const decisions = JSON.parse(readFileSync(join(dir, '.postedit', 'decisions.json'), 'utf8')) as {rules: Record<string, unknown>}
    expect(Object.keys(decisions.rules)).toContain('calques-ru/extend-the-truce')
    await page.close()
  }, 60_000)

  it('exports the reviewed change as a patch', async () => {
    const page = await browser.newPage()
    await page.goto(url)
    const response = await page.request.get(new URL('/api/patch?file=0', url).href)
    expect(response.headers()['content-type']).toContain('text/x-diff')
    expect(await response.text()).toMatch(/^diff --git a\/a\.txt b\/a\.txt/)
    await page.close()
  })
})
