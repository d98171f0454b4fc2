/** A batch worker thread: runs the tasks it is given and posts back their results. */
import {parentPort} from 'node:worker_threads'
import {runTask, type Task} from './task.js'

parentPort?.on('message', (task: Task) => {
  parentPort?.postMessage(runTask(task))
})
