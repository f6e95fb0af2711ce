// Starting a speech worker. The main side only needs to send, hear back, learn of the
// process's end and kill it; how the process is made differs between Electron (utilityProcess,
// so no Node-in-Electron binary is needed) and plain Node (child_process.fork).
import { fork } from 'node:child_process';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

export type WorkerProcess = {
  readonly pid: number | undefined;
  send(request: WorkerRequest): void;
  onReply(listener: (reply: WorkerReply) => void): void;
  /** Called once when the process has ended, however it ended. */
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  kill(): void;
};

export type WorkerSpawner = (entry: string) => WorkerProcess;

/** A forked Node process; typed arrays cross as they are ("advanced" serialisation). */
export const forkWorker: WorkerSpawner = (entry) => {
  const child = fork(entry, [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
  return {
    get pid() {
      return child.pid;
    },
    send: (request) => {
      if (child.connected) child.send(request);
    },
    onReply: (listener) => child.on('message', (message) => listener(message as WorkerReply)),
    onExit: (listener) => child.once('exit', (code, signal) => listener(code, signal)),
    kill: () => {
      child.kill('SIGKILL');
    },
  };
};
