import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../shared/contract';
import { interfaceLanguages, type Settings } from '../../shared/settings';

type Props = { settings: Settings; info: AppInfo | null; onChange: (patch: Partial<Settings>) => Promise<void> };

export function SettingsView({ settings, info, onChange }: Props) {
  const { t } = useTranslation();
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
