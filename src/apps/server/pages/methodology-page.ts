import {
  DATE_PRECISION_DEFINITIONS,
  GRADE_DEFINITIONS,
  LOCATION_PRECISION_DEFINITIONS,
  STRIKE_STATUS_DEFINITIONS,
} from '../../../domain/definitions.ts';
import { html, type SafeHtml } from '../html.ts';
import { layout } from './layout.ts';

function definitions(entries: Record<string, string>): SafeHtml {
  return html`<dl class="definitions">
    ${Object.entries(entries).map(
      ([term, text]) =>
        html`<dt>${term}</dt>
          <dd>${text}</dd>`,
    )}
  </dl>`;
}

/** What the grades, statuses and precisions mean, and how the rules decide them. */
export function methodologyPage(): SafeHtml {
  return layout({
    title: 'Methodology',
    section: 'methodology',
    main: html`<h1>Methodology</h1>
      <p class="lead">
        Every incident is built from reports: each report is archived as received, its strike claims are
        extracted with the passage each figure comes from, claims about the same moment and place are gathered
        into one incident, and the incident is assessed by the rules below. Every decision keeps the rule that
        made it and a sentence saying why, shown on the incident page.
      </p>

      <section>
        <h2>Grading</h2>
        <p>
          The first rule that applies decides, in this order: Discounted, Confirmed, Contested, Fair, Weak. A
          source is an outlet; several reports from one outlet count once. Headline totals count Fair and
          Confirmed incidents only.
        </p>
        ${definitions(GRADE_DEFINITIONS)}
      </section>

      <section>
        <h2>Strike status</h2>
        <p>
          Declared when a belligerent confirms (even if the incident is Discounted); Contested when several
          belligerents are blamed; Likely when two or more outlets report it; a single source claim otherwise.
        </p>
        ${definitions(STRIKE_STATUS_DEFINITIONS)}
      </section>

      <section>
        <h2>Belligerents</h2>
        <p>
          A belligerent is <strong>known</strong> when it confirmed the strike or judged the allegation
          credible, or when it is the only one named, blamed outright by two or more outlets and not denied.
          It is <strong>suspected</strong> otherwise: others are named too, it denied, a single outlet blames
          it, or it is only named with a hedge. Each source's stance per belligerent is shown as a chip:
          blames, denies, confirms or unsure.
        </p>
      </section>

      <section>
        <h2>Casualties</h2>
        <p>
          Each category (killed, civilians, children, women, combatants, injured) is a range over the claims
          that state it: the lowest figure stated up to the highest exact figure, open (“at least”) when an
          open figure reaches past it. Civilian is the default status unless a report says otherwise; when one
          outlet calls the dead fighters and another civilians, the civilian minimum is 0.
        </p>
      </section>

      <section>
        <h2>Location precision</h2>
        <p>
          How precisely the place is known; the point shown is the place named, not the point of impact,
          unless the precision is exact.
        </p>
        ${definitions(LOCATION_PRECISION_DEFINITIONS)}
      </section>

      <section>
        <h2>Date precision</h2>
        ${definitions(DATE_PRECISION_DEFINITIONS)}
      </section>

      <section>
        <h2>Known limits</h2>
        <ul>
          <li>Outlets are told apart by name: wire copy carried by several outlets counts several times.</li>
          <li>
            Fair asks for belligerent action in the vicinity that day; strike logs are not checked for it yet.
          </li>
          <li>Discounted because another party was most likely responsible is left to analysts.</li>
        </ul>
      </section>`,
  });
}
