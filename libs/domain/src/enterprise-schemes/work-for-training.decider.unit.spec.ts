import { given } from '../shared/testing/given-when-then';
import type { RecordWorkForTrainingMonth, RecordWorkForTrainingPlacement } from './work-for-training.commands';
import { workForTrainingDecider } from './work-for-training.decider';
import type { WorkForTrainingEvent } from './work-for-training.events';

const LABOURER = '0b7c6f0e-1111-4a2b-8c3d-000000000001';
const ENTERPRISE = '0b7c6f0e-2222-4a2b-8c3d-000000000001';
const OTHER_ENTERPRISE = '0b7c6f0e-2222-4a2b-8c3d-000000000002';
const PLACEMENT = '0b7c6f0e-3333-4a2b-8c3d-000000000001';
const OTHER_PLACEMENT = '0b7c6f0e-3333-4a2b-8c3d-000000000002';
// 2021-08-10 noon in Shanghai: July 2021 is over, August is not.
const context = { actor: 'employer-clerk', now: '2021-08-10T04:00:00.000Z' };

const place = (overrides: Partial<RecordWorkForTrainingPlacement> = {}): RecordWorkForTrainingPlacement => ({
  type: 'RecordWorkForTrainingPlacement',
  placementId: PLACEMENT,
  labourerId: LABOURER,
  enterpriseId: ENTERPRISE,
  insuredEnterprise: true,
  startMonth: '2021-01',
  context,
  ...overrides,
});
const month = (value: string, overrides: Partial<RecordWorkForTrainingMonth> = {}): RecordWorkForTrainingMonth => ({
  type: 'RecordWorkForTrainingMonth',
  placementId: PLACEMENT,
  enterpriseId: ENTERPRISE,
  month: value,
  maxMonths: 6,
  context,
  ...overrides,
});
const placed = (overrides: Partial<WorkForTrainingEvent['data']> = {}): WorkForTrainingEvent => ({
  type: 'WorkForTrainingPlacementRecorded',
  data: { placementId: PLACEMENT, labourerId: LABOURER, enterpriseId: ENTERPRISE, insuredEnterprise: true, startMonth: '2021-01', ...overrides } as never,
});
const worked = (value: string, placementId = PLACEMENT): WorkForTrainingEvent => ({ type: 'WorkForTrainingMonthRecorded', data: { placementId, labourerId: LABOURER, month: value } });

describe('R-ENT-3 work-for-training placements', () => {
  it('R-ENT-3 records a placement with the insured status the handler read from the registry', () => {
    given(workForTrainingDecider).when(place({ labourerId: LABOURER.toUpperCase() })).then([placed()]);
  });

  it('R-ENT-3 the same placement again is a retry; other facts under the same id are a conflict', () => {
    given(workForTrainingDecider, [placed()]).when(place()).thenNothingHappens();
    given(workForTrainingDecider, [placed()]).when(place({ startMonth: '2021-02' })).thenThrows('WORK_FOR_TRAINING.PLACEMENT_ID_TAKEN');
  });

  it('R-ENT-3 refuses a start month that has not begun, and a month not written YYYY-MM', () => {
    given(workForTrainingDecider).when(place({ startMonth: '2021-09' })).thenThrows('WORK_FOR_TRAINING.MONTH_IN_FUTURE');
    expect(given(workForTrainingDecider).when(place({ startMonth: '2021-13' })).thenThrows('WORK_FOR_TRAINING.INVALID_MONTH').issues[0]!.field).toBe('startMonth');
  });
});

describe('R-ENT-3 months of work-for-training', () => {
  it('R-ENT-3 records a month worked once it is over, and the same month again is a retry', () => {
    given(workForTrainingDecider, [placed()]).when(month('2021-07')).then([worked('2021-07')]);
    given(workForTrainingDecider, [placed(), worked('2021-07')]).when(month('2021-07')).thenNothingHappens();
  });

  it('R-ENT-3 refuses a month not yet over (August on 10 August) and one before the placement started', () => {
    given(workForTrainingDecider, [placed()]).when(month('2021-08')).thenThrows('WORK_FOR_TRAINING.MONTH_NOT_OVER');
    given(workForTrainingDecider, [placed()]).when(month('2020-12')).thenThrows('WORK_FOR_TRAINING.MONTH_BEFORE_START');
  });

  it("R-ENT-3 another employer's placement is not found, so it cannot record months in it", () => {
    given(workForTrainingDecider, [placed()]).when(month('2021-03', { enterpriseId: OTHER_ENTERPRISE })).thenThrows('WORK_FOR_TRAINING.PLACEMENT_NOT_FOUND');
    given(workForTrainingDecider).when(month('2021-03')).thenThrows('WORK_FOR_TRAINING.PLACEMENT_NOT_FOUND');
  });

  it('R-ENT-3 R-CLAIM-2 a month recorded in one placement cannot be recorded again in another employer\'s', () => {
    const history = [placed(), worked('2021-03'), placed({ placementId: OTHER_PLACEMENT, enterpriseId: OTHER_ENTERPRISE, startMonth: '2021-03', insuredEnterprise: false })];
    given(workForTrainingDecider, history).when(month('2021-03', { placementId: OTHER_PLACEMENT, enterpriseId: OTHER_ENTERPRISE })).thenThrows('WORK_FOR_TRAINING.MONTH_ALREADY_RECORDED');
    given(workForTrainingDecider, history).when(month('2021-04', { placementId: OTHER_PLACEMENT, enterpriseId: OTHER_ENTERPRISE })).then([worked('2021-04', OTHER_PLACEMENT)]);
  });

  it('R-ENT-3 a 7th month is refused over every employer: 4 months at one and 2 at another make 6', () => {
    const history = [
      placed(),
      ...['2021-01', '2021-02', '2021-03', '2021-04'].map((m) => worked(m)),
      placed({ placementId: OTHER_PLACEMENT, enterpriseId: OTHER_ENTERPRISE, startMonth: '2021-05' }),
      ...['2021-05', '2021-06'].map((m) => worked(m, OTHER_PLACEMENT)),
    ];
    const error = given(workForTrainingDecider, history).when(month('2021-07', { placementId: OTHER_PLACEMENT, enterpriseId: OTHER_ENTERPRISE })).thenThrows('WORK_FOR_TRAINING.MONTHS_EXHAUSTED');
    expect(error.kind).toBe('rule');
    expect(error.details).toMatchObject({ ruleId: 'R-ENT-3', maxMonths: 6, months: ['2021-01', '2021-02', '2021-03', '2021-04', '2021-05', '2021-06'] });
    // The 6th month is still recorded: the limit is 6, not 5.
    given(workForTrainingDecider, history.slice(0, -1)).when(month('2021-06', { placementId: OTHER_PLACEMENT, enterpriseId: OTHER_ENTERPRISE })).then([worked('2021-06', OTHER_PLACEMENT)]);
  });
});
