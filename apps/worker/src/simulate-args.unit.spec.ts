import { parseSimulateArgs, UsageError } from './simulate-args';

const TODAY = '2022-07-01';
const parse = (...argv: string[]) => parseSimulateArgs(argv, TODAY);
const refusal = (...argv: string[]): string => {
  try {
    parse(...argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`expected ${argv.join(' ')} to be refused`);
};

describe('npm run simulate arguments (issue 4, policy simulation)', () => {
  it('takes a published version, a date and an output file, in either --name value or --name=value form', () => {
    expect(parse('--policy', 'JCCQ-2020-12.v2', '--as-of', '2022-06-30', '--out', 'report.json')).toEqual({
      help: false,
      candidate: { kind: 'PUBLISHED', policyVersion: 'JCCQ-2020-12.v2' },
      asOf: '2022-06-30',
      out: 'report.json',
    });
    expect(parse('--file=drafts/v3.json', '--as-of=2022-07-01')).toEqual({ help: false, candidate: { kind: 'FILE', path: 'drafts/v3.json' }, asOf: '2022-07-01' });
    expect(parse('--policy', 'JCCQ-2020-12.v1')).toEqual({ help: false, candidate: { kind: 'PUBLISHED', policyVersion: 'JCCQ-2020-12.v1' } });
    expect(parse('--policy', 'X', '--help')).toEqual({ help: true });
  });

  it('wants exactly one candidate', () => {
    expect(refusal()).toBe('give exactly one of --policy <published version> or --file <draft.json>');
    expect(refusal('--policy', 'JCCQ-2020-12.v1', '--file', 'd.json')).toBe('give exactly one of --policy <published version> or --file <draft.json>');
  });

  it('names the option that is wrong and what to give instead', () => {
    expect(refusal('--polcy', 'JCCQ-2020-12.v1')).toBe('unknown option --polcy: the options are --policy, --file, --as-of, --out');
    expect(refusal('JCCQ-2020-12.v1')).toContain('unexpected argument "JCCQ-2020-12.v1"');
    expect(refusal('--policy')).toBe('--policy needs a value: a published version such as JCCQ-2020-12.v2 (npm run simulate -- --policy JCCQ-2020-12.v2)');
    expect(refusal('--policy', '--as-of', '2022-01-01')).toContain('--policy needs a value');
    expect(refusal('--out=', '--policy', 'JCCQ-2020-12.v1')).toBe('--out needs a value: the path of the report file to write');
    expect(refusal('--policy', 'jccq-2020-12')).toBe('--policy jccq-2020-12 is not a version name: a published version such as JCCQ-2020-12.v2 (npm run simulate -- --policy JCCQ-2020-12.v2)');
    expect(refusal('--policy', 'A.v1', '--policy', 'A.v2')).toBe('--policy is given twice: give it once');
  });

  it('refuses a date that is not one, and a day after today', () => {
    expect(refusal('--policy', 'JCCQ-2020-12.v1', '--as-of', '2022-02-29')).toBe('--as-of 2022-02-29 is not a date: a day written YYYY-MM-DD, such as 2022-06-30');
    expect(refusal('--policy', 'JCCQ-2020-12.v1', '--as-of', '2022-07-02')).toBe('--as-of 2022-07-02 is after today (2022-07-01): leave it out to simulate as of today, or give a past day');
  });
});
