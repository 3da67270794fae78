/**
 * Loads the fCoSE layout extension on first need. fCoSE (with cose-base and layout-base, 122 kB
 * minified, 32 kB gzip) lays out only small graphs (layout.ts, WORKER_LAYOUT_MIN_NODES); the
 * overview and other big graphs go to the d3-force worker. Imported and registered when the module
 * loaded, it was parsed on every first visit, before the overview's 5,000 elements could be drawn
 * (issue #8). Now the first small graph asks for it: the canvas waits for the extension, then runs
 * the layout, and falls back to the worker's layout where it cannot be loaded (GraphCanvas).
 */
import cytoscape from 'cytoscape';

/** A dynamic import of a Cytoscape extension module. */
export type ExtensionImport = () => Promise<{ default: cytoscape.Ext }>;

/** One Cytoscape extension loaded on demand and registered once. */
export interface ExtensionLoader {
  /**
   * Resolves once the extension is registered; callers while it loads share one import. A failed
   * import rejects, and the next call tries again (a network blip need not cost the page fCoSE).
   */
  load(): Promise<void>;
  /** Whether the extension is registered, so a layout can run at once, in the same task. */
  readonly loaded: boolean;
}

/**
 * A loader of the extension `importer` brings; `register` is Cytoscape's `use` (replaced in tests).
 */
export function extensionLoader(
  importer: ExtensionImport,
  register: (extension: cytoscape.Ext) => void = (extension) => cytoscape.use(extension),
): ExtensionLoader {
  let loading: Promise<void> | undefined;
  let loaded = false;
  return {
    load() {
      loading ??= importer().then(
        (module) => {
          register(module.default);
          loaded = true;
        },
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
    get loaded() {
      return loaded;
    },
  };
}

/** The fCoSE extension, in a chunk of its own (`graph-layout`, web/vite.config.ts). */
export const fcoseLoader = extensionLoader(() => import('cytoscape-fcose'));
