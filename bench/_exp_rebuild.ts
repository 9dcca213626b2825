// Scratch experiment (deleted after): rebuildProjection vs the same work with (a) next page prefetched while the
// current one is applied, (b) rows sent as typed arrays through unnest instead of one jsonb document.
import { createEventCatalogue, type LabourerRegistered } from '@skills/domain';
import { EVENT_STORE_MIGRATIONS, SqlEventStore, START_POSITION, formatPosition, type RecordedEvent } from '@skills/event-store';
import { READ_MODEL_MIGRATIONS, labourersProjection, rebuildProjection, lockCheckpoint, saveCheckpoint, resetCheckpoint } from '@skills/projections';
import { PgDatabase, migrate, type SqlExecutor } from '@skills/sql';
import { batchPlan } from './lib/bench-events';
import { createDatabase, dropDatabase, urlOf, waitUntilReadable } from './lib/bench-databases';
const now = () => Number(process.hrtime.bigint()) / 1e6;
const UNNEST = `INSERT INTO rm_labourers (labourer_id, category, key_groups, flags, insurance_months, subdistrict_id,
  registering_unit_kind, registering_unit_id, registered_on, last_position)
  SELECT r.labourer_id, r.category, r.key_groups::text[], r.flags::text[], r.insurance_months, r.subdistrict_id, r.kind, r.unit_id, r.registered_on, r.last_position
  FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::uuid[], $7::text[], $8::uuid[], $9::date[], $10::text[])
    AS r(labourer_id, category, key_groups, flags, insurance_months, subdistrict_id, kind, unit_id, registered_on, last_position)
  ON CONFLICT (labourer_id) DO NOTHING`;
const pgArray = (items: readonly string[]) => `{${items.map((i) => `"${i}"`).join(',')}}`;
async function insertUnnest(tx: SqlExecutor, events: { recorded: RecordedEvent; data: LabourerRegistered['data'] }[]) {
  const cols: unknown[][] = Array.from({ length: 10 }, () => []);
  for (const { recorded, data } of events) {
    cols[0]!.push(data.labourerId); cols[1]!.push(data.category); cols[2]!.push(pgArray(data.keyGroups)); cols[3]!.push(pgArray(data.flags));
    cols[4]!.push(data.insuranceMonths); cols[5]!.push(data.subdistrictId); cols[6]!.push(data.registeringUnit.kind); cols[7]!.push(data.registeringUnit.id);
    cols[8]!.push(data.registeredOn); cols[9]!.push(formatPosition(recorded.position));
  }
  await tx.query(UNNEST, cols);
}
async function main() {
  const name = 'bench_exp_rebuild';
  await dropDatabase(name); await createDatabase(name);
  const db = PgDatabase.fromUrl(urlOf(name), 4);
  try {
    await migrate(db, [...EVENT_STORE_MIGRATIONS, ...READ_MODEL_MIGRATIONS]);
    const store = new SqlEventStore(db);
    for (const b of batchPlan(600, 100)) await store.append({ streamId: b.streamId, events: b.events, expectedVersion: 'no_stream' });
    const cat = createEventCatalogue();
    await db.query('VACUUM ANALYZE');
    console.log('waited', await waitUntilReadable(600));
    for (let rep = 0; rep < 3; rep++) {
      await db.query('CHECKPOINT');
      let t = now();
      const p = await rebuildProjection(db, store, cat, labourersProjection);
      const tRebuild = now() - t;
      let after = START_POSITION; const pages: RecordedEvent[][] = [];
      t = now();
      for (;;) { const page = await store.readAll({ after, limit: 2000 }); if (!page.length) break; pages.push(page); after = page[page.length - 1]!.position; }
      const tRead = now() - t;
      t = now();
      const des = pages.map((page) => page.map((recorded) => ({ recorded, event: cat.deserialise(recorded) })));
      const tDes = now() - t;
      const times: Record<string, number> = {};
      for (const variant of ['jsonb', 'unnest'] as const) {
        await db.transaction(async (tx) => { await resetCheckpoint(tx, 'labourers', 1); await tx.query('TRUNCATE rm_labourers'); });
        await db.query('CHECKPOINT');
        t = now();
        for (const page of des) {
          await db.transaction(async (tx) => {
            await lockCheckpoint(tx, 'labourers', 1);
            if (variant === 'jsonb') await labourersProjection.apply(tx, page);
            else await insertUnnest(tx, page.map((r) => ({ recorded: r.recorded, data: r.event.data as LabourerRegistered['data'] })));
            await saveCheckpoint(tx, 'labourers', 1, page[page.length - 1]!.recorded.position);
          });
        }
        times[variant] = now() - t;
      }
      const n = p.processed;
      const us = (ms: number) => (ms * 1000 / n).toFixed(1) + ' us/ev';
      console.log(`rep ${rep}: rebuild ${Math.round(n / tRebuild * 1000)}/s = ${us(tRebuild)} | readAll ${us(tRead)} | deserialise ${us(tDes)} | apply jsonb ${us(times.jsonb!)} | apply unnest ${us(times.unnest!)} | load ${require('fs').readFileSync('/proc/loadavg','utf8').slice(0,14)}`);
    }
  } finally { await db.close(); await dropDatabase(name); }
}
main();
