import { useTranslation } from '../i18n/useTranslation';

export const MIN_PASSPHRASE_LENGTH = 8;

type Props = { passphrase: string; repeat: string; onPassphrase: (value: string) => void; onRepeat: (value: string) => void };

/** A new passphrase typed twice, and the warning that belongs beside it. */
export function NewPassphraseFields({ passphrase, repeat, onPassphrase, onRepeat }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <label className="field">
        <span>{t('gate.passphrase')}</span>
        <input type="password" autoComplete="new-password" value={passphrase} onChange={(e) => onPassphrase(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('gate.repeat')}</span>
        <input type="password" autoComplete="new-password" value={repeat} onChange={(e) => onRepeat(e.target.value)} />
      </label>
      <p className="warning small">{t('gate.lostWarning')}</p>
    </>
  );
}

/** Says why a new passphrase cannot be used yet, or null. */
export function useNewPassphraseCheck(): (passphrase: string, repeat: string) => string | null {
  const { t } = useTranslation();
  return (passphrase, repeat) => {
    if (passphrase.length < MIN_PASSPHRASE_LENGTH) return t('gate.tooShort', { count: MIN_PASSPHRASE_LENGTH });
    return passphrase === repeat ? null : t('gate.mismatch');
  };
}
