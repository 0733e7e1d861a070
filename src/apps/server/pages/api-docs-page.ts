import { html, type SafeHtml } from '../html.ts';
import { layout } from './layout.ts';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: { type?: string; enum?: unknown[]; default?: unknown; format?: string };
}

interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: Parameter[];
  responses?: Record<string, { description?: string; content?: Record<string, unknown> }>;
}

/** The parts of an OpenAPI document this page reads. */
export interface OpenApiDocument {
  info: { title: string; description?: string; version: string };
  paths?: Record<string, Record<string, Operation>>;
}

function typeOf(p: Parameter): string {
  const s = p.schema ?? {};
  if (s.enum) return s.enum.map(String).join(' | ');
  return [s.type ?? 'string', s.format].filter(Boolean).join(', ');
}

function operation(path: string, method: string, op: Operation): SafeHtml {
  const params = op.parameters ?? [];
  const responses = Object.entries(op.responses ?? {});
  return html`<section class="operation" id="${`${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, '-')}">
    <h3><span class="method">${method.toUpperCase()}</span> <code>${path}</code></h3>
    ${op.summary ? html`<p>${op.summary}</p>` : null}
    ${
      params.length > 0
        ? html`<div class="table-wrap">
            <table class="params">
              <thead>
                <tr>
                  <th scope="col">Parameter</th>
                  <th scope="col">In</th>
                  <th scope="col">Type</th>
                  <th scope="col">Description</th>
                </tr>
              </thead>
              <tbody>
                ${params.map(
                  (p) =>
                    html`<tr>
                      <td>
                        <code>${p.name}</code
                        >${p.required ? html` <span class="muted">required</span>` : null}
                      </td>
                      <td>${p.in}</td>
                      <td>
                        ${typeOf(p)}${p.schema?.default !== undefined ? html` <span class="muted">(default ${String(p.schema.default)})</span>` : null}
                      </td>
                      <td>${p.description ?? ''}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : null
    }
    <p class="responses">
      Responses:
      ${responses.map(([code, r], n) => html`${n > 0 ? ', ' : null}<strong>${code}</strong> ${Object.keys(r.content ?? {}).join(', ')}`)}
    </p>
  </section>`;
}

/** A readable page for the API, rendered from its OpenAPI document. */
export function apiDocsPage(doc: OpenApiDocument): SafeHtml {
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => operation(path, method, op)),
  );
  return layout({
    title: 'API',
    section: 'api',
    main: html`<h1>${doc.info.title} <span class="muted">v${doc.info.version}</span></h1>
      <p class="lead">${doc.info.description ?? ''}</p>
      <p>
        The machine-readable description is the <a href="/api/openapi.json">OpenAPI document</a>. Lists take
        the same filters as the <a href="/incidents">incident list</a>, and pages follow one another by the
        <code>next</code> cursor.
      </p>
      ${operations}`,
  });
}
