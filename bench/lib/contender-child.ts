import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { RESULT_PREFIX, type StepAnswer } from './contender';
import type { ContenderKind } from './sizes';
import type { Step } from './workloads';

/** The parent's handle on one contender's process (bench/lib/contender-process.ts): one step at a time. */
export class ContenderChild {
  private readonly waiting: ((answer: StepAnswer) => void)[] = [];
  private readonly exited: Promise<number | null>;
  private stderr = '';

  private constructor(
    readonly kind: ContenderKind,
    private readonly child: ChildProcess,
  ) {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith(RESULT_PREFIX)) this.waiting.shift()?.(JSON.parse(line.slice(RESULT_PREFIX.length)) as StepAnswer);
    });
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-4000)));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    void this.exited.then((code) => {
      for (const w of this.waiting.splice(0)) w({ ok: false, results: [], rssMb: 0, error: `exited with ${code}: ${this.stderr}` });
    });
  }

  /** Starts the process and waits until its contender is open (schema migrated). */
  static async start(kind: ContenderKind, target: string): Promise<{ child: ContenderChild; rssMb: number }> {
    const proc = spawn(process.execPath, ['-r', './infra/register.js', path.join(__dirname, 'contender-process.ts'), kind, target], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const child = new ContenderChild(kind, proc);
    const opened = await child.next();
    if (!opened.ok) throw new Error(`${kind} did not open: ${opened.error}`);
    return { child, rssMb: opened.rssMb };
  }

  async run(step: Step): Promise<StepAnswer> {
    const answer = this.next();
    this.child.stdin!.write(`${JSON.stringify(step)}\n`);
    const result = await answer;
    if (!result.ok) throw new Error(`${this.kind} failed ${step.kind}: ${result.error}`);
    return result;
  }

  /** Closing stdin ends the child's step loop; it then closes its contender and exits. */
  async stop(): Promise<void> {
    this.child.stdin!.end();
    const code = await Promise.race([this.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 30_000))]);
    if (code === 'timeout') this.child.kill('SIGKILL');
  }

  private next(): Promise<StepAnswer> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}
