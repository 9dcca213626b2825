import { DataQualityTable } from './report-data-quality-table';
import { MoneyTables } from './report-money-tables';
import { ProgressTable } from './report-progress-table';
import { RatesTables } from './report-rates-tables';
import type { ReportSectionProps } from './report-table-parts';
import { TargetsTable } from './report-targets-table';

/** Every section of the report as tables with the same figures as the PDF and the XLSX, each figure traceable. */
export function ReportTables({ report, tracing }: ReportSectionProps) {
  return (
    <>
      <ProgressTable report={report} tracing={tracing} />
      <TargetsTable report={report} tracing={tracing} />
      <RatesTables report={report} tracing={tracing} />
      <MoneyTables report={report} tracing={tracing} />
      <DataQualityTable report={report} tracing={tracing} />
    </>
  );
}
