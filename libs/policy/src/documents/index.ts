import type { PolicyDocument } from '../policy-document.schema';
import { JCCQ_2020_12 } from './jccq-2020-12';

export { JCCQ_2020_12 };

/** Every published policy version shipped with the code; an administrator may publish more as data. */
export const POLICY_DOCUMENTS: readonly PolicyDocument[] = [JCCQ_2020_12];
