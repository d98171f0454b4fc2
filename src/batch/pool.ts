/**
 * Running a batch's tasks on worker threads (or inline for one file or one job), handing results
 * back in input order as soon as each is ready, so output is deterministic and memory stays
 * bounded by the tasks in flight.
 */
import {availableParallelism} from 'node:os'
import {Worker} from 'node:worker_threads'
import {loadTaskFormat, mayStream, runTask, STREAM_MIN_BYTES, type FindingsSink, type ReadProgress, type Task, type TaskResult} from './task.js'
import type {Finding} from '../types.js'

// Each worker holds its own rules, gazetteer and detector data (~43 MB live since large patterns
// are stored as graphs; ~90 MB before). A tight old generation and a small young one keep V8 from
// holding freed pages, but the tighter they are the more often V8 collects: one worker alone ran
// 200 × 50 KB in 11.8 s at 128 / 4 and 8.9 s uncapped. 1,000 × 50 KB with --jobs 2 (session 16,
// with the format parsers loaded only when needed): 128 / 4 37–43 s at 360–385 MB, 176 / 6 35–37 s
// at 371 MB, 192 / 16 34 s at 413 MB, 256 / 8 32–35 s at 385–409 MB. A file too big for a worker's
// heap is run again on the main thread, which has no cap. POSTEDIT_WORKER_HEAP_MB sets another
// old-generation cap (a machine with more memory, or a test that makes a worker fail).
export const WORKER_HEAP_MB = Number(process.env.POSTEDIT_WORKER_HEAP_MB) || 176
export const WORKER_YOUNG_MB = 6
export const LONG_FILE_HEAP_MB = Number(process.env.POSTEDIT_LONG_FILE_HEAP_MB) || 256

export function defaultJobs(): number {
  return Math.max(1, availableParallelism())
}

/** What a worker posts: a streamed task's findings as they are found, then every task's result. */
export type WorkerMessage = {index: number; findings: Finding[]; progress?: ReadProgress; result?: undefined} | {result: TaskResult}

/**
 * Run the tasks and hand back their results in input order. With `onFindings`, a long plain-text
 * file's findings come through it window by window before its result (whose findings are then
 * empty), still in input order: a later file's are held until the files before it are done.
 */
export async function runTasks(
  tasks: Task[],
  jobs: number,
  onResult: (result: TaskResult) => void,
  stdin?: () => Uint8Array,
  onFindings?: (index: number, findings: Finding[], progress?: ReadProgress) => void,
): Promise<void> {
  const sinkFor = (index: number): FindingsSink | undefined => onFindings && ((findings, progress) => onFindings(index, findings, progress))
  // A long file checked alone goes to a worker as well: its heap cap makes V8 collect as it goes,
  // where the main thread's heap may grow to gigabytes before it does.
  const longAlone = tasks.length === 1 && onFindings !== undefined && mayStream(tasks[0], STREAM_MIN_BYTES)
  const inline = !longAlone && (jobs <= 1 || tasks.length <= 1 || tasks.some((task) => task.path === '-'))
  if (inline) {
    for (const task of tasks) {
      await loadTaskFormat(task)
      onResult(runTask(task, stdin, sinkFor(task.index)))
    }
    return
  }
  const ready = new Map<number, TaskResult>()
  const held = new Map<number, Finding[][]>()
  const received = new Map<number, number>()
  let nextToEmit = 0
  const emitFindings = (index: number, findings: Finding[], progress?: ReadProgress): void => {
    received.set(index, (received.get(index) ?? 0) + findings.length)
    if (index === nextToEmit) onFindings?.(index, findings, progress)
    else if (findings.length > 0) {
      const waiting = held.get(index)
      if (waiting) waiting.push(findings)
      else held.set(index, [findings])
    }
  }
  const emit = (result: TaskResult): void => {
    ready.set(result.index, result)
    while (ready.has(nextToEmit)) {
      const next = ready.get(nextToEmit)!
      ready.delete(nextToEmit)
      received.delete(nextToEmit)
      nextToEmit++
      onResult(next)
      for (const findings of held.get(nextToEmit) ?? []) onFindings?.(nextToEmit, findings)
      held.delete(nextToEmit)
    }
  }
  /** Run a task here; of a streamed task's findings, skip those its dead worker already sent. */
  const runHere = (task: Task): void => {
    let skip = received.get(task.index) ?? 0
    const sink = onFindings && ((findings: Finding[], progress?: ReadProgress): void => {
      const fresh = findings.slice(Math.min(skip, findings.length))
      skip -= findings.length - fresh.length
      emitFindings(task.index, fresh, progress)
    })
    emit(runTask(task, stdin, sink))
  }
  let nextTask = 0
  const workerCount = Math.min(jobs, tasks.length)
  const spawnWorker = (): Worker =>
    new Worker(new URL('./worker.js', import.meta.url), {
      resourceLimits: longAlone ? {maxOldGenerationSizeMb: LONG_FILE_HEAP_MB} : {maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB},
    })
  const workers: Worker[] = []
  try {
    await Promise.all(
      Array.from(
        {length: workerCount},
        () =>
          new Promise<void>((resolve) => {
            // A worker that dies (out of memory on a huge file) hands its task to the main thread,
            // which has no heap cap; the batch goes on.
            const start = (): void => {
              const worker = spawnWorker()
              workers.push(worker)
              let current: Task | undefined
              const feed = (): void => {
                if (nextTask >= tasks.length) {
                  current = undefined
                  return resolve()
                }
                current = tasks[nextTask++]
                worker.postMessage({task: current, stream: Boolean(onFindings)})
              }
              worker.on('message', (message: WorkerMessage) => {
                if (!message.result) return emitFindings(message.index, message.findings, message.progress)
                emit(message.result)
                feed()
              })
              worker.on('error', () => {
                const failed = current
                current = undefined
                void worker.terminate()
                // A worker that dies idle once the tasks are out (still loading, say) is not replaced:
                // a replacement would die the same way, and again, and never let the batch end.
                const goOn = (): void => (nextTask < tasks.length ? start() : resolve())
                if (!failed) return goOn()
                void loadTaskFormat(failed).then(() => {
                  runHere(failed)
                  goOn()
                })
              })
              feed()
            }
            start()
          }),
      ),
    )
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
}
