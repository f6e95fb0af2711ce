// Builds `window.desk` from the contract's channel list: one invoke per channel, plus events.
// Nothing else crosses into the page.
import { contextBridge, ipcRenderer } from 'electron';
import { channelNames, EVENT_CHANNEL } from '../shared/channels';
import { buildDeskApi } from '../shared/desk-api';

const desk = buildDeskApi(
  channelNames,
  (channel, args) => ipcRenderer.invoke(channel, args),
  (event, listener) => {
    const relay = (_ipcEvent: unknown, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, relay);
  },
);

contextBridge.exposeInMainWorld('desk', desk);
