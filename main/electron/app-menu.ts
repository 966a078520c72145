/** The minimal application menu: File (windows, Quit), View (reload, zoom, dev tools in dev), Help (About). */
import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { WindowName } from './windows';

/** What the menu can do. */
export interface MenuActions {
  openWindow(name: WindowName): void;
  showAbout(): void;
}

/** Builds and installs the application menu. */
export function installAppMenu(actions: MenuActions, dev: boolean): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Environment Console', accelerator: 'CmdOrCtrl+1', click: () => actions.openWindow('console') },
        { label: 'Configuration Tool', accelerator: 'CmdOrCtrl+2', click: () => actions.openWindow('config-tool') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
      ],
    },
    // Edit roles keep copy/paste working in text fields (macOS needs them in the menu).
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { role: 'reload' },
        { type: 'separator' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'resetZoom' },
        ...(dev ? [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }] : []),
      ],
    },
    {
      label: '&Help',
      role: 'help',
      submenu: [{ label: `About ${app.getName()}`, click: () => actions.showAbout() }],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
