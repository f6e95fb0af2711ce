import { describe, expect, it } from 'vitest';
import { interviewFolder, resolveInside } from './data-paths';

describe('paths resolved on the main side', () => {
  it('stay inside the data folder', () => {
    expect(resolveInside('/data', 'interviews', 'abc')).toBe('/data/interviews/abc');
    expect(() => resolveInside('/data', '..', 'etc')).toThrow(/outside/);
    expect(() => resolveInside('/data', '/etc/passwd')).toThrow(/outside/);
    expect(() => resolveInside('/data')).toThrow(/outside/);
  });

  it('come only from valid ids', () => {
    expect(interviewFolder('/data', 'abc-123')).toBe('/data/interviews/abc-123');
    for (const id of ['..', '../x', 'ABC', 'a/b', '', 'x'.repeat(80)]) expect(() => interviewFolder('/data', id)).toThrow();
  });
});
