/**
 * The front end's API layer: the typed client, its error type, the async status helpers, and the one
 * client instance the app uses (same-origin; Vite proxies /api in development).
 */
import { createApiClient } from './client';

export * from './types';
export * from './api-error';
export * from './async-status';
export * from './client';
export * from './latest-request';

/** The app's client, talking to the same origin that served the page. */
export const api = createApiClient();
