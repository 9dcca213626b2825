import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_TASK_TABLE, readTaskTableUnits, type RegistryDirectory } from '../../apps/api/src/registry/registry-directory';
import { evaluationIntegrity, FROZEN_REPORT_INTEGRITY, secondApiProcess, type SecondApiProcess } from '../support/evaluation-integrity';

/**
 * R-EVAL-1 (issue 7 §3, review findings): after the task table file renames a unit, from the cards and certificates
 * evaluation-integrity.ts records. Reports frozen before the rename verify with the units frozen with them, read by a
 * second api process over the same PostgreSQL database; a report frozen before units were stored verifies with the
 * registry's.
 */
describe(FROZEN_REPORT_INTEGRITY, () => {
  const given = evaluationIntegrity();
  const { runReport, report, verify, traceRoute, rewriteStored } = given;
  let evaluator: string;
  let officer: string;
  let nancun: string;

  beforeAll(() => {
    ({ evaluator, officer, nancun } = given);
  });

  describe('after the task table file renames a unit (南村镇 → 南村街道), read by a second api process on the same database', () => {
    let renamedDir: string;
    let renamed: SecondApiProcess;
    let renamedUrl: string;
    const onRenamed = (method: string, route: string, token: string) => renamed.request(method, route, token, undefined, randomUUID());
    const nancunLine = (r: any) => r.report.progress.units.find((u: any) => u.subdistrictId === nancun);

    beforeAll(async () => {
      const { app } = given;
      // A copy of the shipped file with Nancun's names changed, its code (so its subdistrict id) kept.
      renamedDir = mkdtempSync(path.join(tmpdir(), 'sc-task-table-'));
      const file = path.join(renamedDir, 'JCCQ-2020-12.csv');
      const original = readFileSync(DEFAULT_TASK_TABLE, 'utf8');
      expect(original).toContain('NANCUN,UNIT,南村镇,Nancun Town,');
      writeFileSync(file, original.replace('NANCUN,UNIT,南村镇,Nancun Town,', 'NANCUN,UNIT,南村街道,Nancun Subdistrict,'));
      // The directory that process holds: the units read from the renamed file by the app's own reader, over the same
      // store. (RegistryDirectory.load would also seed the units, which the same database refuses for a changed name.)
      const units = readTaskTableUnits(file);
      expect(units.find((u) => u.subdistrictId === nancun)).toMatchObject({ code: 'NANCUN', name: '南村街道', nameEn: 'Nancun Subdistrict' });
      const directory: RegistryDirectory = Object.assign(Object.create(app.directory), { subdistricts: units });
      expect(directory.subdistrictList()).toBe(units);
      renamed = await secondApiProcess(app.system, directory);
      renamedUrl = renamed.url;
    });
    afterAll(async () => {
      await renamed?.process.close();
      if (renamedDir) rmSync(renamedDir, { recursive: true, force: true });
    });

    it('R-EVAL-1 a district report and a unit\'s own report frozen before the rename verify as reproduced, computed with the units frozen with them; a trace reads the same events', async () => {
      const district = await report((await runReport(evaluator, { period: 'H1-2021', asOf: '2021-06-30' })).reportId);
      const own = await report((await runReport(officer, { period: 'H1-2021', asOf: '2021-06-30' })).reportId);
      expect(nancunLine(district)).toMatchObject({ code: 'NANCUN', name: '南村镇', done: { count: 2 } });
      expect(own.report.unit).toEqual({ subdistrictId: nancun, name: '南村镇' });

      for (const [frozen, token] of [[district, evaluator], [own, officer]] as const) {
        const verified = await onRenamed('POST', `/api/evaluation/reports/${frozen.reportId}/verify`, token);
        expect(verified.status).toBe(200);
        expect(verified.body).toMatchObject({ verified: true, reproduced: true, storedIntact: true, recomputedHash: frozen.contentHash, failedChecks: [], differingSections: [], unitsFrom: 'FROZEN' });
      }
      const trace = await onRenamed('GET', traceRoute(district.reportId, `progress/done/${nancun}`), evaluator);
      expect(trace.status).toBe(200);
      expect(trace.body).toMatchObject({ total: 4, streams: 4 });
      // Its file is still named with the unit's code.
      const xlsx = await fetch(`${renamedUrl}/api/evaluation/reports/${own.reportId}/report.xlsx`, { headers: { authorization: `Bearer ${officer}` } });
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers.get('content-disposition')).toContain('NANCUN');
    });

    it('R-EVAL-1 a report frozen before units were stored (no units in its event) still reads, and verifies with the units of the registry as before', async () => {
      const run = await runReport(evaluator, { period: 'H1-2021', asOf: '2021-06-30' });
      await rewriteStored(run.reportId, "data - 'units'");
      const legacy = await verify(run.reportId);
      expect(legacy).toMatchObject({ verified: true, reproduced: true, storedIntact: true, recomputedHash: run.contentHash, failedChecks: [], unitsFrom: 'REGISTRY' });
    });
  });
});
