import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = path.resolve(__dirname, '../../../..');
export const MOCK_CLUSTER_BINARY = path.join(ROOT, 'infra/kafka-mock/build/mock-cluster');

export interface MockTopic {
  readonly name: string;
  readonly partitions: number;
}

export interface MockKafkaOptions {
  /** Broker ids run from 1 to this count. */
  readonly brokers?: number;
  /** Created up front: the mock does not support CreateTopics. */
  readonly topics: readonly MockTopic[];
}

/** A running librdkafka mock cluster (infra/kafka-mock/mock-cluster.c), a real Kafka-protocol broker over TCP. */
export interface MockKafka {
  readonly brokers: string[];
  /** Disconnects a broker (or all, -1) and refuses new connections; the partitions' data stays. */
  down(brokerId?: number): Promise<void>;
  up(brokerId?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts a mock cluster as a child process and waits until it listens. One per test file: it starts in a few
 * milliseconds, and an outage staged by one file cannot disturb another. Closing its stdin stops it, so a
 * crashed jest worker leaves no broker behind.
 */
export async function startMockKafka(options: MockKafkaOptions): Promise<MockKafka> {
  // Built (or rebuilt after an edit of its source) on first use, so a targeted jest run needs no set-up step.
  const source = path.join(ROOT, 'infra/kafka-mock/mock-cluster.c');
  if (!existsSync(MOCK_CLUSTER_BINARY) || statSync(source).mtimeMs > statSync(MOCK_CLUSTER_BINARY).mtimeMs) {
    execFileSync('bash', [path.join(ROOT, 'infra/ensure-kafka-mock.sh')], { stdio: 'inherit' });
  }
  const args = [String(options.brokers ?? 3), ...options.topics.map((t) => `${t.name}:${t.partitions}`)];
  const child = spawn(MOCK_CLUSTER_BINARY, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const lines = createInterface({ input: child.stdout });
  const waiting: { resolve: (line: string) => void; reject: (error: Error) => void }[] = [];
  const early: string[] = [];
  let stderr = '';
  let exited: Error | undefined;
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  lines.on('line', (line) => {
    const next = waiting.shift();
    if (next) next.resolve(line);
    else early.push(line);
  });
  child.once('exit', (code) => {
    exited = new Error(`mock kafka exited with ${code}; stderr: ${stderr}`);
    for (const next of waiting.splice(0)) next.reject(exited);
  });
  const nextLine = () =>
    new Promise<string>((resolve, reject) => {
      const line = early.shift();
      if (line !== undefined) return resolve(line);
      if (exited) return reject(exited);
      const timer = setTimeout(() => reject(new Error(`mock kafka did not answer within 10 s; stderr: ${stderr}`)), 10_000);
      waiting.push({
        resolve: (value) => (clearTimeout(timer), resolve(value)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
    });

  const bootstrap = await nextLine();
  if (!bootstrap.startsWith('BOOTSTRAP ') || (await nextLine()) !== 'READY') throw new Error(`mock kafka: unexpected start-up output ${bootstrap}`);
  const command = async (text: string) => {
    child.stdin.write(`${text}\n`);
    const answer = await nextLine();
    if (answer !== `OK ${text}`) throw new Error(`mock kafka: ${answer}`);
  };
  return {
    brokers: bootstrap.slice('BOOTSTRAP '.length).split(','),
    down: (brokerId = -1) => command(`down ${brokerId}`),
    up: (brokerId = -1) => command(`up ${brokerId}`),
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.stdin.end('quit\n');
  });
}
