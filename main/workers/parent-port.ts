/** The minimal shape of an Electron MessagePortMain (declared here so no electron import is needed). */
interface ElectronMessagePort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  on(event: 'close', listener: () => void): void;
  start(): void;
}

/** The minimal shape of Electron's `process.parentPort` in a utility process (declared here so no electron import is needed). */
interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown; ports?: ElectronMessagePort[] }) => void): void;
}

/**
 * Set (to 'port') by Electron main's worker broker: the worker talks to its pool over a
 * MessagePort transferred through parentPort, not over parentPort itself, so compile jobs
 * go service → worker directly instead of hopping through main.
 */
export const PARENT_TRANSPORT_VARIABLE = 'CONFIG_TOOL_PARENT_TRANSPORT';

/** The worker's end of its link to the parent process. */
export interface ParentConnection {
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
}

/**
 * Connects a worker to its parent, under Electron's utilityProcess (`process.parentPort`, or a
 * port transferred through it) or under child_process.fork (`process.send`). The worker exits
 * when the parent goes away (fork) or its transferred port closes.
 */
export function connectToParent(): ParentConnection {
  const parentPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (parentPort && process.env[PARENT_TRANSPORT_VARIABLE] === 'port') return connectThroughTransferredPort(parentPort);
  if (parentPort) {
    return {
      send: (message) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
    };
  }
  if (typeof process.send === 'function') {
    process.on('disconnect', () => process.exit(0));
    return {
      send: (message) => {
        // The parent can die between the check and the write: the callback takes the EPIPE
        // (which would otherwise crash the worker with a stack trace), and the worker leaves.
        if (process.connected)
          process.send!(message, undefined, {}, (error) => {
            if (!error) return;
            if ((error as NodeJS.ErrnoException).code === 'EPIPE' || !process.connected) process.exit(0);
            process.stderr.write(`worker: could not send a message to its parent: ${error.message}\n`);
          });
      },
      onMessage: (listener) => process.on('message', listener),
    };
  }
  throw new Error('This worker must be started by the Configuration Tool (no parent process channel)');
}

/** Waits for the first parentPort message carrying a port, then uses that port; earlier sends are held until then. */
function connectThroughTransferredPort(parentPort: ElectronParentPort): ParentConnection {
  let port: ElectronMessagePort | undefined;
  const pending: unknown[] = [];
  const listeners: ((message: unknown) => void)[] = [];
  parentPort.on('message', (event) => {
    const transferred = event.ports?.[0];
    if (port || !transferred) return;
    port = transferred;
    port.on('message', (portEvent) => {
      for (const listener of listeners) listener(portEvent.data);
    });
    // The pool's end is gone (its service process died or killed us): nothing left to work for.
    port.on('close', () => process.exit(0));
    port.start();
    for (const message of pending.splice(0)) port.postMessage(message);
  });
  return {
    send: (message) => {
      if (port) port.postMessage(message);
      else pending.push(message);
    },
    onMessage: (listener) => {
      listeners.push(listener);
    },
  };
}
