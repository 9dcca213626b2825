import { z } from 'zod';
import { calendarDateSchema } from '@skills/domain';
import { fenSchema as fen } from './money';

/**
 * One published version of a policy (data, not code): the bureau publishes a new version with new dates instead
 * of a deploy. Every amount is integer fen; every rate threshold an integer percent, compared by
 * cross-multiplication (`numerator * 100 >= threshold * base`). Objects are strict so a misspelt key fails.
 */
const count = z.number().int().min(0);
const percent = z.number().int().min(0).max(100);
const atLeastOne = z.number().int().min(1);

export const CERTIFICATE_LEVEL = z.enum(['JUNIOR', 'INTERMEDIATE', 'SENIOR', 'TECHNICIAN', 'SENIOR_TECHNICIAN']);
export type CertificateLevel = z.infer<typeof CERTIFICATE_LEVEL>;

const registration = z
  .strictObject({ fundingPerLabourerFen: fen, minAge: count, maxAge: count }) // R-REG-1, R-REG-3
  .refine((r) => r.minAge <= r.maxAge, { message: 'minAge must not exceed maxAge', path: ['maxAge'] });

const certification = z.strictObject({
  specialAbilityFen: fen, // R-CERT-2
  /** R-CERT-2: a level missing here has no amount in the notice: its line is "no rule" and goes to a reviewer. */
  qualificationOrSkillLevelFen: z.partialRecord(CERTIFICATE_LEVEL, fen),
  specialOperationOrEquipmentFirstIssueFen: fen,
});

const employeeUpgrade = z.strictObject({ minInsuranceMonths: count, amountByLevelFen: z.record(CERTIFICATE_LEVEL, fen) }); // R-CERT-3

const range = <T extends z.ZodObject>(schema: T, min: keyof z.infer<T>, max: keyof z.infer<T>) =>
  schema.refine((v) => (v[min] as number) <= (v[max] as number), { message: `${String(min)} must not exceed ${String(max)}`, path: [max as string] });

const freeTraining = z.strictObject({
  maxPerCalendarYear: atLeastOne, // R-FREE-2
  sameOccupationLevelWindowMonths: atLeastOne, // R-FREE-2
  general: z.strictObject({ perDayFen: fen, capFen: fen }), // R-FREE-3
  employmentOriented: z.strictObject({ capFen: fen, livingAllowancePerDayFen: fen }), // R-FREE-4, R-FREE-5
  labourPreparation: z.strictObject({ twelveMonthsFen: fen, sixMonthsFen: fen, livingAllowancePerMonthFen: fen }), // R-FREE-6
  entrepreneurship: z.strictObject({
    perDayFen: fen, // R-FREE-7
    capFen: fen,
    /** Programmes whose earlier, higher standard stays (本方案下发前已出台高于此标准的,仍按原标准执行). */
    grandfathered: z.array(z.strictObject({ programmeId: z.string().min(1), perDayFen: fen, capFen: fen })),
  }),
  inSchool: z.strictObject({ awarenessFen: fen, startBusinessFen: fen }), // R-FREE-8
});

const enterprise = z.strictObject({
  employeeTraining: z.strictObject({ perEmployeeFen: fen, minDays: atLeastOne }), // R-ENT-1
  apprenticeship: range(z.strictObject({ minPerYearFen: fen, maxPerYearFen: fen }), 'minPerYearFen', 'maxPerYearFen'), // R-ENT-2
  workForTraining: z.strictObject({ perMonthFen: fen, maxMonths: atLeastOne }), // R-ENT-3
  trainingCentre: range(
    z.strictObject({
      minHeadcount: atLeastOne, // R-ENT-4
      baseMinCapacity: atLeastOne,
      baseMaxCapacity: atLeastOne,
      baseAwardFen: fen,
      stepCapacity: atLeastOne,
      stepAwardFen: fen,
      capFen: fen,
    }),
    'baseMinCapacity',
    'baseMaxCapacity',
  ),
});

const brand = z.strictObject({ perTrainedFen: fen, perPlacedFen: fen, capFen: fen });
const awards = z.strictObject({
  studioFen: z.strictObject({ CITY: fen, PROVINCIAL: fen, NATIONAL: fen }), // R-AWARD-1
  labourBrand: z.strictObject({ PROVINCIAL: brand, CITY: brand }), // R-AWARD-2
});

const gates = z.strictObject({
  passRatePercent: percent, // R-GATE-1
  certificationRatePercent: percent, // R-GATE-2
  employmentRatePercent: z.strictObject({ GENERAL: percent, EMPLOYMENT_ORIENTED: percent }), // R-GATE-3
  /** Withdrawals before this share of planned days leave the base; later ones stay in it as failures. */
  baseCutoffPercentOfPlannedDays: percent,
  certificationWindowDays: count, // R-GATE-2
  employmentWindowDays: count, // R-GATE-3
});

export const policyDocumentSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/, 'an upper-case policy id such as JCCQ-2020-12'),
    version: atLeastOne,
    title: z.string().trim().min(1),
    source: z.string().trim().min(1),
    effectiveFrom: calendarDateSchema,
    effectiveTo: calendarDateSchema.nullable(),
    parameters: z.strictObject({ registration, certification, employeeUpgrade, freeTraining, enterprise, awards, gates }),
  })
  .refine((d) => d.effectiveTo === null || d.effectiveFrom <= d.effectiveTo, { message: 'effectiveTo must not be before effectiveFrom', path: ['effectiveTo'] });

export type PolicyDocument = z.infer<typeof policyDocumentSchema>;
export type PolicyParameters = PolicyDocument['parameters'];
