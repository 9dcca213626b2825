/**
 * The review workflow's routes (R-CLAIM-3), in one place: the pages call these and nothing else of the review api.
 */
export const reviewApi = {
  queue: (query: string) => `/api/review-queue${query ? `?${query}` : ''}`,
  check: (claimId: string) => `/api/claims/${claimId}/check`,
  approve: (claimId: string) => `/api/claims/${claimId}/approve`,
  return: (claimId: string) => `/api/claims/${claimId}/return`,
  reject: (claimId: string) => `/api/claims/${claimId}/reject`,
  resubmit: (claimId: string) => `/api/claims/${claimId}/resubmit`,
  assign: (claimId: string) => `/api/claims/${claimId}/review/assign`,
  unassign: (claimId: string) => `/api/claims/${claimId}/review/unassign`,
  /** The accounts of a review role, for an administrator to give a claim to (ADMIN only). */
  accounts: (role: 'REVIEWER' | 'APPROVER') => `/api/accounts?role=${role}`,
  bulkAssign: '/api/review-queue/assign',
  bulkUnassign: '/api/review-queue/unassign',
  history: (claimId: string) => `/api/claims/${claimId}/history`,
  comments: (claimId: string) => `/api/claims/${claimId}/comments`,
  evidence: (claimId: string) => `/api/claims/${claimId}/evidence`,
  evidenceFile: (claimId: string, evidenceId: string) => `/api/claims/${claimId}/evidence/${evidenceId}`,
  notices: '/api/notices',
  objections: (claimId: string) => `/api/notices/${claimId}/objections`,
} as const;

export const RETURN_REASONS = ['RECORDS_INCOMPLETE', 'RECORDS_INCORRECT', 'EVIDENCE_MISSING', 'ELIGIBILITY_QUERY', 'OTHER'] as const;
export const REJECTION_REASONS = ['NOT_ELIGIBLE', 'DUPLICATE_CLAIM', 'EVIDENCE_INSUFFICIENT', 'IRREGULARITY', 'OUT_OF_POLICY', 'OTHER'] as const;
export const OBJECTION_REASONS = ['NOT_ELIGIBLE', 'TRAINING_NOT_HELD', 'AMOUNT_WRONG', 'PAID_ELSEWHERE', 'IDENTITY_MISUSED', 'OTHER'] as const;
export const EVIDENCE_KINDS = ['ATTENDANCE_SHEET', 'EMPLOYMENT_CONTRACT', 'CERTIFICATE', 'OTHER'] as const;
