import { html, type SafeHtml } from '../html.ts';
import { layout } from './layout.ts';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Log in needed',
  403: 'Not allowed',
  404: 'Not found',
  429: 'Too many requests',
  500: 'Server error',
};

/** The page for a failed request: the status, and what went wrong in words. */
export function errorPage(status: number, message: string): SafeHtml {
  const title = TITLES[status] ?? `Error ${status}`;
  return layout({
    title,
    main: html`<h1>${title}</h1>
      <p class="error-message">${message}</p>
      ${status === 401 ? html`<p><a href="/login">Log in</a></p>` : null}
      <p><a href="/incidents">Back to the incidents</a></p>`,
  });
}
