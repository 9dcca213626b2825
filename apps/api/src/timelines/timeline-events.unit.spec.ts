import { randomUUID } from 'node:crypto';
import { createEventCatalogue, toCertificateStreamId, toEmploymentStreamId } from '@skills/domain';
import { InMemoryEventStore } from '@skills/event-store';
import { timelineOf } from './timeline-events';

const [labourerId, employmentId, certificateId] = [randomUUID(), randomUUID(), randomUUID()];
const employment = toEmploymentStreamId(employmentId);
const certificate = toCertificateStreamId(certificateId);
const numberKey = 'ab'.repeat(32);

describe('a timeline shows each event as the catalogue reads it', () => {
  const system = { store: new InMemoryEventStore(), catalogue: createEventCatalogue() };

  beforeAll(async () => {
    // Written straight to the store at the versions older deployments stored: the api writes v2 only now.
    const append = (streamId: string, type: string, schemaVersion: number, data: Record<string, unknown>) =>
      system.store.append({
        streamId,
        expectedVersion: 'any',
        events: [{ eventId: randomUUID(), type, schemaVersion, data, metadata: { actor: 'clerk-1', correlationId: randomUUID(), causationId: null, occurredAt: '2021-03-02T02:00:00.000Z' } }],
      });
    await append(employment, 'EmploymentRecorded', 1, { employmentId, labourerId, employer: { kind: 'ORGANISATION', name: '张三五金店' }, startsOn: '2021-04-01', evidenceRef: 'doc:contract-1' });
    await append(certificate, 'CertificateRecorded', 1, { certificateId, labourerId, numberKey, type: 'SKILL_LEVEL', level: 'JUNIOR', occupation: '电工', issuer: '某评价机构', issuedOn: '2021-05-01' });
  });

  it('R-MON-1 shows a v1 EmploymentRecorded upcast: the employer\'s free-text name is gone, as in every read model', async () => {
    const [recorded] = await timelineOf(system, [employment]);
    expect(recorded).toMatchObject({ type: 'EmploymentRecorded', schemaVersion: 2, storedSchemaVersion: 1, actor: 'clerk-1' });
    expect(recorded!.data).toEqual({ employmentId, labourerId, employer: { kind: 'UNIDENTIFIED_ORGANISATION' }, startsOn: '2021-04-01', evidenceRef: 'doc:contract-1' });
    expect(JSON.stringify(recorded)).not.toContain('张三');
  });

  it('R-MON-1 keeps withholding a certificate-number key from the data read through the catalogue, in global order', async () => {
    const events = await timelineOf(system, [certificate, employment, certificate]);
    expect(events.map((e) => [e.type, e.storedSchemaVersion, e.schemaVersion])).toEqual([
      ['EmploymentRecorded', 1, 2],
      ['CertificateRecorded', 1, 1],
    ]);
    expect(events[1]!.data).toEqual({ certificateId, labourerId, type: 'SKILL_LEVEL', level: 'JUNIOR', occupation: '电工', issuer: '某评价机构', issuedOn: '2021-05-01' });
    expect(JSON.stringify(events)).not.toContain(numberKey);
  });
});
