#!/usr/bin/env node
import {main, processIo} from './main.js'

// A reader that stops early (`postedit check … | head`) closes the pipe: stop quietly, as cat does.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    process.exit(process.exitCode ?? 0)
  })

process.exitCode = await main(process.argv.slice(2), processIo)
