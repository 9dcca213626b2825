/**
 * Outbox relay throughput and lag (issue 6, "Speed"). Run it with `bash bench/payouts/run.sh`.
 * Markdown on stdout, progress on stderr.
 *
 * 1. Throughput, once per setting of BENCH_RUNS ("1x1000,1x2000,2x1000,2x2000": relays × batch size): a fresh outbox
 *    of BENCH_ROWS (100,000) PayoutInstruction.v1 rows for BENCH_PAYEES (1,000) payees, written in bulk before the
 *    clock starts; the relays publish them side by side (per-payee locks) to the librdkafka mock cluster (3 brokers,
 *    6 partitions, over TCP) until the outbox is empty. Checked afterwards: the partitions' high watermarks grew by
 *    the row count, and no row is left unsent. (The mock keeps only the last few MB per partition, so the count comes
 *    from the offsets.)
 * 2. Lag: BENCH_LAG_SECONDS (20) of approvals at BENCH_RATE (100) instructions a second, written in ten
 *    transactions a second, with one relay at its default settings; lag = sent_at − created_at of each row.
 */
import { mockKafkaClient, startMockKafka } from '@skills/messaging/testing';
import { PgDatabase, migrate } from '@skills/sql';
import { FINANCE_TOPICS, KafkaOutboxPublisher, OUTBOX_MIGRATIONS, OutboxRelay, fixtureMessagesForBench, outboxBacklog, writeToOutbox } from './bench-outbox';
import { createDatabase, dropDatabase, newDatabaseName, serverDescription, urlOf } from '../lib/bench-databases';
import { loadAverage, machineDescription } from '../lib/machine';

const ROWS = Number(process.env['BENCH_ROWS'] ?? 100_000);
const PAYEES = Number(process.env['BENCH_PAYEES'] ?? 1_000);
const RUNS = (process.env['BENCH_RUNS'] ?? '1x1000,1x2000,2x1000,2x2000').split(',').map(parseRun);
const MOST_RELAYS = Math.max(...RUNS.map((r) => r.relays));
const LAG_SECONDS = Number(process.env['BENCH_LAG_SECONDS'] ?? 20);
const RATE = Number(process.env['BENCH_RATE'] ?? 100);
const TOPIC = FINANCE_TOPICS.payoutInstructions;

const log = (line: string): void => void process.stderr.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const name = newDatabaseName('payouts');
  await createDatabase(name);
  const db = PgDatabase.fromUrl(urlOf(name), 4 + MOST_RELAYS);
  const mock = await startMockKafka({ brokers: 3, topics: [{ name: TOPIC, partitions: 6 }] });
  const publishers: KafkaOutboxPublisher[] = [];
  try {
    await migrate(db, OUTBOX_MIGRATIONS);
    const load = await loadAverage();
    // Connect the producers before the clock starts, as a running worker has.
    for (let i = 0; i < MOST_RELAYS; i++) publishers.push(new KafkaOutboxPublisher(mockKafkaClient(mock)));
    await Promise.all(publishers.map((p) => p.connect()));
    const results: string[] = [];
    let failed = false;
    for (const { relays: count, batch } of RUNS) {
      await db.query('TRUNCATE outbox');
      log(`writing ${ROWS} rows for ${PAYEES} payees`);
      await bulkWrite(db, ROWS, PAYEES);
      const before = await messagesOnTopic(mock);
      const relays = publishers.slice(0, count).map((publisher) => new OutboxRelay(db, publisher, { batchSize: batch }));
      log(`publishing with ${count} relay(s), batches of ${batch}`);
      const started = process.hrtime.bigint();
      await Promise.all(relays.map((relay) => drain(relay, db)));
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const onTopic = (await messagesOnTopic(mock)) - before;
      const left = (await outboxBacklog(db)).unsent;
      results.push(`| ${ROWS} | ${PAYEES} | ${count} | ${batch} | ${seconds.toFixed(2)} | ${Math.round(ROWS / seconds)} | ${onTopic} | ${left} |`);
      if (onTopic !== ROWS || left !== 0) failed = true;
    }

    log(`lag: ${LAG_SECONDS} s at ${RATE} instructions/s`);
    await db.query('TRUNCATE outbox');
    const lag = await measureLag(db, mock, publishers);

    console.log(`## Outbox relay to Kafka (librdkafka mock cluster, 3 brokers, 6 partitions)\n`);
    console.log(`${machineDescription()}; ${await serverDescription()}; load average before: ${load}\n`);
    console.log(`| rows | payees | relays | batch | seconds | messages/s | on the topic | left unsent |`);
    console.log(`| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
    console.log(`${results.join('\n')}\n`);
    console.log(`| approvals/s | seconds | instructions | lag p50 ms | lag p99 ms | lag max ms |`);
    console.log(`| ---: | ---: | ---: | ---: | ---: | ---: |`);
    console.log(`| ${RATE} | ${LAG_SECONDS} | ${lag.count} | ${lag.p50} | ${lag.p99} | ${lag.max} |`);
    if (failed) process.exitCode = 1;
  } finally {
    for (const p of publishers) await p.close();
    await mock.stop();
    await db.close();
    await dropDatabase(name);
  }
}

function parseRun(text: string): { relays: number; batch: number } {
  const [relays, batch] = text.split('x').map(Number);
  if (!Number.isInteger(relays) || !Number.isInteger(batch) || relays! < 1 || batch! < 1) {
    throw new Error(`BENCH_RUNS: "${text}" is not relays x batch size, e.g. BENCH_RUNS=1x1000,2x2000`);
  }
  return { relays: relays!, batch: batch! };
}

/** Rounds until the outbox is empty: a round that found every waiting key held by the other relay is not the end. */
async function drain(relay: OutboxRelay, db: PgDatabase): Promise<void> {
  while ((await relay.runOnce()) > 0 || (await outboxBacklog(db)).unsent > 0);
}

/** Rows written 5,000 to a statement (unnest), the way a backlog would have piled up. */
async function bulkWrite(db: PgDatabase, rows: number, payees: number): Promise<void> {
  const messages = fixtureMessagesForBench(rows, payees);
  for (let at = 0; at < messages.length; at += 5_000) {
    const chunk = messages.slice(at, at + 5_000);
    await db.query(
      `INSERT INTO outbox (message_id, topic, message_key, message_type, payload)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[])`,
      [chunk.map((m) => m.messageId), chunk.map((m) => m.topic), chunk.map((m) => m.key), chunk.map((m) => m.type), chunk.map((m) => JSON.stringify(m.payload))],
    );
  }
}

async function messagesOnTopic(mock: { brokers: string[] }): Promise<number> {
  const admin = mockKafkaClient(mock).admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(TOPIC);
    // Offsets start at 0 and count every message ever appended, purged or not.
    return offsets.reduce((sum, p) => sum + Number(p.high), 0);
  } finally {
    await admin.disconnect();
  }
}

async function measureLag(db: PgDatabase, mock: { brokers: string[] }, publishers: KafkaOutboxPublisher[]) {
  const publisher = new KafkaOutboxPublisher(mockKafkaClient(mock));
  publishers.push(publisher);
  await publisher.connect();
  const relay = new OutboxRelay(db, publisher);
  relay.start();
  const perTick = RATE / 10;
  const messages = fixtureMessagesForBench(RATE * LAG_SECONDS, 1_000, 'lag');
  const start = Date.now();
  for (let tick = 0; tick < LAG_SECONDS * 10; tick++) {
    await db.transaction(async (tx) => {
      for (const m of messages.slice(tick * perTick, (tick + 1) * perTick)) await writeToOutbox(tx, m);
    });
    await sleep(Math.max(0, start + (tick + 1) * 100 - Date.now()));
  }
  while ((await outboxBacklog(db)).unsent > 0) await sleep(50);
  await relay.stop();
  const { rows } = await db.query<{ ms: number }>(`SELECT extract(epoch FROM sent_at - created_at) * 1000 AS ms FROM outbox ORDER BY 1`);
  const ms = rows.map((r) => Number(r.ms));
  const at = (q: number) => Math.round(ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? NaN);
  return { count: ms.length, p50: at(0.5), p99: at(0.99), max: Math.round(ms[ms.length - 1] ?? NaN) };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
