import { html, type SafeHtml } from '../html.ts';

export type Section = 'incidents' | 'map' | 'methodology' | 'api';

const NAV: [Section, string, string][] = [
  ['incidents', '/incidents', 'Incidents'],
  ['map', '/map', 'Map'],
  ['methodology', '/methodology', 'Methodology'],
  ['api', '/api/docs', 'API'],
];

/** A whole page: header with navigation, the main content, footer; styles from /assets only. */
export function layout(page: {
  title: string;
  main: SafeHtml;
  section?: Section;
  /** The map's stylesheet and script (an external file: the CSP allows no inline script). */
  map?: boolean;
}): SafeHtml {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${page.title} · strikewatch</title>
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/assets/site.css" />
        ${page.map ? html`<link rel="stylesheet" href="/assets/map.css" /><script src="/assets/map.js" defer></script>` : null}
      </head>
      <body>
        <header class="site-header">
          <a class="brand" href="/incidents">strikewatch</a>
          <nav aria-label="Main">
            ${NAV.map(
              ([section, href, label]) =>
                html`<a href="${href}" ${section === page.section ? html` aria-current="page"` : null}
                  >${label}</a
                >`,
            )}
          </nav>
        </header>
        <main>${page.main}</main>
        <footer class="site-footer">
          <p>
            Every figure links to the reports it comes from. Grades and statuses are explained in the
            <a href="/methodology">methodology</a>.
          </p>
          <p><a href="/login">Analyst login</a></p>
        </footer>
      </body>
    </html> `;
}
