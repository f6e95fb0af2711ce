import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/useTranslation';
import type { SpeechModelList } from '../../../../shared/contract';
import type { Interview } from '../../../../shared/interview';
import { redactionTerms, splitAtTerms } from '../../../../shared/redaction/index';
import { defaultDraftScope, type DraftProposal, type DraftScope } from '../../../../shared/speech';
import { formatTimecode, parseClockTime } from '../../../../shared/timecode';
import { addProposedSegments } from '../../../../shared/transcript-editing';
import { call, messageOf } from '../../../api';
import { FormProblem } from '../../../components/FormProblem';
import { HighlightedText } from '../../../components/HighlightedText';
import { Modal } from '../../../components/Modal';
import type { useSpeechDraft } from './useSpeechDraft';
import { ImeSafeForm } from '../../../components/ImeSafeForm';

type SpeechDraftState = ReturnType<typeof useSpeechDraft>;

const duration = (ms: number) => formatTimecode(Math.round(ms / 1000)).replace(/^00:/, '');

/** "Draft transcript…" in the toolbar, and its dialog. */
export function DraftButton({ draft, interview, flush }: { draft: SpeechDraftState; interview: Interview; flush: () => Promise<void> }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<SpeechModelList | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const openDialog = async () => {
    setProblem(null);
    try {
      setDialog(await call('speech.models', {}));
    } catch (error) {
      setProblem(messageOf(error));
    }
  };

  return (
    <>
      <button type="button" className="button small" disabled={draft.state.kind === 'running'} onClick={() => void openDialog()}>
        {t('draft.open')}
      </button>
      {dialog && (
        <DraftDialog
          interview={interview}
          models={dialog}
          onCancel={() => setDialog(null)}
          onStart={async (scope, modelPath) => {
            setDialog(null);
            // Saved first, so "not covered yet" means what the transcriber sees.
            await flush();
            await draft.start(scope, modelPath);
          }}
        />
      )}
      <FormProblem problem={problem} />
    </>
  );
}

/** The draft under the toolbar: progress while it runs, then the proposals to add or discard. */
export function DraftStatus({ draft, interview, onAccept }: { draft: SpeechDraftState; interview: Interview; onAccept: (proposals: DraftProposal[]) => void }) {
  const { t } = useTranslation();
  const terms = useMemo(() => redactionTerms(interview), [interview]);
  const state = draft.state;
  const proposals = state.kind === 'running' || state.kind === 'review' ? state.proposals : [];
  const fresh = proposals.length ? addProposedSegments(interview.segments, proposals, null, () => 'x').added : 0;
  const withNames = proposals.filter((proposal) => splitAtTerms(proposal.text, terms).some((piece) => piece.sensitive)).length;

  return (
    <>
      {state.kind === 'running' && (
        <div className="import-progress draft-progress" role="status" data-testid="draft-progress">
          {state.progress?.phase !== 'transcribing' ? (
            t('draft.loading')
          ) : (
            <>
              {t('draft.running', { percent: Math.round(state.progress.fraction * 100), elapsed: duration(state.progress.elapsedMs) })}
              {state.progress.remainingMs !== null && t('draft.remaining', { remaining: duration(state.progress.remainingMs) })}
            </>
          )}
          <progress max={1} value={state.progress?.fraction ?? 0} />
          <button type="button" className="button small" onClick={draft.cancel}>
            {t('draft.stop')}
          </button>
        </div>
      )}
      {state.kind === 'failed' && (
        <div className="banner banner-error" role="alert" data-testid="draft-failed">
          {state.message}
          <button type="button" className="link" onClick={draft.close}>
            {t('app.dismiss')}
          </button>
        </div>
      )}
      {(state.kind === 'review' || (state.kind === 'running' && proposals.length > 0)) && (
        <div className="banner banner-info draft-review" role="status" data-testid="draft-proposal">
          {state.kind === 'review' && <p>{t('draft.finished', { elapsed: duration(state.elapsedMs), count: proposals.length })}</p>}
          <p>{t('draft.proposals', { count: proposals.length, fresh })}</p>
          {withNames > 0 && <p className="field-error">{t('draft.containsRedacted', { count: withNames })}</p>}
          <ol className="draft-list" aria-label={t('draft.list')}>
            {proposals.slice(0, 200).map((proposal) => (
              <li key={`${proposal.start}-${proposal.end}`}>
                <span className="muted small">{formatTimecode(proposal.start)}</span> <HighlightedText text={proposal.text} terms={terms} />
              </li>
            ))}
          </ol>
          {state.kind === 'review' && (
            <div className="row">
              <button
                type="button"
                className="button small primary"
                onClick={() => {
                  onAccept(proposals);
                  draft.close();
                }}
              >
                {t('draft.accept')}
              </button>
              <button type="button" className="button small" onClick={draft.close}>
                {t('draft.discard')}
              </button>
            </div>
          )}
        </div>
      )}
    </>
  );
}

function DraftDialog({ interview, models, onCancel, onStart }: { interview: Interview; models: SpeechModelList; onCancel: () => void; onStart: (scope: DraftScope, modelPath: string) => Promise<void> }) {
  const { t } = useTranslation();
  const usable = models.models.filter((model) => model.info?.koreanCapable);
  const [modelPath, setModelPath] = useState(usable.find((model) => model.path === models.selectedModel)?.path ?? usable[0]?.path ?? '');
  const [scope, setScope] = useState<'all' | 'uncovered' | 'range'>(defaultDraftScope(interview.segments));
  const [from, setFrom] = useState('0:00');
  const [to, setTo] = useState(formatTimecode(interview.recording?.durationSeconds ?? 0));
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!modelPath) return;
    if (scope === 'range') {
      const start = parseClockTime(from);
      const end = parseClockTime(to);
      if (start === null || end === null || end <= start) return setProblem(t('draft.badRange'));
      return void onStart({ start, end }, modelPath);
    }
    void onStart(scope, modelPath);
  };

  return (
    <Modal title={t('draft.title')} onCancel={onCancel}>
      <ImeSafeForm className="draft-form" onSubmit={submit} data-testid="draft-dialog">
        {usable.length === 0 ? (
          <p role="alert">{t('draft.noModels')}</p>
        ) : (
          <label className="field">
            <span>{t('draft.model')}</span>
            <select value={modelPath} onChange={(event) => setModelPath(event.target.value)}>
              {usable.map((model) => (
                <option key={model.path} value={model.path}>
                  {model.fileName} ({model.info!.family}, {(model.info!.bytes / 1024 / 1024).toFixed(0)} MB)
                </option>
              ))}
            </select>
          </label>
        )}
        <fieldset className="field">
          <legend>{t('draft.scope')}</legend>
          {(['uncovered', 'all', 'range'] as const).map((choice) => (
            <label key={choice} className="check">
              <input type="radio" name="draft-scope" checked={scope === choice} onChange={() => setScope(choice)} />
              {t(choice === 'uncovered' ? 'draft.scopeUncovered' : choice === 'all' ? 'draft.scopeAll' : 'draft.scopeRange')}
            </label>
          ))}
          {scope === 'range' && (
            <div className="row">
              <label className="field">
                <span>{t('draft.from')}</span>
                <input value={from} onChange={(event) => setFrom(event.target.value)} />
              </label>
              <label className="field">
                <span>{t('draft.to')}</span>
                <input value={to} onChange={(event) => setTo(event.target.value)} />
              </label>
            </div>
          )}
          <p className="field-hint">{t('draft.humanWorkSafe')}</p>
        </fieldset>
        <FormProblem problem={problem} />
        <div className="row">
          <button type="submit" className="button primary" disabled={!modelPath}>
            {t('draft.start')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('draft.cancel')}
          </button>
        </div>
      </ImeSafeForm>
    </Modal>
  );
}
