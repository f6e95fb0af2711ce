// The installers cannot be built on the build machines (Electron's binaries are out of reach),
// so this checks what the packaging configuration promises: targets, unpacked native parts,
// no publishing, and the fuses flipped after packing.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
const config = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8'));
const afterPack = createRequire(__filename)(join(root, 'scripts/after-pack.cjs'));
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('installers (electron-builder)', () => {
  it('build a dmg, an NSIS installer, an AppImage and a deb with `npm run dist`', () => {
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(packageJson.scripts.dist).toBe('electron-vite build && electron-builder --config electron-builder.json');
  });

  it('keep native modules and resources outside the archive, and never publish or update over the network', () => {
    expect(config.asar).toBe(true);
    for (const part of ['resources/**', 'node_modules/sherpa-onnx-node/**', 'node_modules/@ffmpeg-installer/**']) expect(config.asarUnpack).toContain(part);
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'resources/**']));
    expect(config.publish).toBeNull();
  });

  it('flip the fuses after packing: no Node mode, no inspector, no NODE_OPTIONS, asar only and checked, cookies encrypted', () => {
    expect(config.afterPack).toBe('scripts/after-pack.cjs');
    expect(afterPack.fuses).toEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('find the Electron binary the fuses live in, on each platform', () => {
    const context = (platform: string) => ({ appOutDir: '/out', electronPlatformName: platform, packager: { appInfo: { productFilename: 'Testimony Desk' }, executableName: 'testimony-desk' } });
    expect(afterPack.electronBinary(context('darwin'))).toBe(join('/out', 'Testimony Desk.app'));
    expect(afterPack.electronBinary(context('win32'))).toBe(join('/out', 'Testimony Desk.exe'));
    expect(afterPack.electronBinary(context('linux'))).toBe(join('/out', 'testimony-desk'));
  });
});
