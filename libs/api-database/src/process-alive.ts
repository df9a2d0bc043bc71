import * as fs from 'node:fs';

/**
 * Whether a process runs. A zombie (exited, not yet reaped by its parent or by the init process,
 * which in a container or virtual machine may take seconds or never happen) answers kill(pid, 0)
 * like a live process, but it runs nothing and holds nothing: it counts as gone.
 */
export function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    // Gone meanwhile, or a system without /proc: then trust kill().
    return !fs.existsSync('/proc/self/stat');
  }
  return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
}
