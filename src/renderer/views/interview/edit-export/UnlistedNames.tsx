// The review of names nobody listed, shown before an export is written: each name can be
// redacted (it becomes a redaction entry) or allowed for this interview, with one key.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from '../../../i18n/useTranslation';
import type { ChannelResult } from '../../../../shared/contract';
import type { Interview } from '../../../../shared/interview';
import { guessRedactionKind, isKorean } from '../../../../shared/redaction/index';
import { newId } from '../../../new-id';
import { isImeKeystroke } from '../../../ime';

export type UnlistedName = ChannelResult<'export.review'>['unlisted'][number];

type Props = {
  names: UnlistedName[];
  interview: Interview;
  onChange: (next: Interview) => void;
  onRemaining: (names: UnlistedName[]) => void;
  /** Called once every name was redacted or allowed: the export goes on. */
  onDone: () => void;
};

export function UnlistedNames({ names, interview, onChange, onRemaining, onDone }: Props) {
  const { t } = useTranslation();
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    list.current?.querySelector<HTMLElement>('li')?.focus();
  }, [names.length]);

  const settle = (name: UnlistedName, next: Interview) => {
    onChange(next);
    const remaining = names.filter((item) => item !== name);
    onRemaining(remaining);
    // The parent saves before it exports again, so the new entry is in the file the check reads.
    if (remaining.length === 0) setTimeout(onDone, 0);
  };
  const redact = (name: UnlistedName) => {
    const korean = isKorean(name.name);
    settle(name, {
      ...interview,
      redactions: [
        ...interview.redactions,
        {
          id: newId('red'),
          kind: korean ? guessRedactionKind(name.name) : name.name.includes(' ') ? 'person' : 'other',
          korean: korean ? [name.name] : [],
          english: korean ? [] : [name.name],
          rejected: [],
          replacementKo: '[비공개]',
          replacementEn: '[redacted]',
          reason: t('unlisted.reason'),
        },
      ],
    });
  };
  const allow = (name: UnlistedName) => settle(name, { ...interview, allowedNames: [...interview.allowedNames, name.name] });

  const onKey = (event: KeyboardEvent<HTMLLIElement>, name: UnlistedName) => {
    if (isImeKeystroke(event) || event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === 'r') redact(name);
    else if (key === 'a') allow(name);
    else return;
    event.preventDefault();
  };

  return (
    <div className="banner banner-warning unlisted-names" role="region" aria-label={t('unlisted.title', { count: names.length })} data-testid="unlisted-names">
      <strong>{t('unlisted.title', { count: names.length })}</strong>
      <p className="small">{t('unlisted.hint')}</p>
      <ul ref={list}>
        {names.map((name) => (
          <li key={name.name} tabIndex={0} data-testid="unlisted-name" onKeyDown={(event) => onKey(event, name)}>
            <span className="name" lang={name.script === 'hangul' ? 'ko' : 'en'}>
              {name.name}
            </span>
            <span className="muted small">{t('unlisted.count', { count: name.count })}</span>
            <button type="button" className="button small" onClick={() => redact(name)} title={t('unlisted.redactKey')}>
              {t('unlisted.redact')}
            </button>
            <button type="button" className="button small" onClick={() => allow(name)} title={t('unlisted.allowKey')}>
              {t('unlisted.allow')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
