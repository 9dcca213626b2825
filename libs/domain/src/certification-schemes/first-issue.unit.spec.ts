import { firstIssueOf, type HeldCertificate } from './first-issue';

const held = (certificateId: string, issuedOn: string, overrides: Partial<HeldCertificate> = {}): HeldCertificate => ({ certificateId, type: 'SPECIAL_OPERATION', occupation: '电工作业', issuedOn, ...overrides });
const THIS = held('c-this', '2021-06-10');

describe('R-CERT-2 first issue of a special operation or equipment certificate', () => {
  it('R-CERT-2 is what the organiser stated when the records hold no earlier certificate of the same type and occupation', () => {
    const others = [held('c-welding', '2019-01-01', { occupation: '焊接与热切割作业' }), held('c-equipment', '2019-01-01', { type: 'SPECIAL_EQUIPMENT' }), held('c-later', '2021-07-01')];
    expect(firstIssueOf(true, THIS, [THIS, ...others])).toEqual({ firstIssue: true });
    expect(firstIssueOf(false, THIS, others)).toEqual({ firstIssue: false });
  });

  it('R-CERT-2 an earlier certificate of the same type and occupation makes it a later issue whatever was stated, naming the earliest', () => {
    const others = [held('c-2020', '2020-03-01'), held('c-2018', '2018-03-01'), held('c-day-before', '2021-06-09')];
    expect(firstIssueOf(true, THIS, others)).toEqual({ firstIssue: false, earlierCertificateId: 'c-2018' });
  });

  it('R-CERT-2 a certificate issued the same day does not count against it', () => {
    expect(firstIssueOf(true, THIS, [held('c-same-day', '2021-06-10')])).toEqual({ firstIssue: true });
  });
});
