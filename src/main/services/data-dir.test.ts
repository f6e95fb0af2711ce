import { describe, expect, it } from 'vitest';
import { chooseDataDir } from './data-dir';

describe('chooseDataDir', () => {
  it('prefers --data-dir, then TESTIMONY_DATA_DIR, then the OS folder', () => {
    expect(chooseDataDir(['electron', '.', '--data-dir', '/a'], { TESTIMONY_DATA_DIR: '/b' }, '/c')).toBe('/a');
    expect(chooseDataDir(['--data-dir=/a2'], {}, '/c')).toBe('/a2');
    expect(chooseDataDir(['electron', '.'], { TESTIMONY_DATA_DIR: '/b' }, '/c')).toBe('/b');
    expect(chooseDataDir(['electron', '.'], { TESTIMONY_DATA_DIR: '  ' }, '/c')).toBe('/c');
    expect(chooseDataDir(['--data-dir'], {}, '/c')).toBe('/c');
  });
});
