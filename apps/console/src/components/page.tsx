import { useEffect, useRef, type ReactNode } from 'react';
import type { Loaded } from '../api/use-api';
import { useI18n } from '../i18n/i18n';
import { ErrorNote } from './errors';

/**
 * A page with its heading. The heading takes the focus when the page opens, so a keyboard or screen-reader user
 * starts reading the new page rather than staying on the link that led there.
 */
export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [title]);
  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1} ref={heading}>
          {title}
        </h1>
        {actions}
      </div>
      {children}
    </>
  );
}

export function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="card">
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

/** Loading and error states of a read, so each page only renders the data. */
export function Loading<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (loaded.error) return <ErrorNote error={loaded.error} />;
  if (loaded.data === undefined) return <p aria-live="polite">{t('app.loading')}</p>;
  return <>{children(loaded.data)}</>;
}

export function StatusBadge({ status }: { status: string }) {
  const { label } = useI18n();
  return <span className={`badge badge-${status.toLowerCase().replace(/_/g, '-')}`}>{label('status', status)}</span>;
}
