import { useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import type { AppInfo } from '../../shared/contract';
import { interfaceLanguages, type Settings } from '../../shared/settings';
import { KeymapSettings } from './KeymapSettings';
import { SecuritySettings } from './SecuritySettings';
import { SpeechModelsSettings } from './SpeechModelsSettings';
import { ImeSafeForm } from '../components/ImeSafeForm';

type Props = { settings: Settings; info: AppInfo | null; encrypted: boolean; onChange: (patch: Partial<Settings>) => Promise<void>; onEncrypted: () => void };

export function SettingsView({ settings, info, encrypted, onChange, onEncrypted }: Props) {
  const { t } = useTranslation();
  const [series, setSeries] = useState(settings.series);
  const [documentAuthor, setDocumentAuthor] = useState(settings.documentAuthor);
  const [saved, setSaved] = useState(false);

  const saveArticleSettings = async (event: FormEvent) => {
    event.preventDefault();
    await onChange({ series, documentAuthor: documentAuthor.trim() });
    setSaved(true);
  };

  return (
    <section className="settings pad">
      <h1>{t('settings.title')}</h1>
      <div className="field">
        <label htmlFor="interface-language">{t('settings.language')}</label>
        <select
          id="interface-language"
          value={settings.interfaceLanguage}
          onChange={(event) => void onChange({ interfaceLanguage: event.target.value as Settings['interfaceLanguage'] })}
        >
          {interfaceLanguages.map((language) => (
            <option key={language} value={language}>
              {t(`settings.languages.${language}`)}
            </option>
          ))}
        </select>
      </div>
      <section className="settings-group" aria-labelledby="export-style-title">
        <h2 id="export-style-title">{t('settings.exportStyle')}</h2>
        <div className="field">
          <label htmlFor="dash-spacing">{t('settings.dashSpacing')}</label>
          <select
            id="dash-spacing"
            value={settings.typography.dashSpacing}
            onChange={(event) => void onChange({ typography: { dashSpacing: event.target.value as Settings['typography']['dashSpacing'] } })}
          >
            <option value="spaced">{t('settings.dashSpaced')}</option>
            <option value="closed">{t('settings.dashClosed')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="korean-line">{t('settings.koreanLineChars')}</label>
          <input
            id="korean-line"
            type="number"
            min={8}
            max={42}
            value={settings.subtitles.koreanLineChars}
            onChange={(event) => void onChange({ subtitles: { koreanLineChars: Math.max(8, Math.min(42, Math.round(Number(event.target.value) || 20))) } })}
          />
        </div>
      </section>
      <SpeechModelsSettings />
      <SecuritySettings encrypted={encrypted} idleLockMinutes={settings.idleLockMinutes} onIdleChange={(minutes) => onChange({ idleLockMinutes: minutes })} onEncrypted={onEncrypted} />
      <ImeSafeForm className="settings-group" onSubmit={saveArticleSettings} onChange={() => setSaved(false)}>
        <h2>{t('settings.series')}</h2>
        <label className="field">
          <span>{t('settings.seriesName')}</span>
          <input value={series.name} onChange={(e) => setSeries({ ...series, name: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('settings.seriesBoilerplate')}</span>
          <textarea rows={3} value={series.boilerplate} onChange={(e) => setSeries({ ...series, boilerplate: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('settings.seriesHowToSubmit')}</span>
          <textarea rows={2} value={series.howToSubmit} onChange={(e) => setSeries({ ...series, howToSubmit: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('settings.documentAuthor')}</span>
          <input value={documentAuthor} onChange={(e) => setDocumentAuthor(e.target.value)} />
          <span className="field-hint">{t('settings.documentAuthorHint')}</span>
        </label>
        <div className="row">
          <button type="submit" className="button primary">
            {t('settings.save')}
          </button>
          {saved && <span role="status">{t('settings.saved')}</span>}
        </div>
      </ImeSafeForm>
      <div className="settings-group">
        <h2>{t('settings.playback')}</h2>
        <div className="row wrap">
          <SecondsSetting
            label={t('settings.stepSeconds')}
            min={0.1}
            max={60}
            value={settings.playback.stepSeconds}
            onChange={(stepSeconds) => void onChange({ playback: { ...settings.playback, stepSeconds } })}
          />
          <SecondsSetting
            label={t('settings.rewindSeconds')}
            min={0}
            max={10}
            value={settings.playback.rewindOnResumeSeconds}
            onChange={(rewindOnResumeSeconds) => void onChange({ playback: { ...settings.playback, rewindOnResumeSeconds } })}
          />
          <label className="field">
            <span>{t('settings.rowTimes')}</span>
            <select value={settings.rowTimes.unit} onChange={(event) => void onChange({ rowTimes: { ...settings.rowTimes, unit: event.target.value as Settings['rowTimes']['unit'] } })}>
              <option value="tenths">{t('settings.rowTimeUnits.tenths')}</option>
              <option value="milliseconds">{t('settings.rowTimeUnits.milliseconds')}</option>
              <option value="frames">{t('settings.rowTimeUnits.frames')}</option>
            </select>
          </label>
          {settings.rowTimes.unit === 'frames' && (
            <label className="field">
              <span>{t('settings.framesPerSecond')}</span>
              <select value={settings.rowTimes.framesPerSecond} onChange={(event) => void onChange({ rowTimes: { ...settings.rowTimes, framesPerSecond: Number(event.target.value) } })}>
                {[24, 25, 30, 50, 60].map((rate) => (
                  <option key={rate} value={rate}>
                    {rate}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      </div>
      <KeymapSettings keymap={settings.keymap} onChange={(keymap) => onChange({ keymap })} />
      <div className="field">
        <span className="label">{t('settings.dataFolder')}</span>
        <code className="path" data-testid="data-folder">
          {info?.dataDir}
        </code>
        <span className="field-hint">{t('settings.dataFolderHint')}</span>
      </div>
      <div className="field">
        <span className="label">{t('settings.version')}</span>
        <span>{info?.version}</span>
      </div>
    </section>
  );
}

/** A number of seconds; values outside the range are not saved. */
function SecondsSetting({ label, min, max, value, onChange }: { label: string; min: number; max: number; value: number; onChange: (seconds: number) => void }) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        min={min}
        max={max}
        step={0.5}
        defaultValue={value}
        onChange={(e) => {
          const seconds = Number(e.target.value);
          if (e.target.value !== '' && seconds >= min && seconds <= max) onChange(seconds);
        }}
      />
    </label>
  );
}
