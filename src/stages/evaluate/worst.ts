/** The documents with the most errors, so that errors can be read. */

export interface DocumentErrors {
  dataset: string;
  id: string;
  errors: number;
  problems: string[];
}

/** The n documents with the most errors (ties by dataset, then id); error-free documents never appear. */
export function worstDocuments(docs: DocumentErrors[], n: number): DocumentErrors[] {
  return docs
    .filter((d) => d.errors > 0)
    .sort((a, b) => b.errors - a.errors || a.dataset.localeCompare(b.dataset) || a.id.localeCompare(b.id))
    .slice(0, Math.max(0, n));
}
