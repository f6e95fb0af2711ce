import type { EventName } from '../../shared/channels';
import type { EventPayload } from '../../shared/contract';

/** Pushes an event to the window (IPC in Electron, page.evaluate in the test bridge). */
export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void;
