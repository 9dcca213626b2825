/** The generated district's calendar: days are whole UTC days counted from the epoch, written as ISO dates. */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
export const toDay = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
export const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const isWeekday = (day: number): boolean => {
  const dow = new Date(day * DAY_MS).getUTCDay();
  return dow !== 0 && dow !== 6;
};

/** `count` consecutive weekdays from `first` (moved forward to a weekday). */
export function trainingDays(first: number, count: number): number[] {
  const days: number[] = [];
  for (let d = first; days.length < count; d++) if (isWeekday(d)) days.push(d);
  return days;
}
