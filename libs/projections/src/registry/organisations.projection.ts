import type {
  EnterpriseProfileChanged,
  EnterpriseRegistered,
  EvaluationBodyRegistered,
  ProviderQualificationRenewed,
  ProviderRegistered,
  SubdistrictRegistered,
} from '@skills/domain';
import { formatPosition } from '@skills/event-store';
import type { SqlExecutor } from '@skills/sql';
import type { ProjectedEvent, Projection } from '../projection';

const HANDLED = new Set([
  'SubdistrictRegistered',
  'ProviderRegistered',
  'ProviderQualificationRenewed',
  'EnterpriseRegistered',
  'EnterpriseProfileChanged',
  'EvaluationBodyRegistered',
]);

/** Providers, enterprises, evaluation bodies and subdistricts (R-ORG-1, R-REG-5) for lists and look-ups. */
export const organisationsProjection: Projection = {
  name: 'organisations',
  version: 1,
  tables: ['rm_organisations'],
  handles: (type) => HANDLED.has(type),
  async apply(tx, events) {
    for (const projected of events) await applyOne(tx, projected);
  },
};

const INSERT = `INSERT INTO rm_organisations (organisation_id, kind, name, name_en, code, subdistrict_id, subtype,
  qualification_number, qualification_valid_from, qualification_expires_on, headcount, insured, last_position)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (organisation_id) DO NOTHING`;

async function applyOne(tx: SqlExecutor, { event, recorded }: ProjectedEvent): Promise<void> {
  const at = formatPosition(recorded.position);
  switch (event.type) {
    case 'SubdistrictRegistered': {
      const d = event.data as SubdistrictRegistered['data'];
      await tx.query(INSERT, [d.subdistrictId, 'SUBDISTRICT', d.name, d.nameEn, d.code, null, null, null, null, null, null, null, at]);
      return;
    }
    case 'ProviderRegistered': {
      const d = event.data as ProviderRegistered['data'];
      const q = d.qualification;
      await tx.query(INSERT, [d.providerId, 'PROVIDER', d.name, null, null, d.subdistrictId, d.kind, q.number, q.validFrom, q.expiresOn, null, null, at]);
      return;
    }
    case 'ProviderQualificationRenewed': {
      const d = event.data as ProviderQualificationRenewed['data'];
      const q = d.qualification;
      await tx.query(
        `UPDATE rm_organisations SET qualification_number = $2, qualification_valid_from = $3, qualification_expires_on = $4, last_position = $5
         WHERE organisation_id = $1`,
        [d.providerId, q.number, q.validFrom, q.expiresOn, at],
      );
      return;
    }
    case 'EnterpriseRegistered': {
      const d = event.data as EnterpriseRegistered['data'];
      await tx.query(INSERT, [d.enterpriseId, 'ENTERPRISE', d.name, null, null, d.subdistrictId, null, null, null, null, d.headcount, d.insured, at]);
      return;
    }
    case 'EnterpriseProfileChanged': {
      const d = event.data as EnterpriseProfileChanged['data'];
      await tx.query(
        `UPDATE rm_organisations SET name = $2, subdistrict_id = $3, headcount = $4, insured = $5, last_position = $6 WHERE organisation_id = $1`,
        [d.enterpriseId, d.name, d.subdistrictId, d.headcount, d.insured, at],
      );
      return;
    }
    case 'EvaluationBodyRegistered': {
      const d = event.data as EvaluationBodyRegistered['data'];
      await tx.query(INSERT, [d.evaluationBodyId, 'EVALUATION_BODY', d.name, null, null, d.subdistrictId, d.kind, null, null, null, null, null, at]);
      return;
    }
    default:
      throw new Error(`organisations projection does not handle ${event.type}`);
  }
}
