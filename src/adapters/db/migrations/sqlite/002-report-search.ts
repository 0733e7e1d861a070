import { statements, type Migration } from '../migration.ts';

const STATEMENTS = [
  `CREATE VIRTUAL TABLE reports_fts USING fts5(
    title, text, content='reports', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
  )`,
  `INSERT INTO reports_fts (rowid, title, text) SELECT id, coalesce(title, ''), text FROM reports`,
  `CREATE TRIGGER reports_fts_insert AFTER INSERT ON reports BEGIN
    INSERT INTO reports_fts (rowid, title, text) VALUES (new.id, coalesce(new.title, ''), new.text);
  END`,
  `CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports BEGIN
    INSERT INTO reports_fts (reports_fts, rowid, title, text)
      VALUES ('delete', old.id, coalesce(old.title, ''), old.text);
  END`,
  `CREATE TRIGGER reports_fts_update AFTER UPDATE OF title, text ON reports BEGIN
    INSERT INTO reports_fts (reports_fts, rowid, title, text)
      VALUES ('delete', old.id, coalesce(old.title, ''), old.text);
    INSERT INTO reports_fts (rowid, title, text) VALUES (new.id, coalesce(new.title, ''), new.text);
  END`,
];

/** Full-text search over report titles and texts (FTS5, kept in step by triggers). */
export const reportSearch: Migration = statements(2, 'report-search', STATEMENTS);
