import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';

export class DataDirectoryInUseError extends Error {
  readonly code = 'SQL.DATA_DIRECTORY_IN_USE';
  constructor(dir: string, pid: number) {
    super(`The embedded database in ${dir} is open in process ${pid}: stop that process first (PGlite allows one process at a time)`);
    this.name = 'DataDirectoryInUseError';
  }
}

/**
 * An exclusive lock on an embedded data directory, held by this process until released. Two processes opening
 * one PGlite directory corrupt it (seen: a rebuild beside a running server), so the second one must refuse.
 * A lock left by a process that no longer exists is taken over.
 */
export function lockDataDirectory(dir: string): () => void {
  const file = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(file, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) throw new DataDirectoryInUseError(dir, holder);
      unlinkSync(file);
    }
  }
  throw new Error(`Could not lock ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
