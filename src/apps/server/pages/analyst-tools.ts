/** The analyst's part of the incident page: who is logged in, and the forms that change it. */
import { canWrite } from '../../../domain/account.ts';
import { FIELD_LABELS } from '../../../domain/apply-overrides.ts';
import { EDITABLE_FIELDS } from '../../../domain/incident-overrides.ts';
import type { Account } from '../analyst-auth.ts';
import { html, type SafeHtml } from '../html.ts';
import type { IncidentView } from '../incident-view.ts';

function csrfField(account: Account): SafeHtml {
  return html`<input type="hidden" name="csrf" value="${account.csrfToken ?? ''}" />`;
}

const REASON = html`<label class="wide"
  >Reason (for the change history) <input type="text" name="reason" required maxlength="2000"
/></label>`;

/** Logged in as whom, with the review queue and a logout button. */
export function accountBar(account: Account): SafeHtml {
  return html`<div class="account-bar">
    Logged in as <strong>${account.user.name}</strong> (${account.user.role})${canWrite(account.user.role) ? html` · <a href="/review">Review queue</a>` : null}
    <form method="post" action="/logout" class="inline-form">
      ${csrfField(account)}<button type="submit">Log out</button>
    </form>
  </div>`;
}

function form(
  action: string,
  title: string,
  fields: SafeHtml | null,
  button: string,
  account: Account,
): SafeHtml {
  return html`<h3>${title}</h3>
    <form class="filters" method="post" action="${action}">
      ${csrfField(account)} ${fields} ${REASON}
      <div class="form-actions"><button type="submit">${button}</button></div>
    </form>`;
}

function claimLabel(c: IncidentView['claims'][number]): string {
  return `claim ${c.claim.id}: ${c.report?.outlet ?? 'unknown outlet'}${c.report?.published ? `, ${c.report.published}` : ''}`;
}

/** The analyst forms for an incident; for a viewer, only who is logged in; nothing for a visitor. */
export function analystTools(view: IncidentView, account: Account | null | undefined): SafeHtml | null {
  if (!account || account.via !== 'session') return null;
  if (!canWrite(account.user.role))
    return html`<section class="analyst" aria-label="Account">${accountBar(account)}</section>`;
  const base = `/incidents/${view.incident.id}`;
  const claims = view.claims;
  const current = view.incident as unknown as Record<string, unknown>;
  return html`<section class="analyst" id="analyst">
    <h2>Analyst</h2>
    ${accountBar(account)}
    ${form(
      `${base}/edit`,
      'Edit a field',
      html`<label
          >Field
          <select name="field">
            ${EDITABLE_FIELDS.map(
              (f) =>
                html`<option value="${f}">${FIELD_LABELS[f]} (now ${String(current[f] ?? 'unknown')})</option>`,
            )}
          </select></label
        >
        <label>New value (empty: back to the assessment's) <input type="text" name="value" /></label>`,
      'Save',
      account,
    )}
    ${
      claims.length > 1
        ? form(
            `${base}/detach`,
            'A claim is not about this incident',
            html`<label class="wide"
              >Claim
              <select name="claimId">
                ${claims.map((c) => html`<option value="${c.claim.id}">${claimLabel(c)}</option>`)}
              </select></label
            >`,
            'Take it out',
            account,
          )
        : null
    }
    ${form(
      `${base}/merge`,
      'Merge another incident into this one',
      html`<label>Incident id <input type="number" name="source" min="1" required /></label>`,
      'Merge',
      account,
    )}
    ${
      claims.length > 1
        ? form(
            `${base}/split`,
            'Split claims off into a new incident',
            html`<fieldset class="wide">
              <legend>Claims that leave</legend>
              ${claims.map(
                (c) =>
                  html`<label><input type="checkbox" name="claims" value="${c.claim.id}" /> ${claimLabel(c)}</label>`,
              )}
            </fieldset>`,
            'Split',
            account,
          )
        : null
    }
    ${form(`${base}/reassess`, 'Assess again over its claims', null, 'Re-run assessment', account)}
    ${form(`${base}/review`, 'Mark reviewed (leaves the review queue until it changes)', null, 'Mark reviewed', account)}
  </section>`;
}
