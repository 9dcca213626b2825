import type { zhNotices } from '../zh/notices';

/** The public notice page and its objections. */
export const enNotices: Record<keyof typeof zhNotices, string> = {
  'notices.title': 'Public notice',
  'notices.help': 'Anyone with an account may object during the notice period; an objection sends the claim back to review. Names are masked and no ID numbers are shown.',
  'notices.period': 'Notice period',
  'notices.payees': 'Payees',
  'notices.objection': 'Objection',
  'notices.object': 'Lodge objection',
  'notices.objected': 'Objection lodged: the claim went back to review.',
  'notices.daysLeft': '{n} days left',
  'notices.payee': 'Paid to',
  'notices.empty': 'No claim is in public notice now.',

  'objection.NOT_ELIGIBLE': 'Not eligible',
  'objection.TRAINING_NOT_HELD': 'Training not held as recorded',
  'objection.AMOUNT_WRONG': 'Amount wrong',
  'objection.PAID_ELSEWHERE': 'Paid elsewhere',
  'objection.IDENTITY_MISUSED': 'Identity misused',
  'objection.OTHER': 'Other',
};
