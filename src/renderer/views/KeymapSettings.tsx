import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import { bindingOf, conflictingActions, effectiveKeymap, keyActions, type KeyAction } from '../../shared/keymap';
import type { Settings } from '../../shared/settings';
import { isImeKeystroke } from '../ime';

type Props = { keymap: Settings['keymap']; onChange: (keymap: Settings['keymap']) => Promise<void> };

/** Every shortcut, rebindable by pressing the new keys. */
export function KeymapSettings({ keymap: overrides, onChange }: Props) {
  const { t } = useTranslation();
  const [capturing, setCapturing] = useState<KeyAction | null>(null);
  const keymap = effectiveKeymap(overrides);
  const conflicts = new Set(conflictingActions(keymap));

  const capture = (event: KeyboardEvent) => {
    if (!capturing || isImeKeystroke(event)) return;
    const binding = bindingOf(event.nativeEvent);
    if (!binding) return; // a lone modifier, or an IME composing: keep listening
    event.preventDefault();
    const action = capturing;
    setCapturing(null);
    void onChange({ ...overrides, [action]: binding });
  };

  const reset = (action: KeyAction) => {
    const next = { ...overrides };
    delete next[action];
    void onChange(next);
  };

  return (
    <section className="settings-group keymap">
      <h2>{t('keymap.title')}</h2>
      <p className="field-hint">{t('keymap.hint')}</p>
      <table className="grid compact" data-testid="keymap">
        <thead>
          <tr>
            <th>{t('keymap.action')}</th>
            <th>{t('keymap.keys')}</th>
            <th aria-label="actions" />
          </tr>
        </thead>
        <tbody>
          {keyActions.map((action) => (
            <tr key={action}>
              <td>{t(`keymap.actions.${action}`)}</td>
              <td>
                {capturing === action ? (
                  <button type="button" className="button small capture" autoFocus onKeyDown={capture} onClick={() => setCapturing(null)}>
                    {t('keymap.pressKeys')}
                  </button>
                ) : (
                  <kbd className={conflicts.has(action) ? 'conflict' : undefined} title={conflicts.has(action) ? t('keymap.conflict') : undefined}>
                    {keymap[action]}
                  </kbd>
                )}
              </td>
              <td className="actions">
                <button type="button" className="button small" aria-label={`${t('keymap.change')}: ${t(`keymap.actions.${action}`)}`} onClick={() => setCapturing(action)}>
                  {t('keymap.change')}
                </button>
                {overrides[action] && (
                  <button type="button" className="link small" onClick={() => reset(action)}>
                    {t('keymap.reset')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
