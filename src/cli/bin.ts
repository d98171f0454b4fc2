#!/usr/bin/env node
import {main, processIo} from './main.js'

process.exitCode = main(process.argv.slice(2), processIo)
