import { readFileSync } from 'node:fs';

/**
 * This process's peak resident set in bytes: VmHWM of /proc/self/status where there is one (Linux),
 * else getrusage's maxRSS. Not maxRSS alone: it survives execve, so a process spawned by a large
 * one (a vitest worker) starts with its parent's peak; VmHWM belongs to the new address space.
 */
export function peakRss() {
  try {
    const kb = /VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb !== undefined) return Number(kb) * 1024;
  } catch {
    // no /proc here
  }
  return process.resourceUsage().maxRSS * 1024;
}
