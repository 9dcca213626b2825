/** The schemes a claim can be for (R-CLAIM-1; the api's CLAIM_SCHEME), in the order the filters list them. */
export const SCHEMES = ['R-FREE-3', 'R-FREE-4', 'R-FREE-5', 'R-FREE-6', 'R-FREE-7', 'R-FREE-8', 'R-ENT-1', 'R-ENT-2', 'R-ENT-3', 'R-ENT-4', 'R-CERT-2', 'R-CERT-3', 'R-AWARD-1', 'R-AWARD-2'] as const;
