/**
 * Running a batch's tasks on worker threads (or inline for one file or one job), handing results
 * back in input order as soon as each is ready, so output is deterministic and memory stays
 * bounded by the tasks in flight.
 */
import {availableParallelism} from 'node:os'
import {Worker} from 'node:worker_threads'
import {runTask, type Task, type TaskResult} from './task.js'

export const WORKER_HEAP_MB = 384
// A small young generation per worker: scavenges are cheap for this workload, and the default one
// was ~30 MB of each worker's peak (1,000 × 50 KB with --jobs 2: 425 → 360 MB, same speed).
export const WORKER_YOUNG_MB = 8

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
            // A worker that dies (out of memory on a huge file) fails its task, not the batch.
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
              worker.on('error', (error) => {
                if (current) emit({index: current.index, path: current.path, ok: false, bytes: 0, error: `${current.path}: ${error.message}`})
                void worker.terminate()
                start()
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
