// For tests: whether Debian's `age` command is here to check the files against (CI installs it).
import { execFileSync } from 'node:child_process';

export function hasAgeTool(): boolean {
  try {
    execFileSync('age', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
