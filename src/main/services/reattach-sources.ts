import { notice } from '../store/reattach';
import type { Store } from '../store/repository';
import { importDocument } from './import-document';

/**
 * Reads again each source file that no report names (Store.unattachedSources: an import stopped before
 * its report was written, or a report file lost with the index) and re-attaches it as a report, so the
 * store never knows less than its folder holds. Its original file name is gone (sources are stored by
 * sha256), so it is named `recovered-<sha256 prefix>`; the banner says what happened to each.
 */
export async function reattachSources(store: Store): Promise<void> {
  for (const sha of store.unattachedSources.splice(0)) {
    const file = store.layout.source(sha);
    try {
      const bytes = await store.readSource(sha);
      const outcome = await importDocument(store, `recovered-${sha.slice(0, 12)}`, bytes);
      store.recovered.push(notice(store.layout, file, 'reimported', `no report named this source file; it was read again and re-attached as the report "${outcome.title}"`));
    } catch (error) {
      store.recovered.push(notice(store.layout, file, 'left', `no report named this source file, and it could not be read again (${(error as Error).message}); it was left where it is`));
    }
  }
}
