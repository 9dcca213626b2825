import { z } from 'zod';
import { CATEGORY, FLAG, GROUP_CHANGE_REASON, KEY_GROUP, validateResidentId } from '@skills/domain';

/**
 * What a clerk fills in for one card (R-REG-1, R-REG-2, R-REG-4, R-REG-5). The ID number and name go to the
 * personal-data vault only; everything else becomes the LabourerRegistered event.
 */
export const LabourerForm = z.strictObject({
  // Checked here too, so that a bad ID number is reported together with every other bad field.
  idNumber: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .superRefine((value, ctx) => {
      const check = validateResidentId(value);
      if (!check.ok) for (const issue of check.issues) ctx.addIssue({ code: 'custom', message: issue.message });
    }),
  name: z.string().trim().min(1).max(60),
  category: CATEGORY,
  keyGroups: z.array(KEY_GROUP).default([]),
  flags: z.array(FLAG).default([]),
  insuranceMonths: z.number().int().min(0).max(600).default(0),
  subdistrictId: z.uuid(),
  /** Defaults to today (Asia/Shanghai). */
  registeredOn: z.iso.date().optional(),
});
export type LabourerForm = z.infer<typeof LabourerForm>;

export const ChangeGroupsForm = z.strictObject({
  keyGroups: z.array(KEY_GROUP),
  flags: z.array(FLAG),
  insuranceMonths: z.number().int().min(0).max(600),
  reason: GROUP_CHANGE_REASON,
});
