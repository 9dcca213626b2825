import { z } from 'zod';
import { EVALUATION_BODY_KIND, PROVIDER_KIND } from '@skills/domain';

const name = z.string().trim().min(1).max(100);
const qualification = z.strictObject({ number: z.string().trim().min(1).max(64), validFrom: z.iso.date(), expiresOn: z.iso.date() });

/** R-ORG-1: a training provider and its qualification (the last day it holds is `expiresOn`). */
export const ProviderForm = z.strictObject({ name, kind: PROVIDER_KIND, subdistrictId: z.uuid(), qualification });
export const RenewQualificationForm = z.strictObject({ qualification });

/** R-ORG-1: an enterprise with its headcount (R-ENT-4 needs 500+) and insured status (R-ENT-3). */
export const EnterpriseForm = z.strictObject({ name, subdistrictId: z.uuid(), headcount: z.number().int().min(0), insured: z.boolean() });
export const EnterpriseChangeForm = EnterpriseForm.extend({ effectiveOn: z.iso.date() });

export const EvaluationBodyForm = z.strictObject({ name, kind: EVALUATION_BODY_KIND, subdistrictId: z.uuid() });

export const OrganisationListQuery = z.strictObject({
  kind: z.enum(['PROVIDER', 'ENTERPRISE', 'EVALUATION_BODY', 'SUBDISTRICT']).optional(),
  subdistrictId: z.uuid().optional(),
});
