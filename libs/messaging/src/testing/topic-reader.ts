import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** One message as it is on the topic, read back by kcat (a client independent of the one that wrote it). */
export interface TopicMessage {
  readonly partition: number;
  readonly offset: number;
  readonly key: string | null;
  readonly value: string | null;
  readonly headers: Record<string, string>;
}

/**
 * Every message of a topic, from the beginning to the end of each partition, in partition then offset order.
 * kcat ships with infra/ensure-kafka-mock.sh; it reads without a consumer group (the mock's groups are partial).
 */
export async function readTopic(brokers: readonly string[], topic: string): Promise<TopicMessage[]> {
  const { stdout } = await promisify(execFile)('kcat', ['-C', '-b', brokers.join(','), '-t', topic, '-o', 'beginning', '-e', '-q', '-J'], {
    maxBuffer: 512 * 1024 * 1024,
    timeout: 60_000,
  });
  const messages = stdout
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      const m = JSON.parse(line) as { partition: number; offset: number; key: string | null; payload: string | null; headers?: string[] };
      const headers: Record<string, string> = {};
      for (let i = 0; i + 1 < (m.headers ?? []).length; i += 2) headers[m.headers![i]!] = m.headers![i + 1]!;
      return { partition: m.partition, offset: m.offset, key: m.key, value: m.payload, headers };
    });
  return messages.sort((a, b) => a.partition - b.partition || a.offset - b.offset);
}
