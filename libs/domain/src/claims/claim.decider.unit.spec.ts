import { EventCatalogue, InvalidEventPayloadError } from '../shared/event-catalogue';
import { given } from '../shared/testing/given-when-then';
import { claimDecider } from './claim.decider';
import type { ClaimSubmitted } from './claim.events';
import { claimEvents } from './claims.catalogue';
import { amountLine, gate, pendingLine, refusedLine, submitClaim, TRAINEES } from './testing/claim-fixtures';

describe('claim decider (R-CLAIM-1)', () => {
  it('R-CLAIM-1 records the computed lines, their total in fen and the Shanghai date of submission', () => {
    const command = submitClaim();
    const [event] = given(claimDecider).when(command).then([
      {
        type: 'ClaimSubmitted',
        data: {
          claimId: command.claimId,
          scheme: 'R-FREE-3',
          subject: command.subject,
          period: command.period,
          submittedBy: command.submittedBy,
          submittedOn: '2021-05-10',
          status: 'READY_FOR_REVIEW',
          tier: null,
          gates: [...command.gates],
          lines: [...command.lines],
          totalFen: 190_000,
        },
      },
    ]);
    expect(new EventCatalogue().register(...claimEvents).serialise(event!).type).toBe('ClaimSubmitted');
  });

  it('R-GATE-4 a claim with a failed gate is recorded BLOCKED with the gate figures', () => {
    const gates = [gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', 'FAILED'), gate('EMPLOYMENT', 'HOLDING', 30)];
    const [event] = claimDecider.decide(submitClaim({ gates }), claimDecider.initialState()) as ClaimSubmitted[];
    expect(event!.data.status).toBe('BLOCKED');
    expect(event!.data.gates.find((g) => g.gate === 'CERTIFICATION')).toMatchObject({ status: 'FAILED', rate: { numerator: 0, denominator: 3 } });
  });

  it('R-CLAIM-1 refuses a claim whose every line is refused: it would pay nothing', () => {
    const error = given(claimDecider).when(submitClaim({ lines: [refusedLine(2)] })).thenThrows('CLAIM.NOTHING_TO_CLAIM');
    expect(error.details).toEqual({ ruleId: 'R-CLAIM-1', refused: [{ labourerId: TRAINEES[2], code: 'NO_ATTENDED_DAYS' }] });
  });

  it('R-CLAIM-1 a claim is submitted once on its stream', () => {
    const [submitted] = claimDecider.decide(submitClaim(), claimDecider.initialState());
    given(claimDecider, [submitted!]).when(submitClaim()).thenThrows('CLAIM.ALREADY_SUBMITTED');
  });

  it('R-CLAIM-2 refuses one claim paying the same person twice', () => {
    const twice = { ...amountLine(1, 50_000), paymentKey: (amountLine(0, 1) as { paymentKey: string }).paymentKey };
    given(claimDecider).when(submitClaim({ lines: [amountLine(0, 100_000), twice] })).thenThrows('CLAIM.DUPLICATE_LINE');
  });

  it('R-CLAIM-1 refuses a line for days outside the claim\'s period', () => {
    const late = { ...amountLine(0, 100_000), period: { from: '2021-03-01', to: '2021-03-21' } };
    given(claimDecider).when(submitClaim({ lines: [late] })).thenThrows('CLAIM.LINE_OUTSIDE_PERIOD');
  });

  it('R-FREE-4 lines at the full tier on a claim whose 80% gate failed are a wiring mistake: nothing is recorded', () => {
    const fellBack = [gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', 'HOLDING'), gate('EMPLOYMENT', 'FAILED', 80), gate('EMPLOYMENT_FALLBACK', 'HOLDING', 30)];
    expect(() => claimDecider.decide(submitClaim({ scheme: 'R-FREE-4', gates: fellBack, lines: [amountLine(0, 350_000, 'R-FREE-4')] }), claimDecider.initialState())).toThrow('tier GENERAL_FALLBACK');
    const [event] = claimDecider.decide(submitClaim({ scheme: 'R-FREE-4', gates: fellBack, lines: [amountLine(0, 100_000, 'R-FREE-3')] }), claimDecider.initialState());
    expect(event!.data).toMatchObject({ tier: 'GENERAL_FALLBACK', status: 'READY_FOR_REVIEW', totalFen: 100_000 });
  });

  it('R-FREE-4 while the 80% gate is open every line is PENDING and the claim waits with nothing in its total', () => {
    const open = [gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', 'HOLDING'), gate('EMPLOYMENT', 'OPEN', 80), gate('EMPLOYMENT_FALLBACK', 'OPEN', 30)];
    const [event] = claimDecider.decide(submitClaim({ scheme: 'R-FREE-4', gates: open, lines: [pendingLine(0), pendingLine(1)] }), claimDecider.initialState());
    expect(event!.data).toMatchObject({ tier: 'UNDECIDED', status: 'WAITING_ON_OUTCOMES', totalFen: 0 });
    expect(() => claimDecider.decide(submitClaim({ scheme: 'R-FREE-4', gates: open, lines: [amountLine(0, 350_000, 'R-FREE-4')] }), claimDecider.initialState())).toThrow('tier UNDECIDED');
  });

  it('R-CLAIM-1 the stored event refuses a name, an ID number or a fractional amount in a line', () => {
    const catalogue = new EventCatalogue().register(...claimEvents);
    const [event] = claimDecider.decide(submitClaim(), claimDecider.initialState());
    const withLine = (line: unknown) => ({ type: 'ClaimSubmitted', data: { ...event!.data, lines: [line] } });
    expect(() => catalogue.serialise(withLine({ ...amountLine(0, 100_000), name: '张三' }))).toThrow(InvalidEventPayloadError);
    expect(() => catalogue.serialise(withLine({ ...amountLine(0, 100_000), idNumber: '11010519491231002X' }))).toThrow(InvalidEventPayloadError);
    expect(() => catalogue.serialise(withLine({ ...amountLine(0, 100_000), amountFen: 100.5 }))).toThrow(InvalidEventPayloadError);
    expect(catalogue.deserialise(JSON.parse(JSON.stringify(catalogue.serialise(event!))))).toEqual(event);
  });
});
