/** DEV ONLY: installs the fake API, then starts the real renderer. */
import './fake-config-tool';
import '../src/main';
