import { noticeDaysLeft, type CalendarDate, type NoticePeriod } from '@skills/domain';
import { maskName, type PersonalRecordLookup } from '@skills/personal-data';

/** One paying line of a claim on notice, before names are looked up. */
export interface PayingLine {
  readonly lineId: string;
  readonly ruleId: string;
  readonly labourerId?: string;
  readonly payee: { readonly kind: string; readonly id: string };
  readonly amountFen: number;
  readonly direction?: 'TOP_UP' | 'CLAWBACK';
}

export interface OnNotice {
  readonly claimId: string;
  readonly scheme: string;
  readonly subject: { readonly kind: string; readonly id: string };
  readonly period: { readonly from: CalendarDate; readonly to: CalendarDate };
  readonly organisation: { readonly kind: string; readonly id: string };
  readonly notice: NoticePeriod;
  readonly lines: readonly PayingLine[];
  /** R-CLAIM-4: an approved override changed the claim; "flagged in every report", the public notice included. */
  readonly overridden: boolean;
}

/** What the board looks names up in: the vault's records of the people, the register's names of organisations. */
export interface BoardNames {
  readonly people: ReadonlyMap<string, PersonalRecordLookup>;
  readonly organisations: ReadonlyMap<string, string>;
}

/**
 * R-CLAIM-3 public notice (公示): one claim as the board shows it to any account. A person is named by maskName only,
 * whoever reads (it is the public view), never by an ID number or a person's id; an erased person is null. Payees are
 * summed per payee: what is paid (amountFen) and, on an adjustment claim, what is recovered (clawbackFen).
 */
export function noticeBoardItem(c: OnNotice, names: BoardNames, today: CalendarDate) {
  const maskedName = (labourerId: string | undefined) => {
    const record = labourerId === undefined ? undefined : names.people.get(labourerId.toLowerCase());
    return typeof record === 'object' ? maskName(record.name) : null;
  };
  const payeeOf = (payee: PayingLine['payee']) =>
    payee.kind === 'LABOURER' ? { kind: payee.kind, name: maskedName(payee.id) } : { kind: payee.kind, id: payee.id.toLowerCase(), name: names.organisations.get(payee.id.toLowerCase()) ?? null };
  const payees = new Map<string, { payee: ReturnType<typeof payeeOf>; amountFen: number; clawbackFen: number; lines: number }>();
  for (const line of c.lines) {
    const key = `${line.payee.kind}:${line.payee.id.toLowerCase()}`;
    const entry = payees.get(key) ?? { payee: payeeOf(line.payee), amountFen: 0, clawbackFen: 0, lines: 0 };
    const clawback = line.direction === 'CLAWBACK';
    payees.set(key, { ...entry, amountFen: entry.amountFen + (clawback ? 0 : line.amountFen), clawbackFen: entry.clawbackFen + (clawback ? line.amountFen : 0), lines: entry.lines + 1 });
  }
  return {
    claimId: c.claimId,
    scheme: c.scheme,
    // A PERSON subject's id is a person's: the board names no person by id.
    subject: c.subject.kind === 'PERSON' ? { kind: c.subject.kind } : { kind: c.subject.kind, id: c.subject.id },
    period: c.period,
    organisation: { kind: c.organisation.kind, id: c.organisation.id, name: names.organisations.get(c.organisation.id.toLowerCase()) ?? null },
    overridden: c.overridden,
    notice: { ...c.notice, daysLeft: noticeDaysLeft(c.notice, today), objectionsOpen: today >= c.notice.startsOn && today <= c.notice.endsOn },
    totalFen: c.lines.reduce((sum, l) => (l.direction === 'CLAWBACK' ? sum : sum + l.amountFen), 0),
    payees: [...payees.values()].map(({ payee, amountFen, clawbackFen, lines }) => ({ ...payee, amountFen, ...(clawbackFen > 0 ? { clawbackFen } : {}), lines })),
    lines: c.lines.map((l) => ({
      lineId: l.lineId,
      ruleId: l.ruleId,
      personName: l.labourerId === undefined ? null : maskedName(l.labourerId),
      payee: payeeOf(l.payee),
      amountFen: l.amountFen,
      ...(l.direction ? { direction: l.direction } : {}),
    })),
  };
}
