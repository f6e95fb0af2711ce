import { bytesToBase64 } from '../base64';
import { OpenPackageDialog } from './handoff/OpenPackageDialog';
import { useEffect, useMemo, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import type { LibraryListing } from '../../shared/contract';
import type { InterviewSummary } from '../../shared/interview';
import { matchesLibrarySearch, sortSummaries, type SortKey, type SortOrder } from '../../shared/library-search';
import { call, messageOf } from '../api';
import { Modal } from '../components/Modal';
import { StatusBadge } from '../components/StatusBadge';
import { ImeSafeForm } from '../components/ImeSafeForm';

export function LibraryView({ onOpen }: { onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const [listing, setListing] = useState<LibraryListing | null>(null);
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const [openingPackage, setOpeningPackage] = useState(false);
  const [droppedPackage, setDroppedPackage] = useState<{ name: string; data: string } | null>(null);
  /** A .testimony file dropped on the library opens like Open package…; other files are left alone. */
  const dropPackage = async (event: DragEvent<HTMLElement>) => {
    const file = [...event.dataTransfer.files].find((candidate) => candidate.name.toLowerCase().endsWith('.testimony'));
    if (!file) return;
    event.preventDefault();
    setDroppedPackage({ name: file.name, data: bytesToBase64(new Uint8Array(await file.arrayBuffer())) });
  };
  const [deleting, setDeleting] = useState<InterviewSummary | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const [listingVersion, setListingVersion] = useState(0);
  const reload = () => setListingVersion((version) => version + 1);
  useEffect(() => {
    let current = true;
    call('library.list', {}).then(
      (next) => current && setListing(next),
      (failure: unknown) => current && setError(messageOf(failure)),
    );
    return () => {
      current = false;
    };
  }, [listingVersion]);

  const [order, setOrder] = useState<SortOrder>({ key: 'updatedAt', direction: 'descending' });
  // Words found inside transcripts and translations (searched on the main side, a moment after typing stops).
  const [textHits, setTextHits] = useState<{ query: string; ids: Set<string> }>({ query: '', ids: new Set() });
  useEffect(() => {
    if (query.trim().length < 2) return;
    let current = true;
    const timer = setTimeout(() => {
      void call('library.search', { query }).then(
        (result) => current && setTextHits({ query, ids: new Set(result.ids) }),
        () => undefined,
      );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, listingVersion]);

  const visible = useMemo(() => {
    const inText = textHits.query === query ? textHits.ids : new Set<string>();
    const found = listing?.interviews.filter((summary) => matchesLibrarySearch(summary, query, (status) => t(`status.${status}`)) || inText.has(summary.id)) ?? [];
    return sortSummaries(found, order, i18n.language);
  }, [listing, query, t, order, textHits, i18n.language]);

  /** A column header that sorts by itself; a second click turns the order round. */
  const sortHeader = (key: SortKey, label: string, numeric = false) => (
    <th className={numeric ? 'num' : undefined} aria-sort={order.key === key ? order.direction : 'none'}>
      <button
        type="button"
        className="sort-header"
        onClick={() => setOrder((current) => ({ key, direction: current.key === key && current.direction === 'ascending' ? 'descending' : 'ascending' }))}
      >
        {label}
        <span aria-hidden="true">{order.key === key ? (order.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );

  // Someone who moved on (to Settings, say) while the sample was being copied stays where they are.
  const stillHere = useRef(true);
  useEffect(() => {
    stillHere.current = true;
    return () => {
      stillHere.current = false;
    };
  }, []);

  const openSample = async () => {
    try {
      const sample = await call('sample.open', {});
      if (stillHere.current) onOpen(sample.id);
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    try {
      await call('interview.delete', { id: deleting.id });
      setNotice(t('library.deleted', { title: deleting.title }));
    } catch (failure) {
      setError(messageOf(failure));
    }
    setDeleting(null);
    reload();
  };

  if (!listing) return <p className="muted pad">{error ?? t('app.loading')}</p>;
  const isEmpty = listing.interviews.length === 0 && listing.unreadable.length === 0;
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section className="library" onDragOver={(event) => event.dataTransfer.types.includes('Files') && event.preventDefault()} onDrop={(event) => void dropPackage(event)}>
      <div className="toolbar">
        <h1>{t('library.title')}</h1>
        <span className="muted">{t('library.count', { count: listing.interviews.length })}</span>
        <div className="spacer" />
        {!isEmpty && (
          <input
            type="search"
            className="search"
            placeholder={t('library.search')}
            aria-label={t('library.search')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        )}
        {!isEmpty && (
          <button className="button" onClick={openSample}>
            {t('library.openSample')}
          </button>
        )}
        <button className="button" onClick={() => setOpeningPackage(true)}>
          {t('handoff.openButton')}
        </button>
        <button className="button primary" onClick={() => setCreating(true)}>
          {t('library.create')}
        </button>
      </div>
      {(openingPackage || droppedPackage) && (
        <OpenPackageDialog
          dropped={droppedPackage}
          onClose={() => {
            setOpeningPackage(false);
            setDroppedPackage(null);
          }}
          onOpenInterview={onOpen}
        />
      )}
      {notice && (
        <div className="banner banner-info" role="status">
          {notice}
          <button className="link" onClick={() => setNotice(null)}>
            {t('app.dismiss')}
          </button>
        </div>
      )}
      {error && (
        <div className="banner banner-error" role="alert">
          {t('errors.generic', { message: error })}
          <button className="link" onClick={() => setError(null)}>
            {t('app.dismiss')}
          </button>
        </div>
      )}
      {listing.unreadable.map((broken) => (
        <div key={broken.id} className="banner banner-error unreadable" role="alert" data-testid="unreadable-interview">
          <strong>{t('library.unreadableTitle')}:</strong>{' '}
          {t('library.unreadableBody', { id: broken.id, reason: broken.reason, copy: broken.keptCopy })}
        </div>
      ))}
      {isEmpty ? (
        <div className="empty-state">
          <h2>{t('library.emptyTitle')}</h2>
          <p>{t('library.emptyBody')}</p>
          <div className="row">
            <button className="button primary" onClick={() => setCreating(true)}>
              {t('library.create')}
            </button>
            <button className="button" onClick={openSample}>
              {t('library.openSample')}
            </button>
          </div>
        </div>
      ) : (
        <table className="grid library-table">
          <thead>
            <tr>
              {sortHeader('title', t('library.columns.title'))}
              {sortHeader('pseudonym', t('library.columns.pseudonym'))}
              {sortHeader('status', t('library.columns.status'))}
              {sortHeader('coverage', t('library.columns.transcribed'), true)}
              {sortHeader('segmentCount', t('library.columns.segments'), true)}
              {sortHeader('translated', t('library.columns.translated'), true)}
              {sortHeader('openQueryCount', t('library.columns.queries'), true)}
              {sortHeader('updatedAt', t('library.columns.updated'))}
              <th aria-label="actions" />
            </tr>
          </thead>
          <tbody>
            {visible.map((summary) => (
              <tr key={summary.id} className="clickable" onDoubleClick={() => onOpen(summary.id)}>
                <td>
                  <button className="link strong" onClick={() => onOpen(summary.id)}>
                    {summary.title}
                  </button>
                </td>
                <td>{summary.pseudonym || t('library.noPseudonym')}</td>
                <td>
                  <StatusBadge status={summary.status} />
                </td>
                <td className="num" data-testid="coverage">
                  {summary.hasRecording ? `${Math.round(summary.coverage * 100)}%` : '—'}
                </td>
                <td className="num">{summary.segmentCount}</td>
                <td className="num" data-testid="translated-count">
                  {summary.segmentCount === 0 ? '—' : `${Math.round((summary.translatedCount / summary.segmentCount) * 100)}% · ${summary.reviewedCount}✓`}
                </td>
                <td className="num" data-testid="open-queries">
                  {summary.openQueryCount || '—'}
                </td>
                <td className="muted">{dateFormat.format(new Date(summary.updatedAt))}</td>
                <td className="actions">
                  <button className="button small danger-quiet" onClick={() => setDeleting(summary)} aria-label={`${t('library.delete')} ${summary.title}`}>
                    {t('library.delete')}
                  </button>
                </td>
              </tr>
            ))}
            {visible.length === 0 && (
              <tr>
                <td colSpan={9} className="muted">
                  {t('library.noMatches', { query })}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
      {creating && <CreateInterviewDialog onCancel={() => setCreating(false)} onCreated={onOpen} />}
      {deleting && (
        <Modal title={t('library.deleteTitle')} onCancel={() => setDeleting(null)}>
          <p>{t('library.deleteBody', { title: deleting.title, pseudonym: deleting.pseudonym || t('library.noPseudonym') })}</p>
          <div className="row end">
            <button className="button" onClick={() => setDeleting(null)}>
              {t('library.cancel')}
            </button>
            <button className="button danger" onClick={confirmDelete}>
              {t('library.deleteConfirm')}
            </button>
          </div>
        </Modal>
      )}
    </section>
  );
}

function CreateInterviewDialog({ onCancel, onCreated }: { onCancel: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === '') {
      setError(t('validation.titleRequired'));
      return;
    }
    try {
      onCreated((await call('interview.create', { title })).id);
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  return (
    <Modal title={t('library.createTitle')} onCancel={onCancel}>
      <ImeSafeForm onSubmit={submit} noValidate>
        <label className="field">
          <span>{t('library.createLabel')}</span>
          <input
            value={title}
            placeholder={t('library.createPlaceholder')}
            onChange={(event) => setTitle(event.target.value)}
            aria-invalid={error !== null}
          />
          {error && <span className="field-error">{error}</span>}
        </label>
        <div className="row end">
          <button type="button" className="button" onClick={onCancel}>
            {t('library.cancel')}
          </button>
          <button type="submit" className="button primary">
            {t('library.createConfirm')}
          </button>
        </div>
      </ImeSafeForm>
    </Modal>
  );
}
