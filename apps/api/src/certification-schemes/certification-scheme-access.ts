import type { Organiser } from '@skills/domain';
import type { Principal, Role } from '@skills/platform';
import { submitterOf } from '../claims/claim-access';

/** R-CERT-2: an enterprise or an institution (a provider) records the free evaluations it organised, and claims for them. */
export const ORGANISERS: Role[] = ['ENTERPRISE', 'PROVIDER'];
/** R-CERT-3: an employer records its employees' upgrade training, and claims on their behalf. */
export const UPGRADE_EMPLOYERS: Role[] = ['ENTERPRISE'];

/** The organisation the account acts for, from its scope, never from the request: it is the one paid. */
export const organiserOf = (principal: Principal): Organiser => submitterOf(principal).organisation;
