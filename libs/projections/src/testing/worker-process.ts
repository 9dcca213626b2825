import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');
const SCRIPT = path.join(__dirname, 'projection-worker.ts');
const running = new Set<WorkerProcess>();

/** projection-worker.ts in a child process. `stopAllWorkers` (afterEach) SIGKILLs whatever a test left running. */
export class WorkerProcess {
  stderr = '';
  private readonly exited: Promise<string>;

  private constructor(private readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`)));
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    void this.exited.then(() => running.delete(this));
  }

  /** Resolves once the worker has started its projections. */
  static async start(databaseUrl: string, batchSize: number, timeoutMs = 60_000): Promise<WorkerProcess> {
    const env = { ...process.env, NODE_OPTIONS: '', PROJECTION_WORKER_DB_URL: databaseUrl, PROJECTION_WORKER_BATCH_SIZE: String(batchSize) };
    const child = spawn(process.execPath, ['-r', './infra/register.js', SCRIPT], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const worker = new WorkerProcess(child);
    running.add(worker);
    let stdout = '';
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        new Promise<void>((resolve) => child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()).includes('ready\n') && resolve())),
        worker.exited.then((how) => Promise.reject(new Error(`projection worker ended (${how}) before it was ready:\n${worker.stderr}`))),
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`projection worker not ready after ${timeoutMs} ms`)), timeoutMs))),
      ]);
    } catch (error) {
      await worker.kill('SIGKILL');
      throw error;
    } finally {
      clearTimeout(timer);
    }
    return worker;
  }

  /** Sends the signal (if still running) and resolves with how the process ended: a signal name or "exit <code>". */
  async kill(signal: NodeJS.Signals): Promise<string> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }
}

export async function stopAllWorkers(): Promise<void> {
  await Promise.all([...running].map((w) => w.kill('SIGKILL')));
}
