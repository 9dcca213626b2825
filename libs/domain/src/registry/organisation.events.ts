import { z } from 'zod';
import { calendarDateSchema } from '../shared/calendar-date';
import { defineEvent, type EventOf } from '../shared/event-definition';

/** R-ORG-1: 职业院校 and 培训机构 may run subsidised training. */
export const PROVIDER_KIND = z.enum(['VOCATIONAL_COLLEGE', 'TRAINING_INSTITUTION']);
export type ProviderKind = z.infer<typeof PROVIDER_KIND>;

/** Who may hold skill evaluations: an enterprise's own body, a social evaluation organisation, a vocational school. */
export const EVALUATION_BODY_KIND = z.enum(['ENTERPRISE', 'SOCIAL_ORGANISATION', 'VOCATIONAL_SCHOOL']);
export type EvaluationBodyKind = z.infer<typeof EVALUATION_BODY_KIND>;

const organisationName = z.string().trim().min(1).max(100);

/** `expiresOn` is the last day on which the qualification holds. */
export const qualificationSchema = z
  .strictObject({ number: z.string().trim().min(1).max(64), validFrom: calendarDateSchema, expiresOn: calendarDateSchema })
  .refine((q) => q.validFrom <= q.expiresOn, { message: 'validFrom must not be after expiresOn', path: ['expiresOn'] });
export type Qualification = z.infer<typeof qualificationSchema>;

export const ProviderRegistered = defineEvent(
  'ProviderRegistered',
  1,
  z.strictObject({ providerId: z.uuid(), name: organisationName, kind: PROVIDER_KIND, subdistrictId: z.uuid(), qualification: qualificationSchema }),
);

export const ProviderQualificationRenewed = defineEvent(
  'ProviderQualificationRenewed',
  1,
  z.strictObject({ providerId: z.uuid(), qualification: qualificationSchema }),
);

const enterpriseProfile = {
  name: organisationName,
  subdistrictId: z.uuid(),
  headcount: z.number().int().min(0),
  /** Pays social insurance: R-ENT-3 pays for some groups only when the employer is insured. */
  insured: z.boolean(),
};

export const EnterpriseRegistered = defineEvent(
  'EnterpriseRegistered',
  1,
  z.strictObject({ enterpriseId: z.uuid(), ...enterpriseProfile }),
);

/** Headcount decides R-ENT-4 (500+), so a change says from which day it holds. */
export const EnterpriseProfileChanged = defineEvent(
  'EnterpriseProfileChanged',
  1,
  z.strictObject({ enterpriseId: z.uuid(), ...enterpriseProfile, effectiveOn: calendarDateSchema }),
);

export const EvaluationBodyRegistered = defineEvent(
  'EvaluationBodyRegistered',
  1,
  z.strictObject({ evaluationBodyId: z.uuid(), name: organisationName, kind: EVALUATION_BODY_KIND, subdistrictId: z.uuid() }),
);

/** R-REG-5: one of the eight units of the task table; `code` is the stable code used by task tables (NANCUN). */
export const SubdistrictRegistered = defineEvent(
  'SubdistrictRegistered',
  1,
  z.strictObject({
    subdistrictId: z.uuid(),
    code: z.string().regex(/^[A-Z][A-Z0-9_]{1,31}$/, 'an upper-case code such as NANCUN'),
    name: organisationName,
    nameEn: organisationName,
  }),
);

export type ProviderRegistered = EventOf<typeof ProviderRegistered>;
export type ProviderQualificationRenewed = EventOf<typeof ProviderQualificationRenewed>;
export type ProviderEvent = ProviderRegistered | ProviderQualificationRenewed;
export type EnterpriseRegistered = EventOf<typeof EnterpriseRegistered>;
export type EnterpriseProfileChanged = EventOf<typeof EnterpriseProfileChanged>;
export type EnterpriseEvent = EnterpriseRegistered | EnterpriseProfileChanged;
export type EvaluationBodyRegistered = EventOf<typeof EvaluationBodyRegistered>;
export type SubdistrictRegistered = EventOf<typeof SubdistrictRegistered>;
