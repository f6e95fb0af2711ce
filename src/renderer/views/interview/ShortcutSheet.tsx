import { useTranslation } from '../../i18n/useTranslation';
import { keyActions, keyEquivalents, type KeyAction } from '../../../shared/keymap';
import { Modal } from '../../components/Modal';

const groups = ['player', 'transcribe', 'translate', 'edit', 'find', 'help'] as const;

/** Every keyboard action with the key it has now (rebindings included) and what other tools call it. */
export function ShortcutSheet({ keymap, onClose }: { keymap: Record<KeyAction, string>; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal title={t('shortcuts.title')} onCancel={onClose}>
      <div className="shortcut-sheet" data-testid="shortcut-sheet">
        <p className="field-hint">{t('shortcuts.hint')}</p>
        {groups.map((group) => (
          <section key={group}>
            <h3>{t(`shortcuts.groups.${group}`)}</h3>
            <table>
              <tbody>
                {keyActions
                  .filter((action) => action.startsWith(`${group}.`))
                  .map((action) => (
                    <tr key={action}>
                      <th scope="row">{t(`keymap.actions.${action}`)}</th>
                      <td>
                        <kbd>{keymap[action]}</kbd>
                      </td>
                      <td className="muted small">{keyEquivalents[action] ?? ''}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </section>
        ))}
        <div className="row">
          <button type="button" className="button" onClick={onClose}>
            {t('shortcuts.close')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
