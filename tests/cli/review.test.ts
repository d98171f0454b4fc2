import {execFileSync, spawnSync} from 'node:child_process'
import {readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {tempDir} from '../helpers.js'

const BIN = resolve('dist/cli/bin.js')
const sessions: string[] = []

function tmux(...args: string[]): string {
  return execFileSync('tmux', args, {encoding: 'utf8'})
}

/** Start postedit review in a detached tmux pane, as a user at a terminal would. */
function startReview(dir: string, args: string[]): string {
  const name = `postedit-test-${process.pid}-${sessions.length}`
  sessions.push(name)
  const command = `cd ${dir} && NO_COLOR=1 node ${BIN} review ${args.join(' ')}; sleep 60`
  tmux('new-session', '-d', '-s', name, '-x', '160', '-y', '50', command)
  return name
}

async function waitFor(name: string, text: string | RegExp, timeout = 15_000): Promise<string> {
  const deadline = Date.now() + timeout
  for (;;) {
    const screen = tmux('capture-pane', '-p', '-t', name, '-S', '-200')
    if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(text)}; screen:\n${screen}`)
    await new Promise((done) => setTimeout(done, 100))
  }
}

/** Send keys to the pane, then wait until the screen shows what they lead to. */
async function press(name: string, keys: string[], thenSee: string | RegExp): Promise<void> {
  tmux('send-keys', '-t', name, ...keys)
  await waitFor(name, thenSee)
}

function verdicts(dir: string): string[] {
  const file = JSON.parse(readFileSync(join(dir, '.postedit', 'decisions.json'), 'utf8')) as {decisions: Record<string, {verdict: string}>}
  return Object.values(file.decisions).map((decision) => decision.verdict).sort()
}

afterEach(() => {
  for (const name of sessions.splice(0)) spawnSync('tmux', ['kill-session', '-t', name])
})

describe('postedit review in a terminal', () => {
  it('accepts, rejects, edits and undoes, then writes the file and remembers the decisions', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'a.txt'), 'Talks in Dohi resumed. Katar mediated.\nThey spoke on the state of anonymity and sought to expand the truce.\n')
    const name = startReview(dir, ['a.txt'])
    await waitFor(name, '[1/4]')
    await press(name, ['y'], '[2/4]')
    await press(name, ['n'], '[3/4]')
    await press(name, ['u'], 'undone')
    await press(name, ['e'], 'replacement: Qatar')
    await press(name, ['C-u', "Qatar's mediators", 'Enter'], 'calques-ru/condition-of-anonymity')
    await press(name, ['y'], '[4/4]')
    await press(name, ['n'], 'file written')
    await waitFor(name, /a\.txt: 3 accepted, 1 rejected, file written/)
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe("Talks in Doha resumed. Qatar's mediators mediated.\nThey spoke on the condition of anonymity and sought to expand the truce.\n")
    expect(verdicts(dir)).toEqual(['accept', 'accept', 'edit', 'reject'])
    // The original is backed up.
    const [stamp] = readdirSync(join(dir, '.postedit', 'backups'))
    expect(readFileSync(join(dir, '.postedit', 'backups', stamp, 'a.txt'), 'utf8')).toContain('Dohi')

    // The rejected suggestion is not proposed again, and stats shows the rule's record.
    const check = spawnSync(process.execPath, [BIN, 'check', '--format', 'json', 'a.txt'], {cwd: dir, encoding: 'utf8'})
    const messages = (JSON.parse(check.stdout) as Array<{messages: Array<{actual: string}>}>)[0].messages
    expect(messages.map((m) => m.actual)).not.toContain('expand the truce')
    const stats = spawnSync(process.execPath, [BIN, 'stats'], {cwd: dir, encoding: 'utf8'})
    expect(stats.stdout).toMatch(/calques-ru\/extend-the-truce\s+0\s+0\s+1\s+0\.00/)
  })

  it('loses no decision on Ctrl-C', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'b.txt'), 'Talks in Dohi resumed. Katar mediated.\n')
    const name = startReview(dir, ['b.txt'])
    await waitFor(name, '[1/2]')
    await press(name, ['y'], '[2/2]')
    await press(name, ['C-c'], 'file written')
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe('Talks in Doha resumed. Katar mediated.\n')
    expect(verdicts(dir)).toEqual(['accept'])
  })

  it('without a terminal, points to fix and diff', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'c.txt'), 'Talks in Dohi resumed.\n')
    const result = spawnSync(process.execPath, [BIN, 'review', 'c.txt'], {cwd: dir, encoding: 'utf8'})
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('use "postedit fix"')
  })
})
