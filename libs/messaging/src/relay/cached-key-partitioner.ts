import { Partitioners, type ICustomPartitioner } from 'kafkajs';

/** Keys whose partition is remembered at most; past that the memory starts again (payees come back in waves). */
const REMEMBERED_KEYS = 10_000;

/**
 * kafkajs's default (Java-compatible murmur2) partitioner, remembering the partition of each string key per topic and
 * partition count. The relay sends many rows of the same payees, and the bench's profile showed murmur2 on kafkajs's
 * Long arithmetic at about a tenth of the relay's own CPU (issue 6). The answer is the default partitioner's own, so a
 * key's rows stay on one partition in order (R-PAY-1); a change in the partition count is a different entry. Messages
 * with an explicit partition, no key or a Buffer key go straight to the default partitioner.
 */
export const CachedKeyPartitioner: ICustomPartitioner = () => {
  const partition = Partitioners.DefaultPartitioner();
  const known = new Map<string, number>();
  return (args) => {
    const { topic, partitionMetadata, message } = args;
    if (message.partition !== null && message.partition !== undefined) return message.partition;
    if (typeof message.key !== 'string') return partition(args);
    const entry = `${topic}\u0000${partitionMetadata.length}\u0000${message.key}`;
    let chosen = known.get(entry);
    if (chosen === undefined) {
      chosen = partition(args);
      if (known.size >= REMEMBERED_KEYS) known.clear();
      known.set(entry, chosen);
    }
    return chosen;
  };
};
