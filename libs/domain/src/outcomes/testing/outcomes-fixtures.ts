import type { CommandContext } from '../../shared/decider';
import type { AttendanceCohortFacts, TraineeEnrolmentFacts } from '../attendance.commands';

/** Test data only. */
export const COHORT_ID = '6b1f0c2a-3d4e-4f50-8a6b-7c8d9e0f1a2b';
export const OTHER_COHORT_ID = '0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d';
export const LABOURER_ID = '3f6c2a0e-8d1b-4c5e-9a7f-1b2c3d4e5f60';
export const OTHER_LABOURER_ID = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
export const CERTIFICATE_ID = 'c0ffee00-1234-4abc-8def-0123456789ab';
export const OTHER_CERTIFICATE_ID = 'c0ffee00-5678-4abc-8def-0123456789ab';
export const EMPLOYMENT_ID = 'e1e2e3e4-f5f6-4a7b-8c9d-0e1f2a3b4c5d';
export const ENTERPRISE_ID = 'd4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f70';
export const NUMBER_KEY = 'b'.repeat(64);

/** 2021-03-15T02:00Z is 10:00 on 2021-03-15 in Shanghai. */
export const CONTEXT: CommandContext = { actor: 'clerk-1', now: '2021-03-15T02:00:00.000Z' };

/** Ten planned training days between 1 and 12 March 2021; started on the 1st, still running. */
export const COHORT = { plannedStart: '2021-03-01', plannedEnd: '2021-03-12', plannedDays: 10, startedOn: '2021-03-01' } satisfies AttendanceCohortFacts & { plannedStart: string; plannedEnd: string };
export const ENROLLED: Extract<TraineeEnrolmentFacts, { status: 'ENROLLED' }> = { status: 'ENROLLED', enrolledOn: '2021-02-25' };
