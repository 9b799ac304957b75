// Lowers the CPU priority of the calling thread, so a query worker at full speed never takes a core from the request thread.
import os from 'node:os';

/**
 * Raises the calling thread's nice value by `steps` (at most 19): two runaway queries on two cores would otherwise
 * share the CPUs equally with the request thread, and /health, pages and admission would wait their turn.
 * Relative, not absolute, so a server already started under `nice` keeps its workers below it without needing the
 * right to raise a priority. Only on Linux, where setpriority(PRIO_PROCESS, 0) names the calling thread; elsewhere it
 * names the whole process, the request thread included, so nothing is changed. Returns why nothing changed, if so.
 */
export function lowerThreadPriority(steps: number): string | undefined {
  if (steps <= 0) return undefined;
  if (process.platform !== 'linux') return `a thread's own priority cannot be set on ${process.platform}: query workers run at the request thread's priority`;
  try {
    const current = os.getPriority(0);
    os.setPriority(0, Math.min(19, current + steps));
    return undefined;
  } catch (error) {
    return `could not lower the query worker's priority: ${error instanceof Error ? error.message : String(error)}`;
  }
}
