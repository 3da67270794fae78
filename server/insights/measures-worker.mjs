// Entry of the network-measures worker thread (network-measures-off-thread.ts). A worker does not
// inherit the TypeScript loader the server runs under (tsx), so it registers one before loading
// the task; plain JavaScript, so Node can start it as is.
import { register } from 'tsx/esm/api';

register();
await import('./measures-worker-task.ts');
