import type { Role } from '@skills/platform';
import { BUREAU_ROLES } from '../training/cohort-access';

/** Who reads the targets: the bureau, and a subdistrict officer (its own unit's task is in the table). */
export const TARGET_READERS: readonly Role[] = [...BUREAU_ROLES, 'SUBDISTRICT_OFFICER'];
