/** A batch worker thread: runs the tasks it is given and posts back their results (and, streamed, their findings as found). */
import {parentPort} from 'node:worker_threads'
import type {WorkerMessage} from './pool.js'
import {loadTaskFormat, runTask, type Task} from './task.js'

const post = (message: WorkerMessage): void => parentPort?.postMessage(message)

// One task at a time: the pool sends the next only when this one's result is back.
parentPort?.on('message', async ({task, stream}: {task: Task; stream: boolean}) => {
  await loadTaskFormat(task)
  post({result: runTask(task, undefined, stream ? (findings, progress) => post({index: task.index, findings, progress}) : undefined)})
})
