import {
  toEnterpriseStreamId,
  toEvaluationBodyStreamId,
  toLabourerIdentityStreamId,
  toLabourerStreamId,
  toPolicyCatalogueStreamId,
  toPolicyStreamId,
  toProviderStreamId,
  toSubdistrictStreamId,
} from './stream-ids';

const ID = '3f6c2a0e-8d1b-4c5e-9a7f-1b2c3d4e5f60';

describe('stream ids', () => {
  it('prefixes each kind of stream', () => {
    expect(toLabourerStreamId(ID)).toBe(`labourer-${ID}`);
    expect(toProviderStreamId(ID)).toBe(`provider-${ID}`);
    expect(toEnterpriseStreamId(ID)).toBe(`enterprise-${ID}`);
    expect(toEvaluationBodyStreamId(ID)).toBe(`evaluation-body-${ID}`);
    expect(toSubdistrictStreamId(ID)).toBe(`subdistrict-${ID}`);
    expect(toLabourerIdentityStreamId('ab'.repeat(32))).toBe(`labourer-identity-${'ab'.repeat(32)}`);
    expect(toPolicyStreamId('JCCQ-2020-12')).toBe('policy-JCCQ-2020-12');
    expect(toPolicyCatalogueStreamId()).toBe('policy-catalogue');
  });

  it('makes one stream of two spellings of a UUID', () => {
    expect(toLabourerStreamId(ID.toUpperCase())).toBe(toLabourerStreamId(ID));
  });

  it('R-REG-1 refuses anything but a fingerprint on the identity stream, so an ID number can never become a stream id', () => {
    expect(() => toLabourerIdentityStreamId('11010519491231002X')).toThrow(RangeError);
    expect(() => toLabourerIdentityStreamId('AB'.repeat(32))).toThrow(RangeError);
  });

  it('refuses ids that could collide with another kind of stream', () => {
    expect(() => toLabourerStreamId(`identity-${'ab'.repeat(32)}`)).toThrow(RangeError);
    expect(() => toProviderStreamId('')).toThrow(RangeError);
    expect(() => toPolicyStreamId('jccq 2020')).toThrow(RangeError);
  });
});
