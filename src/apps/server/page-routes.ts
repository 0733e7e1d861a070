import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, listQuery } from './api-schemas.ts';
import type { SafeHtml } from './html.ts';
import { notFound } from './http-errors.ts';
import { filterOf, listIncidents } from './incident-query.ts';
import { incidentView, reportView, summaryOf, type ViewContext } from './incident-view.ts';
import { apiDocsPage, type OpenApiDocument } from './pages/api-docs-page.ts';
import { incidentListPage } from './pages/incident-list-page.ts';
import { analystTools } from './pages/analyst-tools.ts';
import { incidentPage } from './pages/incident-page.ts';
import { belligerentColour } from './map-colours.ts';
import { timelineChart } from './pages/timeline-chart.ts';
import { methodologyPage } from './pages/methodology-page.ts';
import { reportPage } from './pages/report-page.ts';

function sendPage(reply: FastifyReply, page: SafeHtml): FastifyReply {
  return reply.type('text/html; charset=utf-8').send(page.value);
}

/** Extensions for the original bytes by media type; anything else downloads as .bin. */
const EXTENSIONS: Record<string, string> = {
  'text/plain': 'txt',
  'text/html': 'html',
  'application/json': 'json',
  'application/x-ndjson': 'jsonl',
  'text/csv': 'csv',
};

export function registerPageRoutes(app: FastifyInstance, ctx: ViewContext): void {
  const pages = app.withTypeProvider<ZodTypeProvider>();
  const list = { schema: { hide: true, querystring: listQuery } };
  for (const url of ['/', '/incidents'])
    pages.get(url, list, async (request, reply) => {
      const [page, months] = await Promise.all([
        listIncidents(ctx, request.query),
        ctx.stores.incidents.monthly(filterOf(request.query)),
      ]);
      return sendPage(
        reply,
        incidentListPage({
          query: request.query,
          items: page.items.map(summaryOf),
          total: page.total,
          next: page.next,
          labels: ctx.labels,
          timeline: timelineChart(months, belligerentColour),
        }),
      );
    });
  pages.get('/incidents/:id', { schema: { hide: true, params: idParams } }, async (request, reply) => {
    const view = await incidentView(ctx, request.params.id);
    if (!view) throw notFound(`There is no incident ${request.params.id}.`, 'id');
    return sendPage(
      reply,
      incidentPage(view, ctx.labels, analystTools(view, request.account), ctx.tiles ?? null),
    );
  });
  pages.get('/reports/:id', { schema: { hide: true, params: idParams } }, async (request, reply) => {
    const view = await reportView(ctx.stores, request.params.id);
    if (!view) throw notFound(`There is no report ${request.params.id}.`, 'id');
    return sendPage(reply, reportPage(view));
  });
  pages.get('/reports/:id/original', { schema: { hide: true, params: idParams } }, async (request, reply) => {
    const report = await ctx.stores.reports.get(request.params.id);
    const bytes = report ? await ctx.stores.reports.bytes(report.id) : null;
    if (!report || !bytes) throw notFound(`There is no report ${request.params.id}.`, 'id');
    const mediaType = report.mediaType.split(';')[0]!.trim().toLowerCase();
    const extension = EXTENSIONS[mediaType] ?? 'bin';
    // Archived pages are untrusted: never rendered by the browser, only saved (plain text stays readable).
    return reply
      .type(mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : 'application/octet-stream')
      .header(
        'content-disposition',
        `attachment; filename="report-${report.id}-v${report.version}.${extension}"`,
      )
      .header('content-security-policy', "sandbox; default-src 'none'")
      .send(Buffer.from(bytes));
  });
  pages.get('/methodology', { schema: { hide: true } }, (_request, reply) =>
    sendPage(reply, methodologyPage()),
  );
  pages.get('/api/docs', { schema: { hide: true } }, (_request, reply) =>
    sendPage(reply, apiDocsPage(app.swagger() as unknown as OpenApiDocument)),
  );
}
