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

async function insertRegistrations(tx: SqlExecutor, events: readonly ProjectedEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map(({ event, recorded }) => {
    const data = event.data as LabourerRegistered['data'];
    return {
      labourer_id: data.labourerId,
      category: data.category,
      key_groups: data.keyGroups,
      flags: data.flags,
      insurance_months: data.insuranceMonths,
      subdistrict_id: data.subdistrictId,
      registering_unit_kind: data.registeringUnit.kind,
      registering_unit_id: data.registeringUnit.id,
      registered_on: data.registeredOn,
      last_position: formatPosition(recorded.position),
    };
  });
  // ON CONFLICT DO NOTHING: a redelivered registration changes nothing.
  await tx.query(
    `INSERT INTO rm_labourers (labourer_id, category, key_groups, flags, insurance_months, subdistrict_id,
       registering_unit_kind, registering_unit_id, registered_on, last_position)
     SELECT r.labourer_id, r.category, ARRAY(SELECT jsonb_array_elements_text(r.key_groups)),
       ARRAY(SELECT jsonb_array_elements_text(r.flags)), r.insurance_months, r.subdistrict_id,
       r.registering_unit_kind, r.registering_unit_id, r.registered_on, r.last_position
     FROM jsonb_to_recordset($1::jsonb) AS r(labourer_id uuid, category text, key_groups jsonb, flags jsonb,
       insurance_months int, subdistrict_id uuid, registering_unit_kind text, registering_unit_id uuid,
       registered_on date, last_position text)
     ON CONFLICT (labourer_id) DO NOTHING`,
    [JSON.stringify(rows)],
  );
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
