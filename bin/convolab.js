#!/usr/bin/env node
// The `convolab` command. Built code lives in dist/ (`npm run build:ts`).
import { runCli } from '../dist/cli/main.js';

await runCli();
