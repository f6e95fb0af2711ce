// Keyboard actions and their default bindings, after the habits transcribers and translators
// bring from oTranscribe, ELAN and OmegaT. Every binding can be changed in Settings; foot pedals
// send ordinary keystrokes, so rebinding is all they need.

export const keyActions = [
  'player.playPause',
  'player.playSegment',
  'player.loopSegment',
  'player.back',
  'player.forward',
  'player.slower',
  'player.faster',
  'transcribe.split',
  'transcribe.splitAtCursor',
  'transcribe.mergeNext',
  'transcribe.mergePrevious',
  'transcribe.setStart',
  'transcribe.setEnd',
  'transcribe.nudgeStartEarlier',
  'transcribe.nudgeStartLater',
  'transcribe.nudgeEndEarlier',
  'transcribe.nudgeEndLater',
  'transcribe.cycleSpeaker',
  'transcribe.nextSegment',
  'transcribe.previousSegment',
  'transcribe.tagInaudible',
  'transcribe.tagCrosstalk',
  'transcribe.tagLaughs',
  'transcribe.tagPause',
  'transcribe.tagNeedsTranslation',
  'transcribe.tagRedacted',
  'transcribe.insertTimestamp',
  'transcribe.markSpokenName',
  'transcribe.acceptSpeaker',
  'edit.undo',
  'edit.redo',
  'translate.nextUntranslated',
  'translate.previousUntranslated',
  'translate.nextRow',
  'translate.previousRow',
  'translate.markReviewed',
  'translate.copySource',
  'translate.insertMatch',
  'translate.raiseQuery',
  'find.open',
  'find.replace',
  'help.shortcuts',
] as const;
export type KeyAction = (typeof keyActions)[number];

export const defaultKeymap: Record<KeyAction, string> = {
  'player.playPause': 'Escape',
  'player.playSegment': 'Ctrl+Space',
  'player.loopSegment': 'Ctrl+Shift+Space',
  'player.back': 'F1',
  'player.forward': 'F2',
  'player.slower': 'F3',
  'player.faster': 'F4',
  'transcribe.split': 'Enter',
  'transcribe.splitAtCursor': 'Ctrl+Shift+Enter',
  'transcribe.mergeNext': 'Ctrl+Shift+M',
  'transcribe.mergePrevious': 'Ctrl+Alt+M',
  'transcribe.setStart': 'F11',
  'transcribe.setEnd': 'F12',
  'transcribe.nudgeStartEarlier': 'Alt+ArrowLeft',
  'transcribe.nudgeStartLater': 'Alt+ArrowRight',
  'transcribe.nudgeEndEarlier': 'Alt+Shift+ArrowLeft',
  'transcribe.nudgeEndLater': 'Alt+Shift+ArrowRight',
  'transcribe.cycleSpeaker': 'Alt+S',
  'transcribe.nextSegment': 'Ctrl+ArrowDown',
  'transcribe.previousSegment': 'Ctrl+ArrowUp',
  'transcribe.tagInaudible': 'Alt+I',
  'transcribe.tagCrosstalk': 'Alt+C',
  'transcribe.tagLaughs': 'Alt+L',
  'transcribe.tagPause': 'Alt+P',
  'transcribe.tagNeedsTranslation': 'Alt+N',
  'transcribe.tagRedacted': 'Alt+R',
  'transcribe.insertTimestamp': 'Ctrl+J',
  // Pressed as a name is heard: the stretch just said is kept out of the published recording.
  'transcribe.markSpokenName': 'Alt+M',
  // Yes to the speaker Find speakers… proposes for this row.
  'transcribe.acceptSpeaker': 'Alt+Y',
  'edit.undo': 'Ctrl+Z',
  'edit.redo': 'Ctrl+Shift+Z',
  'translate.nextUntranslated': 'Ctrl+U',
  'translate.previousUntranslated': 'Ctrl+Shift+U',
  'translate.nextRow': 'Ctrl+ArrowDown',
  'translate.previousRow': 'Ctrl+ArrowUp',
  'translate.markReviewed': 'Ctrl+Enter',
  'translate.copySource': 'Ctrl+Shift+S',
  'translate.insertMatch': 'Ctrl+I',
  'translate.raiseQuery': 'Ctrl+Shift+Q',
  // As in every editor; Ctrl+H is Word's and VS Code's replace.
  'find.open': 'Ctrl+F',
  'find.replace': 'Ctrl+H',
  // F1 is oTranscribe's rewind; "?" outside a text field opens the sheet too.
  'help.shortcuts': 'Ctrl+/',
};

/** What people coming from other tools know these keys as, shown beside ours in the shortcut sheet. */
export const keyEquivalents: Partial<Record<KeyAction, string>> = {
  'player.playPause': 'oTranscribe: Esc',
  'player.back': 'oTranscribe: F1',
  'player.forward': 'oTranscribe: F2',
  'player.slower': 'oTranscribe: F3',
  'player.faster': 'oTranscribe: F4',
  'transcribe.insertTimestamp': 'oTranscribe: Ctrl+J',
  'transcribe.setStart': 'Subtitle Edit: set start (F11 in its waveform keys)',
  'transcribe.setEnd': 'Subtitle Edit: set end (F12 in its waveform keys)',
  'transcribe.split': 'oTranscribe: a new line with a timestamp',
  'translate.insertMatch': 'OmegaT: Ctrl+I (insert match)',
  'translate.copySource': 'OmegaT: Ctrl+Shift+I (insert source)',
  'find.open': 'Word, VS Code: Ctrl+F',
  'find.replace': 'Word, VS Code: Ctrl+H',
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

/**
 * A keystroke that goes to an input method (Korean is typed through one) rather than to the app:
 * while a syllable is being composed, or reported as key 229 / "Process" by the browser.
 */
export function isComposingKey(event: Pick<KeyEventLike, 'key' | 'isComposing' | 'keyCode'>): boolean {
  return event.isComposing === true || event.keyCode === 229 || event.key === 'Process';
}

/** "Ctrl+Shift+U" for a key event; null for a lone modifier or while an IME is composing. */
export function bindingOf(event: KeyEventLike): string | null {
  if (isComposingKey(event)) return null;
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

/** Which view an action belongs to: player, edit, find and help actions work in every view. */
export type KeyScope = 'transcribe' | 'translate';
const scopeOf = (action: KeyAction) => action.split('.')[0]!;
const EVERY_VIEW = ['player', 'edit', 'find', 'help'];
const inScope = (action: KeyAction, scope: KeyScope) => [...EVERY_VIEW, scope].includes(scopeOf(action));

/** The action bound to this key event in a view, if any. Never one during IME composition. */
export function actionFor(event: KeyEventLike, keymap: Record<KeyAction, string>, scope: KeyScope = 'translate'): KeyAction | null {
  const binding = bindingOf(event);
  if (!binding) return null;
  // The binding first: a plain letter typed into a row matches no action and costs one comparison each.
  return keyActions.find((action) => keymap[action] === binding && inScope(action, scope)) ?? null;
}

/** Actions that share a binding with another usable in the same view: Settings warns about them. */
export function conflictingActions(keymap: Record<KeyAction, string>): KeyAction[] {
  const shareView = (a: KeyAction, b: KeyAction) => scopeOf(a) === scopeOf(b) || [a, b].some((action) => EVERY_VIEW.includes(scopeOf(action)));
  return keyActions.filter((action) => keyActions.some((other) => other !== action && keymap[other] === keymap[action] && shareView(action, other)));
}
