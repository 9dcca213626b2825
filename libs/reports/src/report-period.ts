import { DomainError, isCalendarDate } from '@skills/domain';
import type { ReportPeriod } from './evaluation-report';

const HALF = /^(H[12])-(\d{4})$/;
const RANGE = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;
const ACCEPTED = 'H1-2021 (上半年, 01-01 to 06-30), H2-2021 (下半年, 07-01 to 12-31), or a range of days such as 2020-08-01..2021-12-31';

/**
 * R-EVAL-1: the period a report is asked for: the half-year of the 中期/期末 evaluations, or any range of days, both
 * ends included. Anything else is refused naming the field and the forms it takes.
 */
export function parseReportPeriod(spec: string): ReportPeriod {
  const text = spec.trim();
  const half = HALF.exec(text.toUpperCase());
  if (half) {
    const [, kind, year] = half as unknown as [string, 'H1' | 'H2', string];
    if (Number(year) < 2000 || Number(year) > 2099) throw badPeriod(`the year ${year} is out of range (2000 to 2099)`);
    return kind === 'H1' ? { kind, from: `${year}-01-01`, to: `${year}-06-30`, label: `${year} 上半年` } : { kind, from: `${year}-07-01`, to: `${year}-12-31`, label: `${year} 下半年` };
  }
  const range = RANGE.exec(text);
  if (range) {
    const [, from, to] = range as unknown as [string, string, string];
    if (!isCalendarDate(from) || !isCalendarDate(to)) throw badPeriod(`${!isCalendarDate(from) ? from : to} is not a calendar date`);
    if (from > to) throw badPeriod(`the range ends (${to}) before it begins (${from})`);
    return { kind: 'RANGE', from, to, label: `${from} 至 ${to}` };
  }
  throw badPeriod('not a period this report knows');
}

function badPeriod(why: string): DomainError {
  const message = `period: ${why}; write ${ACCEPTED}`;
  return new DomainError('EVALUATION.INVALID_PERIOD', message, 'validation', {}, [{ field: 'period', message }]);
}
