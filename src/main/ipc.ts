// Wires every contract channel to dispatch(), after checking the call comes from our own page.
import { ipcMain, type WebContents } from 'electron';
import { channelNames, EVENT_CHANNEL } from '../shared/channels';
import type { Outcome } from '../shared/contract';
import { dispatch } from './services/dispatch';
import type { EventSink, Handlers } from './services/handlers';
import { isTrustedSenderUrl } from './security-policy';

export function registerIpc(handlers: Handlers, appOrigin: string): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event, args): Promise<Outcome<unknown>> => {
      if (!isTrustedSenderUrl(event.senderFrame?.url, appOrigin)) {
        return { ok: false, error: { code: 'invalid-input', message: 'Refused a request from an unknown page.' } };
      }
      return dispatch(handlers, channel, args);
    });
  }
}

/** Main → renderer events go to every window showing the app. */
export function eventSinkFor(allContents: () => WebContents[]): EventSink {
  return (event, payload) => {
    for (const contents of allContents()) contents.send(EVENT_CHANNEL, event, payload);
  };
}
