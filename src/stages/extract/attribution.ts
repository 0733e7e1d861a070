/** Who is said to have carried out a strike, by whom, and with what stance, in one sentence. */
import type { Stance } from '../../domain/extraction.ts';
import type { AliasHit, LexiconIndex } from './lexicon-index.ts';
import { matches } from './text.ts';

export interface Claim {
  belligerent: string;
  stance: Stance;
  by: string;
  start: number;
  end: number;
}

const STRIKE_NOUN_AFTER =
  /^[\s'’s-]*(?:(?:and|or|\/)\s+[a-z-]+\s+)?(?:(?!(?:on|in|at|for|about|over|after|to|from|with|against|into|of|by|the)\s)[a-z-]+\s+){0,2}?(?:jets?|warplanes?|war planes?|fighter jets?|fighter planes?|aircraft|aircrafts|planes?|air ?force|airforce|air strikes?|airstrikes?|air raids?|strikes?|raids?|bombers?|helicopters?|gunships?|drones?|missiles?|rockets?|bombs?|bombardment|bombing|shelling|shells|artillery|aviation|airplanes?|air power|attacks?|barrel bombs?|navy|warships?|operation|forces bombed|strike)\b/;
const STRIKE_VERB_AFTER =
  /^[\s,]*(?:(?:has|have|had|also|reportedly|allegedly|apparently|then|later|again|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|repeatedly|heavily|[a-z]+ly)\s+){0,3}(?:bombed|bombs|bombing|struck|strikes|hit|hits|shelled|shells|pounded|pounds|targeted|targets|attacked|attacks|carried out|carries out|conducted|conducts|launched|launches|dropped|drops|fired|fires|raided|killed|kills|destroyed|destroys|razed|strafed|blasted|massacred|committed)\b/;
const AGENT_BEFORE =
  /(?:\bby|blamed(?: it)? on|blaming(?: it)? on|blamed|blaming|accused|accusing|accuses|blames|carried out by|conducted by|belonging to|belonged to|belong to|attributed to|responsibility of|launched by|perpetrated by|(?:strikes?|raids?|bombing|bombardment|shelling|fire|missiles?|rockets?|attacks?|jets|warplanes|planes|aircraft|bombs)\s+(?:from|of))\s+(?:the\s+)?(?:(?:suspected|alleged|presumed|presumably|possibly|either|both|apparently|likely|unidentified|probably)\s+)?(?:the\s+)?$/;
const TARGET_BEFORE =
  /(?:against|on|targeting|targeted|target|attacked|attacking|hit|hitting|struck|bombed|shelled|at|toward|towards|near|into|held by|controlled by|positions of)\s+(?:the\s+)?(?:[a-z-]+\s+){0,1}$/;
const TARGET_AFTER =
  /^[\s'’s-]*(?:[a-z-]+\s+)?(?:positions?|troops|soldiers|checkpoints?|camps?|bases?|barracks|targets|convoy|outposts?|posts?|airport|airbase|held|controlled|-held|-controlled|territory|areas?|lines|frontlines?)\b/;
const DENY =
  /\b(?:den(?:y|ied|ies|ying|ial)|dismiss(?:ed|es|ing)|reject(?:ed|s|ing)|refut(?:ed|es|ing)|did not (?:carry out|conduct|strike|target|bomb|launch|hit|participate|take part)|didn'?t (?:carry out|conduct|strike|target|bomb)|had not (?:carried out|conducted)|not (?:responsible|involved)|no (?:involvement|role)|were not (?:responsible|involved|ours)|was not (?:responsible|involved)|(?:fake|false|fabricated|baseless|unfounded) (?:reports?|claims?|allegations?|news)|no (?:[a-z-]+ ){0,2}(?:strikes|flights|sorties|operations) (?:were|was) (?:conducted|carried out|flown)|not conduct(?:ed)? any|no (?:[a-z-]+ ){0,2}strikes (?:in|near|on))/;
const CONFIRM =
  /\b(?:acknowledg(?:ed|es|ing)|admit(?:ted|s|ting)?|accept(?:ed|s)? responsibility|took responsibility|claimed responsibility|assum(?:ed|es) responsibility|regrettable|regretted|regrets|unintentional(?:ly)?|inadvertent(?:ly)?|mistakenly|by mistake|(?:assessed|deemed|found) (?:the (?:report|allegation) )?(?:to be )?credible|it (?:had )?(?:carried out|conducted|launched|struck|hit|targeted|destroyed)|(?:its|our) (?:jets?|aircraft|warplanes|planes|strikes?|forces|air force|aviation|drones?) (?:had )?(?:struck|hit|targeted|destroyed|carried out|conducted|bombed|eliminated|killed)|we (?:carried out|conducted|struck|hit|targeted|destroyed)|announced (?:it|that it)|said (?:it|that it) (?:had )?(?:carried out|conducted|launched|struck|hit|targeted|destroyed|bombed|killed))\b/;
const HEDGE =
  /\b(?:suspected|believed|likely|probably|possibly|possible|allegedly|alleged|presumabl[ey]|presumed|purportedly|purported|thought to (?:be|have)|appeared to|apparently|either|unclear|not (?:immediately )?clear|unknown whether|not known whether|it is not known|it was not known|could not (?:be )?(?:confirm|verif|determin|independently)|investigat(?:ing|ion|e)|looking into|assessing|reviewing|may have|might have|unconfirmed|seem(?:ed|s)? to)\b/;
const UNKNOWN =
  /\b(?:no one (?:has )?(?:immediately )?claimed|nobody (?:has )?claimed|not (?:immediately )?clear who|unclear who|unknown (?:who|whether)|unidentified (?:jets?|warplanes?|aircraft|planes?|drones?|helicopters?)|unknown (?:jets?|warplanes?|aircraft|planes?|drones?)|it (?:is|was) not known who|of unknown (?:origin|nationality))\b/;

const SPEAKER_VERBS =
  '(?:said|says|say|reported|reports|report|claimed|claims|told|announced|announces|stated|states|accused|accuses|blamed|blames|added|confirmed|confirms|denied|denies|noted|wrote|tweeted|posted|alleged|alleges|insisted|charged|documented|recorded|quoted|cited|affirmed|indicated)';
const SPEAKER_BEFORE_RE = new RegExp(
  `((?:[A-Z][\\w'’.-]*|al-|el-|of|the|for|and)(?:\\s+(?:[A-Z][\\w'’.-]*|al-\\w+|el-\\w+|of|the|for|and|on|in)){0,7})\\s+(?:(?:has|have|had|also|later|earlier|then|previously)\\s+)?${SPEAKER_VERBS}\\b`,
  'g',
);
const SPEAKER_AFTER_RE = new RegExp(
  `\\b(?:according to|${SPEAKER_VERBS}(?: by)?|citing|cited by|quoted by)\\s+((?:the\\s+)?(?:[A-Z][\\w'’.-]*|al-\\w+)(?:\\s+(?:[A-Z][\\w'’.-]*|al-\\w+|of|for|on|and|in)){0,7})`,
  'g',
);
const GENERIC_SPEAKER =
  /\b(?:activists|residents|witnesses|local sources|sources|a monitor|the monitor|monitors|the observatory|rescuers|medics|rescue workers|officials|local media|media reports|state media|state television|opposition media|local residents|human rights groups|a war monitor|the war monitor|the rights group|a rights group|local activists|opposition activists|civil defence|the white helmets|opposition groups|the opposition|security sources|medical sources|military sources|a military source|a security source)\b/i;

const STOP_SPEAKER =
  /^(?:The|A|An|It|He|She|They|We|This|That|These|Those|But|And|In|On|At|Earlier|Later|Meanwhile|Also)$/;

function cleanSpeaker(raw: string): string | null {
  let s = raw.trim().replace(/^(?:the|The)\s+/, '');
  s = s.replace(/\s+(?:of|for|and|on|in|the)$/g, '').replace(/[.,;:'’]+$/, '');
  const words = s.split(/\s+/);
  while (words.length > 0 && STOP_SPEAKER.test(words[0]!)) words.shift();
  if (words.length === 0) return null;
  // Drop a trailing weekday or month that a punctuation-stripped text glued on.
  while (
    words.length > 1 &&
    /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|On)$/.test(words.at(-1)!)
  )
    words.pop();
  const out = words.join(' ');
  if (
    /^(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?|It|He|She|They|We|the|a|an)$/.test(
      out,
    )
  )
    return null;
  return out.length > 1 ? out : null;
}

export interface Speaker {
  start: number;
  end: number;
  name: string;
}

/** Sources named as saying something in the sentence. */
export function findSpeakers(sentence: string, lex: LexiconIndex): Speaker[] {
  const out: Speaker[] = [];
  for (const o of lex.outletIn(sentence)) out.push({ start: o.start, end: o.end, name: o.name });
  for (const m of matches(SPEAKER_AFTER_RE, sentence)) {
    const name = cleanSpeaker(m[1]!);
    if (name) out.push({ start: m.index + m[0].length - m[1]!.length, end: m.index + m[0].length, name });
  }
  for (const m of matches(SPEAKER_BEFORE_RE, sentence)) {
    const name = cleanSpeaker(m[1]!);
    if (name) out.push({ start: m.index, end: m.index + m[1]!.length, name });
  }
  const g = GENERIC_SPEAKER.exec(sentence);
  if (g) out.push({ start: g.index, end: g.index + g[0].length, name: g[0].replace(/^(?:the|a)\s+/i, '') });
  // Prefer longer names at the same place.
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out.filter(
    (s, i) =>
      !out.some(
        (o, j) => j !== i && o.start <= s.start && o.end >= s.end && o.end - o.start > s.end - s.start,
      ),
  );
}

const NOT_BUT = /^\s*,?\s*(?:and\s+)?not\s+(?:the\s+)?$/;
const SYRIAN_CODE = 'syria-regime';
const SYRIAN_PAIRED =
  /\bsyrian(?=\s*(?:,\s*|and\s+|or\s+|&\s*|\/\s*)?(?:russian|iranian)\b)|\b(?:russian|iranian)\s*(?:,|and|or|&|\/)\s*syrian\b/g;
const JOINED =
  /^[\s'’s]*(?:(?:air ?force|jets?|warplanes?|war planes?|planes?|aircraft|forces|troops|army|military|helicopters?|bombers?|drones?)\s+)?(?:,|and|or|and\/or|\/|as well as|along with|together with)\s*(?:(?:their|its|the|his|her)\s+)?$/;

const SELF_SPEAKER_AFTER =
  /^[\s,]*(?:[a-z-]+\s+){0,3}?(?:said|says|announced|acknowledged|admitted|stated|reported|confirmed|conceded)\b/;
const SAID_BY_BEFORE = /\b(?:said|according to)\s+(?:the\s+)?$/;
const SELF_STRIKE =
  /\b(?:its|our|we)\b(?:\s+[a-z-]+){0,3}\s+(?:air ?strikes?|strikes?|raids?|jets?|aircraft|warplanes?|munitions?|bombs?)\b/;

/** A capital standing for its government ("Damascus said") is a speaker only where it speaks. */
const METONYM = /^(?:damascus|moscow|washington|ankara|tehran|kremlin|the kremlin)$/;
const SPEAKS_AFTER =
  /^[\s,]*(?:(?:has|have|had|also|later|earlier|again|repeatedly|on [a-z]+)\s+){0,2}(?:said|says|announced|stated|confirmed|confirms|acknowledged|admitted|claimed|claims|denied|denies|rejected|rejects|insisted|accused|accuses|blamed|blames|told|dismissed|responded|declared|maintained)\b/;
const SPEAKS_BEFORE = /(?:according to|statement (?:from|by)|spokes(?:man|woman|person) for)\s+(?:the\s+)?$/;

function speaksAsOfficial(hit: AliasHit, lower: string): boolean {
  if (!METONYM.test(lower.slice(hit.start, hit.end))) return true;
  return (
    SPEAKS_AFTER.test(lower.slice(hit.end, hit.end + 60)) ||
    SPEAKS_BEFORE.test(lower.slice(Math.max(0, hit.start - 40), hit.start))
  );
}

const HELD_BY =
  /\b(?:held|controlled|run|manned|occupied|besieged|backed|supported|trained|armed|protected|surrounded)\s+by\s+(?:the\s+)?$/;
// "a Russian drone sent to the area found no damage": an aircraft seen doing something else.
const NOT_STRIKING_AFTER =
  /^\s*(?:(?:that|which|was|were|had|has|been)\s+){0,2}(?:sent|taken|took|taking|flew|flying|patrolled|patrolling|monitored|monitoring|spotted|found|saw|recorded|filmed|observed|photographed|surveyed|tracked|escorted|landed|crashed|shot down|was shot|were shot)\b/;
const MODAL_AFTER = /^\s*(?:would|will|could|can|may|might|should|must|plans? to|intends? to)\b/;

function isPerpetrator(hit: AliasHit, lower: string): boolean {
  const before = lower.slice(Math.max(0, hit.start - 40), hit.start);
  const after = lower.slice(hit.end, hit.end + 60);
  if (TARGET_AFTER.test(after) && TARGET_BEFORE.test(before)) return false;
  if (HELD_BY.test(before)) return false;
  const noun = STRIKE_NOUN_AFTER.exec(after);
  // "US aircraft would defend the troops": a possibility, not a strike.
  if (noun) {
    const rest = after.slice(noun[0].length);
    return !MODAL_AFTER.test(rest) && !NOT_STRIKING_AFTER.test(rest);
  }
  if (STRIKE_VERB_AFTER.test(after)) return true;
  if (AGENT_BEFORE.test(before))
    return /\b(?:strikes?|raids?|attacks?|bomb|shell|jets|planes|aircraft|warplanes|killed|responsib)/.test(
      lower,
    );
  return false;
}

/**
 * Attribution claims in one sentence. `isHeadline` names the headline as the source when no one
 * else is named.
 */
export function findClaims(sentence: string, lower: string, lex: LexiconIndex, isHeadline: boolean): Claim[] {
  // Pushed into one literal (not mapped): the arrays that reach the steps below keep one shape.
  const hits: AliasHit[] = [];
  for (const h of lex.belligerents(sentence, lower))
    hits.push(
      // A literal in the scan's field order, not a spread copy: every hit keeps one shape.
      h.official && !speaksAsOfficial(h, lower)
        ? { start: h.start, end: h.end, code: h.code, official: false }
        : h,
    );
  // "Syrian and Russian jets", "Russian or Syrian warplanes": "Syrian" beside another air force is the regime's.
  for (const m of matches(SYRIAN_PAIRED, lower)) {
    const start = m.index + m[0].indexOf('syrian');
    if (!hits.some((h) => h.start <= start && h.end > start))
      hits.push({ start, end: start + 6, code: SYRIAN_CODE, official: false });
  }
  hits.sort((a, b) => a.start - b.start);
  const claims: Claim[] = [];
  const unknownCue = UNKNOWN.exec(lower);
  const weaponHits = lex.weapons(lower);
  if (hits.length === 0 && !unknownCue && weaponHits.length === 0) return claims;
  // Read only when a claim needs a speaker: many sentences name a side and no one speaking.
  let speakers: Speaker[] | undefined;
  const officialCodes = new Set(hits.filter((h) => h.official).map((h) => h.code));
  const denial = DENY.test(lower);
  const confirm = CONFIRM.test(lower);
  const hedge = HEDGE.test(lower);
  const self = isHeadline ? 'the article itself (headline)' : 'the article itself';
  const speakerFor = (pos: number, exclude?: string): string => {
    let best: Speaker | null = null;
    let bestDist = Infinity;
    for (const s of (speakers ??= findSpeakers(sentence, lex))) {
      if (s.start <= pos && s.end > pos) continue;
      const d = Math.abs(s.start - pos);
      if (exclude && lower.slice(s.start, s.end).includes(exclude)) continue;
      if (d < bestDist) {
        best = s;
        bestDist = d;
      }
    }
    return best?.name ?? self;
  };
  const seen = new Set<string>();
  const add = (c: Claim): void => {
    const key = `${c.belligerent}|${c.stance}|${c.by}`;
    if (seen.has(key)) return;
    seen.add(key);
    claims.push(c);
  };
  const perpetrators = new Set(hits.filter((h) => isPerpetrator(h, lower)));
  // "Russia, not the coalition, bombed ...": the verb belongs to the first; the second is set aside,
  // and denied when its own officials say so.
  const contrasted = new Set<AliasHit>();
  for (const h of hits) {
    const other = hits.find((o) => o.start >= h.end && NOT_BUT.test(lower.slice(h.end, o.start)));
    if (other && perpetrators.has(other)) {
      perpetrators.delete(other);
      perpetrators.add(h);
      contrasted.add(other);
    }
  }
  // A belligerent joined by "and"/"or" to a perpetrator is named as one too ("by regime warplanes or
  // their Russian allies").
  for (let changed = true; changed;) {
    changed = false;
    for (const h of hits) {
      if (perpetrators.has(h)) continue;
      const partner = hits.find(
        (o) =>
          perpetrators.has(o) &&
          o.code !== h.code &&
          JOINED.test(o.end <= h.start ? lower.slice(o.end, h.start) : lower.slice(h.end, o.start)),
      );
      if (partner) {
        perpetrators.add(h);
        changed = true;
      }
    }
  }
  for (const hit of hits) {
    const perpetrator = perpetrators.has(hit);
    if (
      denial &&
      (perpetrator || hit.official || /\b(?:responsib|involve|carried out|conduct|strikes?)\b/.test(lower))
    ) {
      const official = hits.find((h) => h.official && h.code === hit.code);
      const by = official ? sentence.slice(official.start, official.end) : lex.label(hit.code);
      add({ belligerent: hit.code, stance: 'denies', by: cleanBy(by), start: hit.start, end: hit.end });
      continue;
    }
    if (contrasted.has(hit)) {
      const official = hits.find((h) => h.official && h.code === hit.code);
      if (official) {
        const by = cleanBy(sentence.slice(official.start, official.end));
        add({ belligerent: hit.code, stance: 'denies', by, start: hit.start, end: hit.end });
      }
      continue;
    }
    if (!perpetrator) continue;
    let stance: Stance = 'blames';
    let by = speakerFor(hit.start);
    if (hedge) stance = 'unsure';
    else if (
      officialCodes.has(hit.code) &&
      (confirm || hits.some((h) => h.official && h.code === hit.code && h.start !== hit.start))
    ) {
      stance = 'confirms';
      const off = hits.find((h) => h.official && h.code === hit.code);
      if (off) by = cleanBy(sentence.slice(off.start, off.end));
    } else if (
      confirm &&
      (speakers ??= findSpeakers(sentence, lex)).length === 0 &&
      /\b(?:its|our|we)\b/.test(lower)
    ) {
      stance = 'confirms';
      by = lex.label(hit.code);
    }
    add({ belligerent: hit.code, stance, by, start: hit.start, end: hit.end });
  }
  // Officials reporting a joint operation ("Turkish Armed Forces and the coalition hit ...", by the
  // Turkish General Staff) confirm it for both partners.
  for (const c of claims) {
    if (c.stance !== 'confirms') continue;
    for (const d of claims) {
      if (d === c || d.stance !== 'blames' || d.belligerent === c.belligerent) continue;
      const between = c.end <= d.start ? lower.slice(c.end, d.start) : lower.slice(d.end, c.start);
      if (JOINED.test(between)) {
        d.stance = 'confirms';
        d.by = c.by;
      }
    }
  }
  // "The coalition said one of its air strikes killed six civilians": a side speaking of its own
  // strike confirms it.
  for (const hit of hits) {
    if (claims.some((c) => c.belligerent === hit.code)) continue;
    const after = lower.slice(hit.end, hit.end + 80);
    if (
      !SELF_SPEAKER_AFTER.test(after) &&
      !SAID_BY_BEFORE.test(lower.slice(Math.max(0, hit.start - 12), hit.start))
    )
      continue;
    if (denial || (!confirm && !SELF_STRIKE.test(lower))) continue;
    add({
      belligerent: hit.code,
      // "said it was assessing the credibility of reports its strikes killed": not yet accepted.
      stance: hedge ? 'unsure' : 'confirms',
      by: lex.label(hit.code),
      start: hit.start,
      end: hit.end,
    });
  }
  const u = unknownCue;
  if (u && claims.length === 0)
    add({
      belligerent: 'unknown',
      stance: 'unsure',
      by: speakerFor(u.index),
      start: u.index,
      end: u.index + u[0].length,
    });
  // Single-user weapons name their user when no belligerent is named.
  if (claims.every((c) => c.belligerent === 'unknown')) {
    for (const w of weaponHits) {
      if (w.weapon.users.length !== 1) continue;
      add({
        belligerent: w.weapon.users[0]!,
        stance: hedge ? 'unsure' : 'blames',
        by: speakerFor(w.start),
        start: w.start,
        end: w.end,
      });
    }
  }
  return claims;
}

function cleanBy(s: string): string {
  return s.replace(/^the\s+/i, '').replace(/\b[a-z]/, (c) => c.toUpperCase());
}
