// CPU seconds of other processes, read from /proc without asking them anything: a benchmark that
// scraped each service's /metrics page would add the scrape's own cost to what it measures.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;

/** The kernel's clock tick (USER_HZ) that /proc/<pid>/stat counts CPU time in; 100 on Linux. */
function clockTicksPerSecond(): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return ticksPerSecond;
}

/**
 * utime + stime (fields 14 and 15) of a /proc/<pid>/stat line, in clock ticks. The command name
 * (field 2) is in parentheses and may itself hold spaces or parentheses, so fields are counted
 * from the last ')'.
 */
export function statCpuTicks(statLine: string): number {
  const afterName = statLine.slice(statLine.lastIndexOf(')') + 2).split(' ');
  // afterName[0] is field 3 (state): field n is afterName[n - 3].
  const utime = Number(afterName[11]);
  const stime = Number(afterName[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime))
    throw new Error(`not a /proc stat line: ${statLine}`);
  return utime + stime;
}

/** A process's CPU seconds so far, user + system, every thread (worker threads included). */
export function processCpuSecondsOf(pid: number): number {
  return statCpuTicks(readFileSync(`/proc/${pid}/stat`, 'utf8')) / clockTicksPerSecond();
}

/** This process's CPU seconds so far, at microsecond resolution. */
export function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}
