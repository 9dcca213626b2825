import { readFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';

/** The machine a bench ran on, for its report: cores and model, memory, Node version. */
export function machineDescription(): string {
  const cores = cpus();
  return `${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}`;
}

/** The 1, 5 and 15 minute load averages: other users of the machine show here, beside each figure. */
export const loadAverage = async (): Promise<string> => (await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ');
