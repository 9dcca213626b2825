import { useState, type FormEvent, type ReactNode } from 'react';
import { SCHEMES } from '../api/schemes';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../router';

/** A page's filters by name, as its address carries them; '' is "any" and stays out of the address. */
export type FilterValues<K extends string> = Readonly<Record<K, string>>;

/** The query string of the filters that are set: the page's api call and the address it moves to say the same. */
export function filterQuery(values: Readonly<Record<string, string>>): string {
  return new URLSearchParams(Object.entries(values).filter(([, v]) => v !== '')).toString();
}

/** What a field of the form needs to edit one filter of the draft. */
export interface FilterBinding {
  readonly value: string;
  readonly onChange: (event: { target: { value: string } }) => void;
}

/**
 * Filters kept in the address, so a filtered page can be bookmarked or shared: the fields edit a draft, and applying
 * moves to `path` with the filters that are set, which the page reads back as `applied`.
 */
export function FilterForm<K extends string>({ path, applied, children }: { path: string; applied: FilterValues<K>; children: (bind: (name: K) => FilterBinding) => ReactNode }) {
  const { t } = useI18n();
  const [filters, setFilters] = useState<FilterValues<K>>(applied);
  const bind = (name: K): FilterBinding => ({ value: filters[name], onChange: (event) => setFilters({ ...filters, [name]: event.target.value }) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const query = filterQuery(filters);
    navigate(`${path}${query ? `?${query}` : ''}`);
  };
  return (
    <form className="card filters" onSubmit={submit} aria-label={t('queue.filters')}>
      {children(bind)}
      <button type="submit">{t('queue.apply')}</button>
    </form>
  );
}

/** One labelled field of a filter form; `children` is the control, with `id`. */
export function FilterField({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/** A choice of one of `options`, or any (''). */
export function FilterSelect({ id, label, options, binding }: { id: string; label: string; options: readonly { readonly value: string; readonly text: string }[]; binding: FilterBinding }) {
  const { t } = useI18n();
  return (
    <FilterField id={id} label={label}>
      <select id={id} value={binding.value} onChange={binding.onChange}>
        <option value="">{t('queue.any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </FilterField>
  );
}

const SCHEME_OPTIONS = SCHEMES.map((s) => ({ value: s, text: s }));

/** The subsidy scheme, the filter every list of claims or money offers. */
export function SchemeFilter({ id, binding }: { id: string; binding: FilterBinding }) {
  const { t } = useI18n();
  return <FilterSelect id={id} label={t('queue.scheme')} options={SCHEME_OPTIONS} binding={binding} />;
}
