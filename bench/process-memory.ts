// Resident memory of a process from /proc (Linux): worker threads share their process's figure, so it covers them.
import { readFileSync } from 'node:fs';

/** VmRSS (now) and VmHWM (peak) in MB. */
export function processMemory(pid: number | 'self'): { rssMb: number; hwmMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
}
