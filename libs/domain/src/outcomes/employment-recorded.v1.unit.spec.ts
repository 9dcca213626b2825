import { createEventCatalogue } from '../catalogue';
import { EMPLOYMENT_ID, ENTERPRISE_ID, LABOURER_ID } from './testing/outcomes-fixtures';

const catalogue = createEventCatalogue();
const v1 = (data: Record<string, unknown>) => ({ type: 'EmploymentRecorded', schemaVersion: 1, data: { employmentId: EMPLOYMENT_ID, labourerId: LABOURER_ID, startsOn: '2021-03-01', evidenceRef: 'doc:1', ...data } });

describe('EmploymentRecorded v1, read as v2', () => {
  it('R-GATE-3 drops a v1 organisation name for good: the employer becomes an organisation that was not identified', () => {
    const event = catalogue.deserialise(v1({ employer: { kind: 'ORGANISATION', name: '张三便利店' }, endsOn: '2021-03-09' }));
    expect(event).toEqual({
      type: 'EmploymentRecorded',
      data: { employmentId: EMPLOYMENT_ID, labourerId: LABOURER_ID, employer: { kind: 'UNIDENTIFIED_ORGANISATION' }, startsOn: '2021-03-01', endsOn: '2021-03-09', evidenceRef: 'doc:1' },
    });
    expect(JSON.stringify(event)).not.toContain('张三');
  });

  it('R-GATE-3 keeps a v1 enterprise employer and a v1 record without employer as they were', () => {
    const enterprise = { kind: 'ENTERPRISE', enterpriseId: ENTERPRISE_ID };
    expect(catalogue.deserialise(v1({ employer: enterprise })).data).toEqual({ employmentId: EMPLOYMENT_ID, labourerId: LABOURER_ID, employer: enterprise, startsOn: '2021-03-01', evidenceRef: 'doc:1' });
    expect(catalogue.deserialise(v1({})).data).not.toHaveProperty('employer');
  });

  it('writes version 2 only, and round-trips an organisation by its credit code', () => {
    const event = { type: 'EmploymentRecorded', data: { employmentId: EMPLOYMENT_ID, labourerId: LABOURER_ID, employer: { kind: 'ORGANISATION', creditCode: '92140502MA0K12345D' }, startsOn: '2021-03-01', evidenceRef: 'doc:1' } };
    const stored = catalogue.serialise(event);
    expect(stored.schemaVersion).toBe(2);
    expect(catalogue.deserialise(JSON.parse(JSON.stringify(stored)))).toEqual(event);
    expect(() => catalogue.serialise({ ...event, data: { ...event.data, employer: { kind: 'ORGANISATION', name: '张三便利店' } } })).toThrow();
  });
});
