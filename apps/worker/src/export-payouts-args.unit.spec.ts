import { parseExportPayoutsArgs, UsageError } from './export-payouts-args';

describe('parseExportPayoutsArgs (R-PAY-1 export without KAFKA_BROKERS)', () => {
  it('R-PAY-1 no argument writes to stdout; --out file and --out=file write to the file', () => {
    expect(parseExportPayoutsArgs([])).toEqual({ help: false });
    expect(parseExportPayoutsArgs(['--out', 'a.csv'])).toEqual({ help: false, out: 'a.csv' });
    expect(parseExportPayoutsArgs(['--out=b.csv'])).toEqual({ help: false, out: 'b.csv' });
    expect(parseExportPayoutsArgs(['--help'])).toEqual({ help: true });
  });

  it('R-PAY-1 refuses an unknown option, a missing value and a repeated --out, saying what to give', () => {
    expect(() => parseExportPayoutsArgs(['--mark-sent'])).toThrow(new UsageError('unexpected argument "--mark-sent": the only option is --out <file.csv> (leave it out for stdout)'));
    expect(() => parseExportPayoutsArgs(['--out'])).toThrow('--out needs a value: the path of the CSV file to write');
    expect(() => parseExportPayoutsArgs(['--out', '--help-me'])).toThrow('--out needs a value');
    expect(() => parseExportPayoutsArgs(['--out=a.csv', '--out=b.csv'])).toThrow('--out is given twice: give it once');
  });
});
