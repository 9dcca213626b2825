import { given } from '../shared/testing/given-when-then';
import { enterpriseDecider, type ChangeEnterpriseProfile, type RegisterEnterprise } from './enterprise.decider';
import { evaluationBodyDecider } from './evaluation-body.decider';
import type { EnterpriseRegistered } from './organisation.events';
import { subdistrictDecider, type RegisterSubdistrict } from './subdistrict.decider';
import { CONTEXT, KNOWN_SUBDISTRICTS, NANCUN, XIJIE } from './testing/registry-fixtures';

const ENTERPRISE_ID = 'd4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f70';
const profile = { name: '晋城某机械制造有限公司', subdistrictId: NANCUN, headcount: 520, insured: true };
const registerEnterprise: RegisterEnterprise = { type: 'RegisterEnterprise', enterpriseId: ENTERPRISE_ID, ...profile, knownSubdistrictIds: KNOWN_SUBDISTRICTS, context: CONTEXT };
const enterpriseRegistered: EnterpriseRegistered = { type: 'EnterpriseRegistered', data: { enterpriseId: ENTERPRISE_ID, ...profile } };
const changeProfile = (overrides: Partial<ChangeEnterpriseProfile>): ChangeEnterpriseProfile => ({
  type: 'ChangeEnterpriseProfile',
  enterpriseId: ENTERPRISE_ID,
  ...profile,
  effectiveOn: '2021-01-01',
  knownSubdistrictIds: KNOWN_SUBDISTRICTS,
  context: CONTEXT,
  ...overrides,
});

describe('R-ORG-1 enterprises', () => {
  it('R-ORG-1 registers an enterprise with its headcount', () => {
    given(enterpriseDecider).when(registerEnterprise).then([enterpriseRegistered]);
  });

  it('R-ORG-1 rejects a negative or fractional headcount', () => {
    given(enterpriseDecider).when({ ...registerEnterprise, headcount: -3 }).thenThrows('ORGANISATION.INVALID_HEADCOUNT');
    given(enterpriseDecider).when({ ...registerEnterprise, headcount: 10.5 }).thenThrows('ORGANISATION.INVALID_HEADCOUNT');
  });

  it('R-REG-5 rejects an enterprise outside the task table units', () => {
    given(enterpriseDecider).when({ ...registerEnterprise, subdistrictId: '00000000-0000-4000-8000-000000000002' }).thenThrows('REGISTRY.UNKNOWN_SUBDISTRICT');
  });

  it('R-ORG-1 records a headcount change from the day it holds, and nothing when nothing changed', () => {
    const { state } = given(enterpriseDecider, [enterpriseRegistered]);
    given(enterpriseDecider, [enterpriseRegistered])
      .when(changeProfile({ headcount: 480 }))
      .then([{ type: 'EnterpriseProfileChanged', data: { enterpriseId: ENTERPRISE_ID, ...profile, headcount: 480, effectiveOn: '2021-01-01' } }]);
    given(enterpriseDecider, [enterpriseRegistered]).when(changeProfile({})).thenNothingHappens();
    expect(state).toMatchObject({ status: 'registered', headcount: 520 });
    const after = given(enterpriseDecider, [enterpriseRegistered, { type: 'EnterpriseProfileChanged', data: { enterpriseId: ENTERPRISE_ID, ...profile, headcount: 480, effectiveOn: '2021-01-01' } }]).state;
    expect(after).toEqual({ status: 'registered', enterpriseId: ENTERPRISE_ID, ...profile, headcount: 480 });
  });

  it('rejects a profile change of an unknown enterprise', () => {
    given(enterpriseDecider).when(changeProfile({})).thenThrows('ORGANISATION.NOT_FOUND');
  });
});

describe('R-ORG-1 evaluation bodies', () => {
  const command = {
    type: 'RegisterEvaluationBody' as const,
    evaluationBodyId: 'e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7081',
    name: '城区职业技能鉴定所',
    kind: 'SOCIAL_ORGANISATION' as const,
    subdistrictId: XIJIE,
    knownSubdistrictIds: KNOWN_SUBDISTRICTS,
    context: CONTEXT,
  };

  it('R-ORG-1 registers an evaluation body once', () => {
    const [event] = given(evaluationBodyDecider).when(command).then([
      { type: 'EvaluationBodyRegistered', data: { evaluationBodyId: command.evaluationBodyId, name: command.name, kind: 'SOCIAL_ORGANISATION', subdistrictId: XIJIE } },
    ]);
    given(evaluationBodyDecider, [event!]).when(command).thenThrows('ORGANISATION.ALREADY_REGISTERED');
  });
});

describe('R-REG-5 subdistricts', () => {
  const command: RegisterSubdistrict = { type: 'RegisterSubdistrict', subdistrictId: NANCUN, code: 'NANCUN', name: '南村镇', nameEn: 'Nancun Town', context: CONTEXT };

  it('R-REG-5 registers a unit of the task table once', () => {
    const [event] = given(subdistrictDecider).when(command).then([{ type: 'SubdistrictRegistered', data: { subdistrictId: NANCUN, code: 'NANCUN', name: '南村镇', nameEn: 'Nancun Town' } }]);
    given(subdistrictDecider, [event!]).when(command).thenThrows('ORGANISATION.ALREADY_REGISTERED');
  });

  it('R-REG-5 rejects a lower-case code and a missing English name', () => {
    given(subdistrictDecider).when({ ...command, code: 'nancun' }).thenThrows('ORGANISATION.INVALID_SUBDISTRICT_CODE');
    const error = given(subdistrictDecider).when({ ...command, nameEn: '' }).thenThrows('ORGANISATION.NAME_REQUIRED');
    expect(error.issues[0]!.field).toBe('nameEn');
  });
});
