/**
 * Running a batch's tasks on worker threads (or inline for one file or one job), handing results
 * back in input order as soon as each is ready, so output is deterministic and memory stays
 * bounded by the tasks in flight.
 */
import {availableParallelism} from 'node:os'
import {Worker} from 'node:worker_threads'
import {runTask, type Task, type TaskResult} from './task.js'

// Each worker holds its own rules, gazetteer and detector data (~43 MB live since large patterns
// are stored as graphs; ~90 MB before). A tight old generation and a small young one keep V8 from
// holding freed pages: 1,000 × 50 KB with --jobs 2 peaked at 400 MB with 384 / 8 and 365 MB with
// 128 / 4 at the same speed (299 MB now); a 16 MB young generation was no faster in the CLI. A file too big for a
// worker's heap is run again on the main thread, which has no cap. POSTEDIT_WORKER_HEAP_MB sets
// another old-generation cap (a machine with more memory, or a test that makes a worker fail).
export const WORKER_HEAP_MB = Number(process.env.POSTEDIT_WORKER_HEAP_MB) || 128
export const WORKER_YOUNG_MB = 4

export function defaultJobs(): number {
  return Math.max(1, availableParallelism())
}

export async function runTasks(
  tasks: Task[],
  jobs: number,
  onResult: (result: TaskResult) => void,
  stdin?: () => Uint8Array,
): Promise<void> {
  const inline = jobs <= 1 || tasks.length <= 1 || tasks.some((task) => task.path === '-')
  if (inline) {
    for (const task of tasks) onResult(runTask(task, stdin))
    return
  }
  const ready = new Map<number, TaskResult>()
  let nextToEmit = 0
  const emit = (result: TaskResult): void => {
    ready.set(result.index, result)
    while (ready.has(nextToEmit)) {
      const next = ready.get(nextToEmit)!
      ready.delete(nextToEmit)
      nextToEmit++
      onResult(next)
    }
  }
  let nextTask = 0
  const workerCount = Math.min(jobs, tasks.length)
  const spawnWorker = (): Worker =>
    new Worker(new URL('./worker.js', import.meta.url), {resourceLimits: {maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB}})
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
                worker.postMessage(current)
              }
              worker.on('message', (result: TaskResult) => {
                emit(result)
                feed()
              })
              worker.on('error', () => {
                const failed = current
                current = undefined
                if (failed) emit(runTask(failed, stdin))
                void worker.terminate()
                // A worker that dies idle once the tasks are out (still loading, say) is not replaced:
                // a replacement would die the same way, and again, and never let the batch end.
                if (nextTask < tasks.length) start()
                else resolve()
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
