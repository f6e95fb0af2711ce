// The application menu. Packaged builds get no developer tools and no default menu, but keep an
// Edit menu: on macOS, copy, paste, undo and the Korean input method's shortcuts go through it.
import { Menu, type MenuItemConstructorOptions } from 'electron';

export function applicationMenuTemplate(isPackaged: boolean, platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [];
  if (platform === 'darwin') template.push({ role: 'appMenu' });
  template.push({ role: 'editMenu' });
  if (!isPackaged) template.push({ role: 'viewMenu' }); // reload and developer tools while developing
  template.push({ role: 'windowMenu' });
  return template;
}

export function installApplicationMenu(isPackaged: boolean): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(isPackaged)));
}
