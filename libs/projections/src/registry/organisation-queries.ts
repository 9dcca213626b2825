import type { SqlExecutor } from '@skills/sql';

/** Organisations of the read model by kind and subdistrict, for lists and pickers. */
export async function listOrganisations(db: SqlExecutor, filter: { kind?: string; subdistrictId?: string }) {
  const { rows } = await db.query(
    `SELECT organisation_id AS "organisationId", kind, name, name_en AS "nameEn", code, subdistrict_id AS "subdistrictId", subtype,
            qualification_number AS "qualificationNumber", qualification_valid_from AS "qualificationValidFrom",
            qualification_expires_on AS "qualificationExpiresOn", headcount, insured
     FROM rm_organisations WHERE ($1::text IS NULL OR kind = $1) AND ($2::uuid IS NULL OR subdistrict_id = $2) ORDER BY kind, name`,
    [filter.kind ?? null, filter.subdistrictId ?? null],
  );
  return rows;
}
