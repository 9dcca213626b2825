/** The public notice page and its objections. */
export const zhNotices = {
  'notices.title': '公示',
  'notices.help': '公示期内，任何有账户的人都可以提出异议；异议会使申请退回审核。姓名已脱敏，不显示身份证号。',
  'notices.period': '公示期',
  'notices.payees': '拟补贴名单',
  'notices.objection': '异议内容',
  'notices.object': '提出异议',
  'notices.objected': '异议已提交，申请已退回审核。',
  'notices.daysLeft': '还剩 {n} 天',
  'notices.payee': '收款方',
  'notices.empty': '目前没有公示中的申请。',

  'objection.NOT_ELIGIBLE': '不符合条件',
  'objection.TRAINING_NOT_HELD': '培训未如实开展',
  'objection.AMOUNT_WRONG': '金额有误',
  'objection.PAID_ELSEWHERE': '已在别处领取',
  'objection.IDENTITY_MISUSED': '冒用身份',
  'objection.OTHER': '其他',
} as const;
