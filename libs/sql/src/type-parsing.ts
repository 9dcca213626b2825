/** int8, date, numeric: returned as text by both engines so that callers see the same values. */
export const TEXT_PARSED_TYPE_OIDS: readonly number[] = [20, 1082, 1700];
