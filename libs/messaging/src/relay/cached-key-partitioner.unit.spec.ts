import type { PartitionMetadata } from 'kafkajs';
import { CachedKeyPartitioner } from './cached-key-partitioner';

/** `count` partitions with a leader each, as kafkajs hands them to a partitioner. */
const partitions = (count: number): PartitionMetadata[] =>
  Array.from({ length: count }, (_, partitionId) => ({ partitionId, leader: 0, replicas: [0], isr: [0], partitionErrorCode: 0 }));

// Kafka's own murmur2 test values (Java client): "21" → -973932308, "foobar" → -790332482, "abc" → 479470107,
// "a-little-bit-long-string" → -985981536. Partition = (hash & 0x7fffffff) % count, e.g. "21": 1173551340 % 6 = 0.
const EXPECTED: readonly [string, number, number][] = [
  ['21', 0, 0],
  ['foobar', 0, 2],
  ['abc', 3, 3],
  ['a-little-bit-long-string', 2, 0],
];

describe('CachedKeyPartitioner (R-PAY-1: one payee, one partition, in order)', () => {
  it('R-PAY-1 gives the Java-compatible murmur2 partition for 6 and for 4 partitions, the second time from memory too', () => {
    const partition = CachedKeyPartitioner();
    for (let round = 0; round < 2; round++) {
      for (const [key, ofSix, ofFour] of EXPECTED) {
        expect([key, partition({ topic: 't', partitionMetadata: partitions(6), message: { key, value: 'v' } })]).toEqual([key, ofSix]);
        expect([key, partition({ topic: 't', partitionMetadata: partitions(4), message: { key, value: 'v' } })]).toEqual([key, ofFour]);
      }
    }
  });

  it('R-PAY-1 keeps an explicit partition; another topic or partition count is its own entry', () => {
    const partition = CachedKeyPartitioner();
    expect(partition({ topic: 't', partitionMetadata: partitions(6), message: { key: 'abc', value: 'v', partition: 5 } })).toBe(5);
    expect(partition({ topic: 't', partitionMetadata: partitions(6), message: { key: 'abc', value: 'v' } })).toBe(3);
    expect(partition({ topic: 'u', partitionMetadata: partitions(4), message: { key: 'abc', value: 'v' } })).toBe(3);
    expect(partition({ topic: 'u', partitionMetadata: partitions(6), message: { key: '21', value: 'v' } })).toBe(0);
  });

  it('R-PAY-1 still answers right after forgetting past 10,000 keys', () => {
    const partition = CachedKeyPartitioner();
    for (let i = 0; i < 10_001; i++) partition({ topic: 't', partitionMetadata: partitions(6), message: { key: `payee-${i}`, value: 'v' } });
    expect(partition({ topic: 't', partitionMetadata: partitions(6), message: { key: 'foobar', value: 'v' } })).toBe(0);
    expect(partition({ topic: 't', partitionMetadata: partitions(4), message: { key: 'foobar', value: 'v' } })).toBe(2);
  });
});
