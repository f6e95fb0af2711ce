// Speech workers in the app run as Electron utility processes: a Node environment of their own
// that Electron starts without needing a separate Node binary, killed to cancel a draft.
import { utilityProcess } from 'electron';
import type { WorkerSpawner } from './services/speech/worker-process';
import type { WorkerReply } from './services/speech/worker-protocol';

export const spawnUtilityWorker: WorkerSpawner = (entry) => {
  const child = utilityProcess.fork(entry, [], { serviceName: 'Testimony Desk speech draft', stdio: 'ignore' });
  return {
    get pid() {
      return child.pid;
    },
    send: (request) => child.postMessage(request),
    onReply: (listener) => child.on('message', (message: unknown) => listener(message as WorkerReply)),
    onExit: (listener) => child.once('exit', (code: number) => listener(code, null)),
    kill: () => {
      child.kill();
    },
  };
};
