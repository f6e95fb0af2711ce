// A watcher process for a forked speech worker: polls its parent and the worker, and kills the
// worker once the parent is gone (dead, or the worker adopted by another process), then exits;
// it also exits when the worker does. It needs nothing from the worker's own threads, which
// whisper.cpp may be holding. A plain Node process of ~40 MB, alive only while a draft runs.
import { spawn } from 'node:child_process';

/** Runs in the watcher: `node -e WATCH parentPid workerPid`. */
const WATCH = `
const [parent, worker] = process.argv.slice(1).map(Number);
const fs = require('node:fs');
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (error) { return error.code === 'EPERM'; } };
// On Linux the worker's own record says who its parent is now: a killed parent that is not yet
// reaped still answers kill(pid, 0), but the worker has already been handed to another process.
const adopted = () => { try { return Number(/^PPid:\\s+(\\d+)/m.exec(fs.readFileSync('/proc/' + worker + '/status', 'utf8'))[1]) !== parent; } catch { return false; } };
setInterval(() => {
  if (!alive(worker)) process.exit(0);
  if (!alive(parent) || adopted()) { try { process.kill(worker, 'SIGKILL'); } catch {} process.exit(0); }
}, 100);
`;

export function startOrphanWatch(): void {
  const watcher = spawn(process.execPath, ['-e', WATCH, String(process.ppid), String(process.pid)], {
    stdio: 'ignore',
    // Electron's binary runs as plain Node only when asked (the command line runs under Node already).
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  watcher.unref();
}
