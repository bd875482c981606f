// Search tests pin ranking and filters on a known corpus: the seeded catalogue documents and trading
// notices. The other columns' demo content grows as columns are added, so it is taken out here.
import { PUBLICATION_COLLECTIONS } from '../../cloudfunctions/_lib/publication';
import type { DocumentStore } from '../../cloudfunctions/_lib/ports/store';

export async function keepDocumentsAndNoticesOnly(store: DocumentStore): Promise<void> {
  for (;;) {
    const others = await store.find(PUBLICATION_COLLECTIONS.searchIndex, { where: { kind: { $in: ['guide', 'interpretation', 'meeting', 'parcel', 'article', 'openDay', 'question'] } }, limit: 100 });
    if (others.length === 0) return;
    await store.transaction(async (tx) => {
      for (const doc of others) await tx.remove(PUBLICATION_COLLECTIONS.searchIndex, doc._id);
    });
  }
}
