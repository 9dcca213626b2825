import type { LabourerErased, LabourerGroupsChanged, LabourerRegistered } from '@skills/domain';
import { formatPosition } from '@skills/event-store';
import type { SqlExecutor } from '@skills/sql';
import type { ProjectedEvent, Projection } from '../projection';

const HANDLED = new Set(['LabourerRegistered', 'LabourerGroupsChanged', 'LabourerErased']);

/** One row per card (R-REG-1): the registry search and the R-REG-3 registration-funding counts read it. */
export const labourersProjection: Projection = {
  name: 'labourers',
  version: 1,
  tables: ['rm_labourers'],
  handles: (type) => HANDLED.has(type),
  async apply(tx, events) {
    // Consecutive registrations go in one statement: imports and rebuilds are mostly that.
    let pending: ProjectedEvent[] = [];
    for (const projected of events) {
      if (projected.event.type === 'LabourerRegistered') {
        pending.push(projected);
        continue;
      }
      await insertRegistrations(tx, pending);
      pending = [];
      await applyChange(tx, projected);
    }
    await insertRegistrations(tx, pending);
  },
};

/**
 * Every registration of the run in one statement, one typed array per column through unnest: PostgreSQL parses
 * arrays of uuid, text and date far faster than one jsonb document per batch. unnest cannot take an array per
 * row (arrays of arrays must be rectangular), so key_groups and flags cross as array literals, one text per row,
 * cast back to text[] in SQL.
 */
const INSERT_REGISTRATIONS = `INSERT INTO rm_labourers (labourer_id, category, key_groups, flags, insurance_months, subdistrict_id,
    registering_unit_kind, registering_unit_id, registered_on, last_position)
  SELECT r.labourer_id, r.category, r.key_groups::text[], r.flags::text[], r.insurance_months, r.subdistrict_id,
    r.registering_unit_kind, r.registering_unit_id, r.registered_on, r.last_position
  FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::uuid[], $7::text[], $8::uuid[], $9::date[], $10::text[])
    AS r(labourer_id, category, key_groups, flags, insurance_months, subdistrict_id, registering_unit_kind, registering_unit_id,
      registered_on, last_position)
  ON CONFLICT (labourer_id) DO NOTHING`;

async function insertRegistrations(tx: SqlExecutor, events: readonly ProjectedEvent[]): Promise<void> {
  if (events.length === 0) return;
  const columns: unknown[][] = Array.from({ length: 10 }, () => new Array<unknown>(events.length));
  events.forEach(({ event, recorded }, i) => {
    const data = event.data as LabourerRegistered['data'];
    const row = [
      data.labourerId,
      data.category,
      arrayLiteral(data.keyGroups),
      arrayLiteral(data.flags),
      data.insuranceMonths,
      data.subdistrictId,
      data.registeringUnit.kind,
      data.registeringUnit.id,
      data.registeredOn,
      formatPosition(recorded.position),
    ];
    row.forEach((value, column) => (columns[column]![i] = value));
  });
  // ON CONFLICT DO NOTHING: a redelivered registration changes nothing.
  await tx.query(INSERT_REGISTRATIONS, columns);
}

/** A PostgreSQL array literal of texts: every element quoted, `"` and `\` escaped. */
function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

async function applyChange(tx: SqlExecutor, { event, recorded }: ProjectedEvent): Promise<void> {
  const position = formatPosition(recorded.position);
  switch (event.type) {
    case 'LabourerGroupsChanged': {
      const data = event.data as LabourerGroupsChanged['data'];
      await tx.query(
        `UPDATE rm_labourers SET key_groups = $2, flags = $3, insurance_months = $4, last_position = $5 WHERE labourer_id = $1`,
        [data.labourerId, data.keyGroups, data.flags, data.insuranceMonths, position],
      );
      return;
    }
    case 'LabourerErased': {
      const data = event.data as LabourerErased['data'];
      await tx.query(`UPDATE rm_labourers SET erased_on = $2, last_position = $3 WHERE labourer_id = $1`, [data.labourerId, data.erasedOn, position]);
      return;
    }
    default:
      throw new Error(`labourers projection does not handle ${event.type}`);
  }
}
