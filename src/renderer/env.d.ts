import type { DeskApi } from '../shared/contract';

declare global {
  interface Window {
    /** Built by the preload (Electron) or the test bridge: the renderer cannot tell which. */
    readonly desk: DeskApi;
  }
}
