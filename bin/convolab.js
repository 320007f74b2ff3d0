#!/usr/bin/env node
// The `convolab` command. Built code lives in dist/ (`npm run build:ts`).
// First, where huge pages come only on request, the command runs again in a child process that
// asks for them (src/cli/huge-pages.ts); else it runs here.
import { relaunchWithHugePages } from '../dist/cli/huge-pages.js';

if (!(await relaunchWithHugePages())) {
  const { runCli } = await import('../dist/cli/main.js');
  await runCli();
}
