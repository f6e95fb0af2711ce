import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn() } }));
const { applicationMenuTemplate } = await import('./menu');

describe('application menu', () => {
  it('keeps an Edit menu (copy, paste, IME) and drops developer tools in packaged builds', () => {
    const packaged = applicationMenuTemplate(true, 'linux').map((item) => item.role);
    expect(packaged).toEqual(['editMenu', 'windowMenu']);
    expect(applicationMenuTemplate(false, 'darwin').map((item) => item.role)).toEqual(['appMenu', 'editMenu', 'viewMenu', 'windowMenu']);
  });
});
