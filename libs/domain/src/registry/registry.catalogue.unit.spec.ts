import { createEventCatalogue } from '../catalogue';
import { InvalidEventPayloadError } from '../shared/event-catalogue';
import { storedTypeName } from '../shared/event-definition';
import { LabourerRegistered } from './labourer.events';
import { registryEvents } from './registry.catalogue';
import { registered } from './testing/registry-fixtures';

describe('registry events in the catalogue', () => {
  const catalogue = createEventCatalogue();

  it('knows every registry event, each stored as version 1', () => {
    expect(registryEvents.map(storedTypeName)).toEqual([
      'LabourerRegistered.v1',
      'LabourerGroupsChanged.v1',
      'LabourerErased.v1',
      'LabourerIdentityClaimed.v1',
      'LabourerBankAccountRecorded.v1',
      'ProviderRegistered.v1',
      'ProviderQualificationRenewed.v1',
      'EnterpriseRegistered.v1',
      'EnterpriseProfileChanged.v1',
      'EvaluationBodyRegistered.v1',
      'SubdistrictRegistered.v1',
    ]);
    for (const definition of registryEvents) expect(catalogue.knows(definition.type)).toBe(true);
  });

  it('round-trips LabourerRegistered through storage unchanged', () => {
    const event = registered();
    const stored = catalogue.serialise(event);
    expect(stored).toMatchObject({ type: 'LabourerRegistered', schemaVersion: 1 });
    expect(catalogue.deserialise(JSON.parse(JSON.stringify(stored)))).toEqual(event);
  });

  it('reads insuranceMonths as 0 when a stored LabourerRegistered lacks it', () => {
    const { insuranceMonths: _omitted, ...data } = registered().data;
    const read = catalogue.deserialise({ type: 'LabourerRegistered', schemaVersion: 1, data });
    expect((read.data as { insuranceMonths: number }).insuranceMonths).toBe(0);
  });

  it('refuses to store an ID number, a name or a birth date in LabourerRegistered', () => {
    for (const extra of [{ idNumber: '11010519491231002X' }, { name: '张三' }, { birthDate: '1949-12-31' }]) {
      const event = { type: 'LabourerRegistered', data: { ...registered().data, ...extra } };
      expect(() => catalogue.serialise(event)).toThrow(InvalidEventPayloadError);
    }
  });

  it('refuses a fingerprint that is not a 64-character hex HMAC, and a repeated key group', () => {
    expect(LabourerRegistered.schema.safeParse({ ...registered().data, fingerprint: '11010519491231002X' }).success).toBe(false);
    expect(LabourerRegistered.schema.safeParse({ ...registered().data, keyGroups: ['VETERAN', 'VETERAN'] }).success).toBe(false);
  });

  it('refuses a provider qualification that expires before it starts', () => {
    const data = {
      providerId: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e',
      name: 'x',
      kind: 'VOCATIONAL_COLLEGE',
      subdistrictId: '21e47a1a-3082-463a-89dd-807d9a7362f0',
      qualification: { number: 'Q1', validFrom: '2021-01-01', expiresOn: '2020-12-31' },
    };
    expect(() => catalogue.serialise({ type: 'ProviderRegistered', data })).toThrow(InvalidEventPayloadError);
    expect(() => catalogue.serialise({ type: 'ProviderRegistered', data: { ...data, qualification: { ...data.qualification, expiresOn: '2021-01-01' } } })).not.toThrow();
  });
});
