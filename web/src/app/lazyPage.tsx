import { type ComponentType, lazy, type ReactElement, Suspense } from 'react';
import { Loading } from '../components/Loading.js';

const reloadedKey = 'mg.reloadedForChunk';

/** sessionStorage, or nothing where the browser refuses it. */
function session(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/**
 * A page open since before a deploy names chunks that are gone: load the new index.html, once
 * (a second failure in a row is a real error).
 */
async function loadOrReload<T>(load: () => Promise<T>): Promise<T> {
  try {
    const module = await load();
    session()?.removeItem(reloadedKey);
    return module;
  } catch (error) {
    const storage = session();
    if (!storage || storage.getItem(reloadedKey)) throw error;
    storage.setItem(reloadedKey, '1');
    window.location.reload();
    return new Promise<T>(() => {});
  }
}

/**
 * A route element whose code is fetched on first use (its own chunk): the app's Loading shows
 * meanwhile. `load` is a literal `() => import('…')` so that the bundler splits there.
 */
export function lazyPage<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
  { fullPage = false }: { fullPage?: boolean } = {},
): ReactElement {
  const Page = lazy(
    async (): Promise<{ default: ComponentType }> => ({
      default: (await loadOrReload(load))[name],
    }),
  );
  return (
    <Suspense fallback={<Loading fullPage={fullPage} />}>
      <Page />
    </Suspense>
  );
}
