import { streamKindOf, traceForReader, SOURCES_SHOWN } from './trace-for-reader';

const LABOURER = '3f2a9c1e-8b7d-4e6f-a5c4-1b2c3d4e5f60';
const COHORT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

describe('a trace as its reader may see it (R-MON-1, personal data)', () => {
  it('R-MON-1 a stream id becomes its kind: the per-person part never passes', () => {
    expect(streamKindOf(`labourer-${LABOURER}`)).toBe('labourer');
    expect(streamKindOf(`attendance-${COHORT}-${LABOURER}`)).toBe('attendance');
    expect(streamKindOf(`assessment-${COHORT}-${LABOURER}`)).toBe('assessment');
    expect(streamKindOf(`free-training-ledger-${LABOURER}`)).toBe('free-training-ledger');
    expect(streamKindOf(`certificate-${LABOURER.toUpperCase()}`)).toBe('certificate');
    expect(streamKindOf(`labourer-identity-${'ab12'.repeat(16)}`)).toBe('labourer-identity');
    expect(streamKindOf('policy-catalogue')).toBe('policy-catalogue');
    // Another shape keeps its leading words only.
    expect(streamKindOf('payout-K-1234')).toBe('payout');
    expect(streamKindOf('12345')).toBe('stream');
  });

  const refs = [
    { streamId: `attendance-${COHORT}-${LABOURER}`, types: ['AttendanceRecorded'] },
    { streamId: `labourer-${LABOURER}`, types: ['LabourerRegistered'] },
    { streamId: `labourer-${COHORT}` },
  ];
  const trace = {
    events: [{ position: '12', eventId: COHORT, streamId: `labourer-${LABOURER}`, type: 'LabourerRegistered', occurredAt: '2021-01-10T04:00:00.000Z', recordedOn: '2021-01-10' }],
    streams: 3,
    total: 7,
    nextAfterPosition: '12',
  };

  it('R-MON-1 a subdistrict officer gets the event ids, types, positions and days, each stream by its kind, sources as counts by kind: no stream id anywhere', () => {
    const shown = traceForReader(refs, trace, false);
    expect(shown).toEqual({
      streams: 3,
      sourceKinds: [
        { kind: 'attendance', streams: 1 },
        { kind: 'labourer', streams: 2 },
      ],
      total: 7,
      nextAfterPosition: '12',
      events: [{ position: '12', eventId: COHORT, streamKind: 'labourer', type: 'LabourerRegistered', occurredAt: '2021-01-10T04:00:00.000Z', recordedOn: '2021-01-10' }],
    });
    expect(JSON.stringify(shown)).not.toContain(LABOURER);
  });

  it('R-MON-1 the bureau keeps stream ids; the sources are listed up to SOURCES_SHOWN, counted in full', () => {
    expect(traceForReader(refs, trace, true)).toMatchObject({ sources: refs, sourcesShown: 3, streams: 3, events: trace.events });
    const many = Array.from({ length: SOURCES_SHOWN + 5 }, (_, i) => ({ streamId: `certificate-${COHORT.slice(0, -3)}${String(i).padStart(3, '0')}` }));
    const shown = traceForReader(many, { ...trace, streams: many.length }, true);
    expect('sources' in shown && shown.sources).toHaveLength(100);
    expect(shown).toMatchObject({ sourcesShown: 100, streams: 105, sourceKinds: [{ kind: 'certificate', streams: 105 }] });
  });
});
