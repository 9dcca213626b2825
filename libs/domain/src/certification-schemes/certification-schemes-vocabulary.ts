import { z } from 'zod';
import type { CertificateType } from '../outcomes/outcomes-vocabulary';

/**
 * R-CERT-2: the enterprise or institution (a registered provider: a college, a training institution) that organised
 * a free evaluation; it records the evaluation, claims for it and is paid.
 */
export const organiserSchema = z.strictObject({ kind: z.enum(['ENTERPRISE', 'PROVIDER']), id: z.uuid() });
export type Organiser = z.infer<typeof organiserSchema>;

/** R-CERT-2: special operation and special equipment certificates are paid on first issue (初次取证) only. */
export const FIRST_ISSUE_TYPES: ReadonlySet<CertificateType> = new Set(['SPECIAL_OPERATION', 'SPECIAL_EQUIPMENT']);

/** At most this many certificates named in one request (all or nothing): a batch a clerk can check in one answer. */
export const MAX_CERTIFICATES_PER_NAMING = 200;
