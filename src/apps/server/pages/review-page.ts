import type { Account } from '../analyst-auth.ts';
import { html, type SafeHtml } from '../html.ts';
import { incidentCode } from '../incident-view.ts';
import type { ReviewItem } from '../../../pipeline/review-queue.ts';
import { accountBar } from './analyst-tools.ts';
import { formatTimestamp } from './format.ts';
import { layout } from './layout.ts';

/** The review queue: incidents that need an analyst's look, oldest first, each with its reasons. */
export function reviewQueuePage(queue: { items: ReviewItem[]; total: number }, account: Account): SafeHtml {
  return layout({
    title: 'Review queue',
    main: html`<h1>Review queue</h1>
      ${accountBar(account)}
      <p class="count">
        ${
          queue.total === 0
            ? 'Nothing waits for review.'
            : `${queue.total} incident${queue.total === 1 ? '' : 's'} to review, oldest first${queue.items.length < queue.total ? ` (the first ${queue.items.length} shown)` : ''}.`
        }
        An incident leaves the queue when an analyst acts on it, and comes back when it changes.
      </p>
      ${
        queue.items.length === 0
          ? null
          : html`<div class="table-wrap">
            <table class="incidents review">
              <thead>
                <tr>
                  <th scope="col">Incident</th>
                  <th scope="col">Date</th>
                  <th scope="col">Place</th>
                  <th scope="col">In the record since</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                ${queue.items.map(
                  ({ incident: i, reasons }) =>
                    html`<tr>
                      <td><a href="/incidents/${i.id}#analyst">${incidentCode(i.id)}</a></td>
                      <td class="nowrap">${i.date ?? 'undated'}</td>
                      <td>${i.place ?? 'unknown'}</td>
                      <td class="nowrap">${formatTimestamp(i.createdAt)}</td>
                      <td>
                        <ul class="reasons">
                          ${reasons.map((r) => html`<li class="reason-${r.code}">${r.message}</li>`)}
                        </ul>
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
      }`,
  });
}
