import { calculateSkillsMasterStudio, type SkillsMasterStudioInput } from './skills-master-studio.calculator';
import { inForce, onlyLine, policy, rejection, uuid } from './testing/scheme-fixtures';

const hostUnit = { kind: 'ENTERPRISE', id: uuid(300) } as const;
const run = (level: SkillsMasterStudioInput['level'], overrides: Partial<SkillsMasterStudioInput> = {}) =>
  calculateSkillsMasterStudio({ policy, serviceDate: inForce, studioId: uuid(500), level, hostUnit, ...overrides });

describe('R-AWARD-1 skills-master studios', () => {
  it.each<[SkillsMasterStudioInput['level'], number, string]>([
    ['CITY', 10_000_000, '100,000'],
    ['PROVINCIAL', 20_000_000, '200,000'],
    ['NATIONAL', 30_000_000, '300,000'],
  ])('R-AWARD-1 a %s studio earns its host unit %i fen (%s yuan)', (level, fen) => {
    const line = onlyLine(run(level));
    expect(line).toMatchObject({ outcome: 'AMOUNT', ruleId: 'R-AWARD-1', payee: hostUnit, amountFen: fen, explanation: { inputs: { studioId: uuid(500), level } } });
    expect(line).not.toHaveProperty('labourerId');
  });

  it('R-AWARD-1 rejects an unpriced level and a person as host, by field', () => {
    expect(rejection(() => run('COUNTY' as 'CITY')).fields).toEqual(['level']);
    expect(rejection(() => run('CITY', { hostUnit: { kind: 'LABOURER', id: uuid(1) } })).fields).toEqual(['hostUnit.kind']);
  });
});
