import { memo, useEffect, useMemo, useState } from 'react';
import { bindingOf, effectiveKeymap } from '../../shared/keymap';
import { statusMayHaveChanged, withStatusFollowingWork } from '../../shared/workflow-status';
import { statusReasonOf } from './interview/status-reason';
import { useTranslation } from '../i18n/useTranslation';
import type { Interview } from '../../shared/interview';
import type { Settings } from '../../shared/settings';
import { call, messageOf } from '../api';
import { StatusBadge } from '../components/StatusBadge';
import { DetailsForm } from './interview/details/DetailsForm';
import { EditExportPanel } from './interview/edit-export/EditExportPanel';
import { TranscribePanel } from './interview/transcribe/TranscribePanel';
import { TranslatePanel } from './interview/translate/TranslatePanel';
import { ConflictList } from './handoff/ConflictList';
import { SendDialog } from './handoff/SendDialog';
import { ShortcutSheet } from './interview/ShortcutSheet';
import { useAutosave, type SaveState } from './interview/useAutosave';
import { isImeKeystroke } from '../ime';
import { useSpeechStretches } from './interview/useSpeechStretches';

const tabs = ['details', 'transcribe', 'translate', 'edit'] as const;
type Tab = (typeof tabs)[number];

type Props = { id: string; mediaBaseUrl: string; settings: Settings; onBack: () => void };

export function InterviewView({ id, mediaBaseUrl, settings, onBack }: Props) {
  const { t } = useTranslation();
  const [interview, setInterview] = useState<Interview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('details');
  const [yearDraftValid, setYearDraftValid] = useState(true);
  const [sending, setSending] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const autosave = useAutosave();
  const adoptSaved = autosave.adopt;
  const keymap = useMemo(() => effectiveKeymap(settings.keymap), [settings.keymap]);
  // The speech arrives after the interview: the status is judged again by it (either way), and saved.
  const speech = useSpeechStretches(id, interview?.recording ?? null, (spans) => {
    if (!interview) return;
    const next = withStatusFollowingWork(interview, spans);
    if (next === interview) return;
    setInterview(next);
    autosave.schedule(next, yearDraftValid);
  });

  // The shortcut sheet, from anywhere in the interview: its key, or "?" when not typing text.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isImeKeystroke(event) || document.querySelector('[aria-modal="true"]')) return;
      const target = event.target as HTMLElement | null;
      const typing = !!target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      if (bindingOf(event) === keymap['help.shortcuts'] || (event.key === '?' && !typing)) {
        event.preventDefault();
        setShortcutsOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keymap]);

  useEffect(() => {
    call('interview.get', { id }).then(
      (loaded) => {
        // A User Timing mark (nothing leaves the window): benchmarks tell the main side's read
        // and the transport apart from this window's own work of showing the interview.
        performance.mark('interview-received');
        adoptSaved(loaded);
        setInterview(loaded);
        if (loaded.segments.length > 0) setTab('transcribe');
      },
      (error: unknown) => setLoadError(messageOf(error)),
    );
  }, [id, adoptSaved]);

  // Why the status is what it is (the badge's hover), judged by the recording's speech once known.
  const statusWhy = statusReasonOf(interview, speech);

  // Problems in the details are shown beside their fields but never hold back saving: work typed
  // elsewhere (a transcript, a translation) must not wait for a missing pseudonym. Only a value
  // that cannot be stored at all (a year that is not a number) keeps the save back.
  const change = (edited: Interview, yearValid = yearDraftValid) => {
    // The status follows the work (transcribing → translating → editing → ready, and back) unless set by hand.
    // Judged again only when the edit could move it (not for a letter typed into a segment with text).
    const next = !interview || statusMayHaveChanged(interview, edited) ? withStatusFollowingWork(edited, speech) : edited;
    setInterview(next);
    setYearDraftValid(yearValid);
    autosave.schedule(next, yearValid);
  };

  const back = () => {
    void autosave.flush().then(onBack);
  };

  if (loadError) {
    return (
      <section className="pad">
        <button className="link" onClick={onBack}>
          ← {t('interview.back')}
        </button>
        <div className="banner banner-error" role="alert">
          <strong>{t('interview.unreadable')}:</strong> {loadError}
        </div>
      </section>
    );
  }
  if (!interview) return <p className="muted pad">{t('app.loading')}</p>;

  return (
    <section className="interview">
      <div className="toolbar">
        <button className="link" onClick={back}>
          ← {t('interview.back')}
        </button>
        <h1 className="interview-title">{interview.title || '—'}</h1>
        <StatusBadge status={interview.status} reason={statusWhy ?? undefined} />
        <div className="spacer" />
        <button type="button" className="button small" title={`${t('shortcuts.title')} (${keymap['help.shortcuts']}, ?)`} onClick={() => setShortcutsOpen(true)}>
          {t('shortcuts.button')}
        </button>
        <button type="button" className="button small" onClick={() => setSending(true)}>
          {t('handoff.sendButton')}
        </button>
        <SaveIndicator state={autosave.state} />
      </div>
      {shortcutsOpen && <ShortcutSheet keymap={keymap} onClose={() => setShortcutsOpen(false)} />}
      {sending && <SendDialog interviewId={interview.id} beforeSend={autosave.flush} onClose={() => setSending(false)} />}
      <div className="tabs" role="tablist">
        {tabs.map((name) => (
          <button key={name} role="tab" aria-selected={tab === name} className={tab === name ? 'tab active' : 'tab'} onClick={() => setTab(name)}>
            {t(`interview.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div className="tab-panel" role="tabpanel">
        {tab === 'details' && <DetailsForm interview={interview} settings={settings} onChange={change} beforeExport={autosave.flush} />}
        {tab === 'transcribe' && <TranscribePanel interview={interview} mediaBaseUrl={mediaBaseUrl} settings={settings} onChange={change} flush={autosave.flush} />}
        {tab === 'translate' && <ConflictList interview={interview} onChange={change} onReplaced={change} />}
        {tab === 'translate' && <TranslatePanel interview={interview} mediaBaseUrl={mediaBaseUrl} settings={settings} onChange={change} />}
        {tab === 'edit' && <EditExportPanel interview={interview} settings={settings} mediaBaseUrl={mediaBaseUrl} onChange={change} beforeExport={autosave.flush} />}
      </div>
    </section>
  );
}

const SaveIndicator = memo(function SaveIndicator({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  const text =
    state.kind === 'saved'
      ? t('interview.saved')
      : state.kind === 'saving'
        ? t('interview.saving')
        : state.kind === 'invalid'
          ? t('interview.notSaved')
          : t('interview.saveFailed', { message: state.message });
  return (
    <span className={`save-state save-${state.kind}`} role="status" data-testid="save-state" data-state={state.kind}>
      {text}
    </span>
  );
});
