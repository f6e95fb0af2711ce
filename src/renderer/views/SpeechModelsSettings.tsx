import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import type { SpeechModelList } from '../../shared/contract';
import { call, messageOf } from '../api';

/** Settings → Speech models: the whisper.cpp files the user brought, checked, and how drafts use them. */
export function SpeechModelsSettings() {
  const { t } = useTranslation();
  const [list, setList] = useState<SpeechModelList | null>(null);
  const [messages, setMessages] = useState<{ kind: 'ok' | 'error'; text: string }[]>([]);

  useEffect(() => {
    void call('speech.models', {}).then(setList, (error: unknown) => setMessages([{ kind: 'error', text: messageOf(error) }]));
  }, []);

  const add = async (kind: 'file' | 'folder') => {
    setMessages([]);
    try {
      const result = await call('speech.addModels', { kind });
      setList(result);
      if (result.cancelled) return;
      setMessages([
        ...(result.added.length ? [{ kind: 'ok' as const, text: t('speechModels.added', { count: result.added.length }) }] : []),
        ...result.refused.map((refusal) => ({ kind: 'error' as const, text: t('speechModels.refused', { name: refusal.fileName, reason: refusal.reason }) })),
      ]);
    } catch (error) {
      setMessages([{ kind: 'error', text: messageOf(error) }]);
    }
  };

  const change = async (update: () => Promise<SpeechModelList>, shown?: Partial<SpeechModelList>) => {
    setMessages([]);
    // A switch shows its new state at once; the saved list replaces it a moment later.
    if (shown) setList((current) => (current ? { ...current, ...shown } : current));
    try {
      setList(await update());
    } catch (error) {
      setMessages([{ kind: 'error', text: messageOf(error) }]);
    }
  };

  return (
    <section className="settings-group" aria-labelledby="speech-models-title" data-testid="speech-models">
      <h2 id="speech-models-title">{t('speechModels.title')}</h2>
      <p className="field-hint">{t('speechModels.hint')}</p>
      {list && list.models.length === 0 && <p className="muted">{t('speechModels.none')}</p>}
      {list && list.models.length > 0 && (
        <ul className="model-list">
          {list.models.map((model) => (
            <li key={model.path} data-testid="speech-model">
              <label className="model-choice">
                <input
                  type="radio"
                  name="selected-model"
                  checked={list.selectedModel === model.path}
                  disabled={!model.info?.koreanCapable}
                  onChange={() => void change(() => call('speech.configure', { selectedModel: model.path }))}
                  aria-label={`${t('speechModels.use')}: ${model.fileName}`}
                />
                <strong>{model.fileName}</strong>
              </label>
              {model.info ? (
                <span className="muted small">
                  {' '}
                  {model.info.family} · {model.info.quantization} · {t('speechModels.size', { size: (model.info.bytes / 1024 / 1024).toFixed(1) })} ·{' '}
                  {model.info.koreanCapable ? t('speechModels.korean') : t('speechModels.englishOnly')}
                </span>
              ) : (
                <span className="field-error small"> {model.problem}</span>
              )}
              <button type="button" className="button small" onClick={() => void change(() => call('speech.removeModel', { path: model.path }))}>
                {t('speechModels.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <button type="button" className="button" onClick={() => void add('file')}>
          {t('speechModels.addFile')}
        </button>
        <button type="button" className="button" onClick={() => void add('folder')}>
          {t('speechModels.addFolder')}
        </button>
      </div>
      {list && (
        <>
          <label className="check">
            <input type="checkbox" checked={list.glossaryPrompt} onChange={(event) => {
                const glossaryPrompt = event.target.checked;
                void change(() => call('speech.configure', { glossaryPrompt }), { glossaryPrompt });
              }} />
            {t('speechModels.glossaryPrompt')}
          </label>
          <label className="check">
            <input type="checkbox" checked={list.temperatureFallback} onChange={(event) => {
                const temperatureFallback = event.target.checked;
                void change(() => call('speech.configure', { temperatureFallback }), { temperatureFallback });
              }} />
            {t('speechModels.temperatureFallback')}
          </label>
        </>
      )}
      {messages.map((message, index) => (
        <p key={index} className={message.kind === 'error' ? 'field-error' : 'field-ok'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      ))}
    </section>
  );
}
