import { randomBytes, randomUUID } from 'node:crypto';
import {
  createEventCatalogue,
  toEnterpriseStreamId,
  toEvaluationBodyStreamId,
  toLabourerIdentityStreamId,
  toLabourerStreamId,
  toProviderStreamId,
  toSubdistrictStreamId,
} from '@skills/domain';
import { formatPosition, type RecordedEvent } from '@skills/event-store';
import type { PgliteDatabase } from '@skills/sql';
import type { Projection } from '../projection';
import { openProjectionTestStore, type EventSpec, type ProjectionTestStore } from '../testing/projection-test-store';
import { labourersProjection } from './labourers.projection';
import { organisationsProjection } from './organisations.projection';

const catalogue = createEventCatalogue();
let pglite: ProjectionTestStore;
let db: PgliteDatabase;

beforeAll(async () => {
  pglite = await openProjectionTestStore({ actor: 'registry-test', catalogue });
  db = pglite.db;
});
afterAll(() => pglite?.close());

const append = (...events: EventSpec[]): Promise<RecordedEvent[]> => pglite.append(...events);
const feed = (projection: Projection, events: readonly RecordedEvent[]): Promise<void> => pglite.feed(projection, events);

const row = async (table: string, key: string, id: string) => (await db.query(`SELECT * FROM ${table} WHERE ${key} = $1`, [id])).rows[0];
const at = (event: RecordedEvent | undefined) => formatPosition(event!.position);

describe('labourers projection', () => {
  const subdistrictId = randomUUID();
  const unitId = randomUUID();
  function registration(labourerId: string, keyGroups: string[], flags: string[]): [string, string, Record<string, unknown>][] {
    const fingerprint = randomBytes(32).toString('hex');
    return [
      [toLabourerIdentityStreamId(fingerprint), 'LabourerIdentityClaimed', { labourerId }],
      [toLabourerStreamId(labourerId), 'LabourerRegistered', {
        labourerId, fingerprint, category: 'RURAL_LABOURER', keyGroups, flags, insuranceMonths: 3, subdistrictId,
        registeringUnit: { kind: 'PROVIDER', id: unitId }, registeredOn: '2021-03-01',
      }],
    ];
  }
  const card = (labourerId: string, changes: Record<string, unknown>) => ({
    labourer_id: labourerId, category: 'RURAL_LABOURER', key_groups: ['RURAL_MIGRANT'], flags: [], insurance_months: 3, subdistrict_id: subdistrictId,
    registering_unit_kind: 'PROVIDER', registering_unit_id: unitId, registered_on: '2021-03-01', erased_on: null, ...changes,
  });

  it('handles the three card events and not the identity reservation', () => {
    expect(['LabourerRegistered', 'LabourerGroupsChanged', 'LabourerErased'].every((t) => labourersProjection.handles(t))).toBe(true);
    expect(labourersProjection.handles('LabourerIdentityClaimed')).toBe(false);
    expect(labourersProjection.handles('ProviderRegistered')).toBe(false);
  });

  it('in one batch: registrations, key groups replaced (not merged), an erasure; each change after its own registration', async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const events = await append(
      ...registration(a, ['RURAL_MIGRANT'], []),
      ...registration(b, ['RURAL_MIGRANT'], []),
      [toLabourerStreamId(a), 'LabourerGroupsChanged', { labourerId: a, keyGroups: ['VETERAN', 'LAID_OFF'], flags: ['RURAL_STUDENT'], insuranceMonths: 14, reason: 'EVIDENCE_PROVIDED' }],
      ...registration(c, ['RURAL_MIGRANT'], []),
      [toLabourerStreamId(b), 'LabourerErased', { labourerId: b, erasedOn: '2021-06-30' }],
      [toLabourerStreamId(c), 'LabourerGroupsChanged', { labourerId: c, keyGroups: [], flags: [], insuranceMonths: 0, reason: 'DATA_CORRECTION' }],
    );
    await feed(labourersProjection, events);

    expect(await row('rm_labourers', 'labourer_id', a)).toEqual(
      card(a, { key_groups: ['VETERAN', 'LAID_OFF'], flags: ['RURAL_STUDENT'], insurance_months: 14, last_position: at(events[4]) }),
    );
    // Erased: the date set, the card kept with everything else (it still counts in every total).
    expect(await row('rm_labourers', 'labourer_id', b)).toEqual(card(b, { erased_on: '2021-06-30', last_position: at(events[7]) }));
    expect(await row('rm_labourers', 'labourer_id', c)).toEqual(card(c, { key_groups: [], insurance_months: 0, last_position: at(events[8]) }));
  });

  it('a change in a later batch replaces the groups of a card registered in an earlier one', async () => {
    const labourerId = randomUUID();
    await feed(labourersProjection, await append(...registration(labourerId, ['POOR_LABOURER', 'VETERAN'], ['ZERO_EMPLOYMENT_FAMILY'])));
    expect(await row('rm_labourers', 'labourer_id', labourerId)).toMatchObject({ key_groups: ['POOR_LABOURER', 'VETERAN'], flags: ['ZERO_EMPLOYMENT_FAMILY'] });
    const change = await append([toLabourerStreamId(labourerId), 'LabourerGroupsChanged', { labourerId, keyGroups: ['LAID_OFF'], flags: [], insuranceMonths: 7, reason: 'CIRCUMSTANCES_CHANGED' }]);
    await feed(labourersProjection, change);
    expect(await row('rm_labourers', 'labourer_id', labourerId)).toMatchObject({ key_groups: ['LAID_OFF'], flags: [], insurance_months: 7, erased_on: null, last_position: at(change[0]) });
  });

  it('refuses an event it does not handle rather than dropping it', async () => {
    const [provider] = await append([toEvaluationBodyStreamId(randomUUID()), 'EvaluationBodyRegistered', { evaluationBodyId: randomUUID(), name: 'X', kind: 'VOCATIONAL_SCHOOL', subdistrictId: randomUUID() }]);
    await expect(db.transaction((tx) => labourersProjection.apply(tx, [{ recorded: provider!, event: catalogue.deserialise(provider!) }]))).rejects.toThrow(/does not handle/);
  });
});

describe('organisations projection', () => {
  it('subdistricts, providers with a renewed qualification, enterprises with a changed headcount, evaluation bodies', async () => {
    const [subdistrictId, providerId, enterpriseId, evaluationBodyId, movedTo] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const events = await append(
      [toSubdistrictStreamId(subdistrictId), 'SubdistrictRegistered', { subdistrictId, code: 'NANCUN', name: '南村街道', nameEn: 'Nancun' }],
      [toProviderStreamId(providerId), 'ProviderRegistered', { providerId, name: 'Training school', kind: 'TRAINING_INSTITUTION', subdistrictId, qualification: { number: 'Q-1', validFrom: '2019-01-01', expiresOn: '2021-12-31' } }],
      [toEnterpriseStreamId(enterpriseId), 'EnterpriseRegistered', { enterpriseId, name: 'Factory', subdistrictId, headcount: 480, insured: false }],
      [toProviderStreamId(providerId), 'ProviderQualificationRenewed', { providerId, qualification: { number: 'Q-2', validFrom: '2022-01-01', expiresOn: '2024-12-31' } }],
      [toEnterpriseStreamId(enterpriseId), 'EnterpriseProfileChanged', { enterpriseId, name: 'Factory Ltd', subdistrictId: movedTo, headcount: 520, insured: true, effectiveOn: '2021-07-01' }],
      [toEvaluationBodyStreamId(evaluationBodyId), 'EvaluationBodyRegistered', { evaluationBodyId, name: 'Skills centre', kind: 'SOCIAL_ORGANISATION', subdistrictId }],
    );
    await feed(organisationsProjection, events);
    const none = { name_en: null, code: null, subtype: null, qualification_number: null, qualification_valid_from: null, qualification_expires_on: null, headcount: null, insured: null };

    expect(await row('rm_organisations', 'organisation_id', subdistrictId)).toEqual({
      ...none, organisation_id: subdistrictId, kind: 'SUBDISTRICT', name: '南村街道', name_en: 'Nancun', code: 'NANCUN', subdistrict_id: null, last_position: at(events[0]),
    });
    expect(await row('rm_organisations', 'organisation_id', providerId)).toEqual({
      ...none, organisation_id: providerId, kind: 'PROVIDER', name: 'Training school', subdistrict_id: subdistrictId, subtype: 'TRAINING_INSTITUTION',
      qualification_number: 'Q-2', qualification_valid_from: '2022-01-01', qualification_expires_on: '2024-12-31', last_position: at(events[3]),
    });
    expect(await row('rm_organisations', 'organisation_id', enterpriseId)).toEqual({
      ...none, organisation_id: enterpriseId, kind: 'ENTERPRISE', name: 'Factory Ltd', subdistrict_id: movedTo, headcount: 520, insured: true, last_position: at(events[4]),
    });
    expect(await row('rm_organisations', 'organisation_id', evaluationBodyId)).toEqual({
      ...none, organisation_id: evaluationBodyId, kind: 'EVALUATION_BODY', name: 'Skills centre', subdistrict_id: subdistrictId, subtype: 'SOCIAL_ORGANISATION', last_position: at(events[5]),
    });
  });

  it('a redelivered registration does not undo a later change', async () => {
    const enterpriseId = randomUUID();
    const subdistrictId = randomUUID();
    const events = await append(
      [toEnterpriseStreamId(enterpriseId), 'EnterpriseRegistered', { enterpriseId, name: 'Workshop', subdistrictId, headcount: 10, insured: true }],
      [toEnterpriseStreamId(enterpriseId), 'EnterpriseProfileChanged', { enterpriseId, name: 'Workshop', subdistrictId, headcount: 12, insured: true, effectiveOn: '2021-05-01' }],
    );
    await feed(organisationsProjection, events);
    await feed(organisationsProjection, events.slice(0, 1));
    expect(await row('rm_organisations', 'organisation_id', enterpriseId)).toMatchObject({ headcount: 12, last_position: at(events[1]) });
    expect(organisationsProjection.handles('LabourerRegistered')).toBe(false);
  });
});
