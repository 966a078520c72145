import { create } from 'zustand';

/** The browser socket's state; always 'open' under Electron. */
export const useConnectionStore = create<{ state: 'connecting' | 'open' | 'closed' }>(() => ({ state: 'open' }));
