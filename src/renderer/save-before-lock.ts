// Work typed but not yet saved must reach the disk before the library locks (by the button or
// after idle minutes): every autosave registers its flush here, and locking awaits them all.
const flushes = new Set<() => Promise<void>>();

export function registerFlush(flush: () => Promise<void>): () => void {
  flushes.add(flush);
  return () => flushes.delete(flush);
}

export async function flushAll(): Promise<void> {
  await Promise.all([...flushes].map((flush) => flush()));
}
