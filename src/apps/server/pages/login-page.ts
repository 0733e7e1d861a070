import { html, type SafeHtml } from '../html.ts';
import { layout } from './layout.ts';

export interface LoginForm {
  /** Token of the login form, also in its cookie: the POST must carry both. */
  csrf: string;
  /** Where to go after logging in (a path on this site). */
  next: string;
  name?: string;
  message?: string | null;
}

/** The login form; a failed attempt says so without telling whether the name exists. */
export function loginPage(form: LoginForm): SafeHtml {
  return layout({
    title: 'Log in',
    main: html`<h1>Log in</h1>
      <p class="muted">For analysts and viewers with an account. Everyone else can read every page without one.</p>
      ${form.message ? html`<p class="notice" role="alert">${form.message}</p>` : null}
      <form class="filters" method="post" action="/login">
        <input type="hidden" name="csrf" value="${form.csrf}" />
        <input type="hidden" name="next" value="${form.next}" />
        <label>Name <input type="text" name="name" autocomplete="username" required value="${form.name ?? ''}" /></label>
        <label
          >Password <input type="password" name="password" autocomplete="current-password" required
        /></label>
        <div class="form-actions"><button type="submit">Log in</button></div>
      </form>`,
  });
}

/** What a logged-in user sees at /login: who they are and a way out. */
export function loggedInPage(name: string, role: string, logout: SafeHtml): SafeHtml {
  return layout({
    title: 'Logged in',
    main: html`<h1>Logged in</h1>
      <p>You are logged in as <strong>${name}</strong> (${role}).</p>
      ${logout}`,
  });
}
