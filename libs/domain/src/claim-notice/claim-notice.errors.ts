import { DomainError } from '../shared/domain-error';

/**
 * Errors of the public notice (R-CLAIM-3, 公示). None echoes an objection's statement: it is free text that may name a
 * person, and errors reach responses and logs.
 */
const RULE = { ruleId: 'R-CLAIM-3' } as const;

export const notOnNoticeBoard = (claimId: string) =>
  new DomainError('NOTICE.NOT_FOUND', 'no claim with this id is on the notice board: only an approved claim is published there, during its notice period', 'not_found', { ...RULE, claimId });

export const periodEnded = (claimId: string, endsOn: string) =>
  new DomainError(
    'NOTICE.PERIOD_ENDED',
    `the notice period of this claim ended on ${endsOn}: objections could be lodged until that day (Shanghai time), not after. A concern about a paid claim goes to the bureau directly`,
    'rule',
    { ...RULE, claimId, noticeEndsOn: endsOn },
  );

export const sentBackAlready = (claimId: string) =>
  new DomainError(
    'NOTICE.ALREADY_SENT_BACK',
    'an earlier objection has sent this claim back to review, so it is no longer on notice: if it is approved again it is published again, with a new notice period, and you can object then',
    'conflict',
    { ...RULE, claimId },
  );

export const notYetOpen = (claimId: string, startsOn: string) =>
  new DomainError('NOTICE.NOT_YET_OPEN', `the notice period of this claim starts on ${startsOn}: lodge the objection from that day`, 'rule', { ...RULE, claimId, noticeStartsOn: startsOn });

export const statementTooShort = (minimum: number) =>
  new DomainError('NOTICE.STATEMENT_REQUIRED', `an objection needs a statement of at least ${minimum} characters saying what is wrong`, 'validation', RULE, [
    { field: 'statement', message: `write at least ${minimum} characters: what on the notice is wrong and how you know` },
  ]);

export const statementTooLong = (maximum: number) =>
  new DomainError('NOTICE.STATEMENT_TOO_LONG', `an objection's statement is at most ${maximum} characters`, 'validation', RULE, [
    { field: 'statement', message: `shorten it to ${maximum} characters` },
  ]);

export const lineNotOnClaim = (lineId: string) =>
  new DomainError('NOTICE.LINE_NOT_ON_CLAIM', 'the claim on notice has no line with this id: use a lineId from GET /api/notices', 'validation', { ...RULE, lineId }, [
    { field: 'lineIds', message: 'use the lineId of lines listed on the notice, or leave lineIds out' },
  ]);

/** The id (from the Idempotency-Key) names an objection already lodged with other content. */
export const objectionIdTaken = (objectionId: string) =>
  new DomainError('IDEMPOTENCY.KEY_REUSED', 'This Idempotency-Key was already used for a different objection: send a new key for a new objection', 'rule', { objectionId });
