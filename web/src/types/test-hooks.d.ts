// Globals the app exposes for end-to-end tests (see GraphCanvas.svelte). Not part of any public API.
import type cytoscape from 'cytoscape';

declare global {
  interface Window {
    /** Test hook: the live Cytoscape instance of the graph canvas, set on mount and removed on teardown. */
    __cy?: cytoscape.Core;
  }
}

export {};
