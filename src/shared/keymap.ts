// Keyboard actions and their default bindings, after the habits transcribers and translators
// bring from oTranscribe, ELAN and OmegaT. Every binding can be changed in Settings; foot pedals
// send ordinary keystrokes, so rebinding is all they need.

export const keyActions = [
  'player.playPause',
  'player.playSegment',
  'player.loopSegment',
  'player.back',
  'player.forward',
  'translate.nextUntranslated',
  'translate.previousUntranslated',
  'translate.nextRow',
  'translate.previousRow',
  'translate.markReviewed',
  'translate.copySource',
  'translate.insertMatch',
  'translate.raiseQuery',
] as const;
export type KeyAction = (typeof keyActions)[number];

export const defaultKeymap: Record<KeyAction, string> = {
  'player.playPause': 'Escape',
  'player.playSegment': 'Ctrl+Space',
  'player.loopSegment': 'Ctrl+Shift+Space',
  'player.back': 'F1',
  'player.forward': 'F2',
  'translate.nextUntranslated': 'Ctrl+U',
  'translate.previousUntranslated': 'Ctrl+Shift+U',
  'translate.nextRow': 'Ctrl+ArrowDown',
  'translate.previousRow': 'Ctrl+ArrowUp',
  'translate.markReviewed': 'Ctrl+Enter',
  'translate.copySource': 'Ctrl+Shift+S',
  'translate.insertMatch': 'Ctrl+I',
  'translate.raiseQuery': 'Ctrl+Shift+Q',
};

export type KeyEventLike = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  isComposing?: boolean;
  keyCode?: number;
};

const MODIFIER_KEYS = new Set(['Control', 'Meta', 'Alt', 'Shift', 'AltGraph', 'CapsLock']);

/** "Ctrl+Shift+U" for a key event; null for a lone modifier or while an IME is composing. */
export function bindingOf(event: KeyEventLike): string | null {
  // 229 is what browsers report for keys that go to an input method (Korean is typed that way).
  if (event.isComposing || event.keyCode === 229 || event.key === 'Process') return null;
  if (MODIFIER_KEYS.has(event.key)) return null;
  const key = event.key === ' ' ? 'Space' : event.key.length === 1 ? event.key.toUpperCase() : event.key;
  return [event.ctrlKey || event.metaKey ? 'Ctrl' : '', event.altKey ? 'Alt' : '', event.shiftKey ? 'Shift' : '', key].filter(Boolean).join('+');
}

export function effectiveKeymap(overrides: Readonly<Record<string, string>>): Record<KeyAction, string> {
  const keymap = { ...defaultKeymap };
  for (const action of keyActions) {
    const binding = overrides[action];
    if (binding) keymap[action] = binding;
  }
  return keymap;
}

/** The action bound to this key event, if any. Never one during IME composition. */
export function actionFor(event: KeyEventLike, keymap: Record<KeyAction, string>): KeyAction | null {
  const binding = bindingOf(event);
  if (!binding) return null;
  return keyActions.find((action) => keymap[action] === binding) ?? null;
}

/** Actions that share a binding with another: the Settings screen warns about them. */
export function conflictingActions(keymap: Record<KeyAction, string>): KeyAction[] {
  return keyActions.filter((action) => keyActions.some((other) => other !== action && keymap[other] === keymap[action]));
}
