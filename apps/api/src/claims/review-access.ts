import { APPROVER_ROLE, CHECKER_ROLE, REVIEW_ADMIN_ROLE } from '@skills/domain';
import type { Role } from '@skills/platform';
import { BUREAU_ROLES } from '../training/cohort-access';

/** Who works the queue: the two levels of R-CLAIM-3 (the domain names them as libs/platform's roles). */
export const QUEUE_WORKERS: Role[] = [CHECKER_ROLE, APPROVER_ROLE] as Role[];
/** The workers, and an administrator who reassigns and releases. */
export const QUEUE_MANAGERS: Role[] = [...QUEUE_WORKERS, REVIEW_ADMIN_ROLE as Role];
/** Who reads the queue: the bureau, and a subdistrict officer for its unit. */
export const QUEUE_READERS: Role[] = [...BUREAU_ROLES, 'SUBDISTRICT_OFFICER'];
