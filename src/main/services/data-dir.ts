/**
 * Which folder holds the library: `--data-dir DIR` (or `--data-dir=DIR`) wins, then the
 * TESTIMONY_DATA_DIR environment variable, then the operating system's user-data folder.
 */
export function chooseDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, osDefault: string): string {
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === '--data-dir' && argv[index + 1]) return argv[index + 1]!;
    if (arg.startsWith('--data-dir=') && arg.length > '--data-dir='.length) return arg.slice('--data-dir='.length);
  }
  const fromEnv = env.TESTIMONY_DATA_DIR?.trim();
  return fromEnv ? fromEnv : osDefault;
}
