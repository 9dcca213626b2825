import { shanghaiDateOf } from '../shared/calendar-date';
import * as errors from './claim-notice.errors';
import { withinNoticePeriod, type ClaimNotice, type NoticePeriod } from './notice-period';

/**
 * R-CLAIM-3 "anyone with an account can lodge an objection during the period": a statement long enough to say what is
 * wrong (10 characters is a short sentence in Chinese) and short enough for a form; evidence goes to the claim's file.
 */
export const STATEMENT_MIN_CHARACTERS = 10;
export const STATEMENT_MAX_CHARACTERS = 2000;

/** The statement's length in characters (code points: one Chinese character counts one), once it is within bounds. */
export function assertStatement(text: string): number {
  const length = [...(typeof text === 'string' ? text.trim() : '')].length;
  if (length < STATEMENT_MIN_CHARACTERS) throw errors.statementTooShort(STATEMENT_MIN_CHARACTERS);
  if (length > STATEMENT_MAX_CHARACTERS) throw errors.statementTooLong(STATEMENT_MAX_CHARACTERS);
  return length;
}

/**
 * R-CLAIM-3: the notice period an objection lodged at `now` (Shanghai day) is against, or the reason it is refused:
 * never published (404), sent back already (409), over (422, naming the last day), or not begun.
 */
export function openPeriodFor(claimId: string, notice: ClaimNotice, now: string): NoticePeriod {
  switch (notice.status) {
    case 'NONE':
      throw errors.notOnNoticeBoard(claimId);
    case 'SENT_BACK':
      throw errors.sentBackAlready(claimId);
    case 'RELEASED':
      if (!notice.period) throw errors.notOnNoticeBoard(claimId);
      throw errors.periodEnded(claimId, notice.period.endsOn);
    case 'ON_NOTICE': {
      const today = shanghaiDateOf(now);
      if (withinNoticePeriod(notice.period, today)) return notice.period;
      if (today < notice.period.startsOn) throw errors.notYetOpen(claimId, notice.period.startsOn);
      throw errors.periodEnded(claimId, notice.period.endsOn);
    }
  }
}
