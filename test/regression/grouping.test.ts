/**
 * Regression corpus for how sentences become events: short reports written for these tests, each
 * standing for a pattern that once went wrong.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadExtractor } from '../../src/compose.ts';
import type { ExtractedDocument } from '../../src/domain/extraction.ts';

const extract = loadExtractor();

function run(text: string, published = '2017-04-10'): ExtractedDocument {
  return extract({ id: 't', text, published, title: null, url: null, outlet: null });
}

describe('grouping regressions', () => {
  it('folds a governorate mention into the village strike it introduces', () => {
    const doc = run(
      'Coalition jets struck Raqqa province on Sunday, activists said.\n\n' +
        'The raid on the village of Hanida, west of the city, killed 14 civilians, the monitor said.',
    );
    assert.equal(doc.events.length, 1);
    const [e] = doc.events;
    assert.match(e!.place_text ?? '', /village of Hanida/);
    assert.equal(e!.date, '2017-04-09');
    assert.deepEqual(e!.killed, { min: 14, max: 14 });
  });

  it('keeps a city strike with its own different toll apart from a village strike', () => {
    const doc = run(
      'Air strikes on Idlib city killed 9 people on Saturday.\n\n' +
        'In the village of Kafr Takharim, a separate raid killed 3 people on Saturday.',
    );
    assert.equal(doc.events.length, 2);
  });

  it('does not take the war-wide toll for a strike', () => {
    const doc = run(
      'Russian jets bombed the town of Saraqeb on Sunday, killing five people.\n\n' +
        'More than 320000 people have been killed since the conflict began in 2011.',
    );
    assert.equal(doc.events.length, 1);
    assert.deepEqual(doc.events[0]!.killed, { min: 5, max: 5 });
  });

  it('keeps the small toll of a sentence that also mentions the war', () => {
    const doc = run(
      'Monitors said 12 people were killed in the air strike on the village of Hass on Sunday, the deadliest on a school since the war began.',
    );
    assert.deepEqual(doc.events[0]?.killed, { min: 12, max: 12 });
  });

  it('resolves a village with the governorate named in its own sentence', () => {
    const doc = run(
      'Strikes hit Deir ez-Zor city on Sunday and killed 4 people.\n\n' +
        'Air strikes also hit the village of al-Khan in the province of Hasakah on Sunday, killing 6 people.',
    );
    const khan = doc.events.find((e) => e.place_text?.includes('al-Khan'));
    assert.equal(khan?.admin1, 'Hasakah');
  });

  it('treats a landmark the strike was near as part of the same strike', () => {
    const doc = run(
      'Jets struck the village of Hass in Idlib province on Wednesday, killing 20 people.\n\n' +
        'The raids hit a school in the village, a few kilometres south-west of Kafranbel.',
    );
    assert.equal(doc.events.length, 1);
  });
});

describe('place and attribution regressions', () => {
  it('names a facility next to its village', () => {
    const doc = run(
      'Jets hit the Falcon military camp, killing four soldiers, near the town of Ayyash on Sunday, officials said.',
    );
    assert.match(doc.events[0]?.place ?? '', /^Falcon military camp, near Ayyash$/);
  });

  it('drops "unknown" once a perpetrator is named for the same strike', () => {
    const doc = run(
      'An air strike hit a market in the town of Saraqeb on Sunday, killing six people. It was not clear who carried it out.\n\n' +
        'Activists later said Russian jets had struck the market in Saraqeb.',
    );
    assert.deepEqual(
      doc.events.flatMap((e) => e.attributed.map((a) => a.belligerent)),
      ['russia'],
    );
  });

  it('does not take a campaign total for a strike toll', () => {
    const doc = run(
      'Russian jets struck the town of Saraqeb on Sunday, killing five people.\n\nThe monitor said in late October that raids had killed 3,276 fighters.',
    );
    assert.deepEqual(
      doc.events.map((e) => e.killed),
      [{ min: 5, max: 5 }],
    );
  });
});

describe('non-state attacks', () => {
  it('reports no strike when the text pins the attack on a non-state group', () => {
    const doc = run(
      'Shells hit a school in the Qaboun district on Monday, killing nine children.\n\n' +
        'State media said the mortar rounds were fired by terrorists from a nearby neighbourhood.',
    );
    assert.equal(doc.events.length, 0);
  });

  it('keeps a strike that a state force is blamed for in the same text', () => {
    const doc = run(
      'Regime jets struck the town of Saraqeb on Monday, killing six people.\n\n' +
        'Rebels fired rockets at government-held areas in response.',
    );
    assert.equal(doc.events.length, 1);
  });
});

describe('places with tolls of their own', () => {
  it('splits "11 were killed in A and another man died in B" into two strikes with the lead attribution', () => {
    const doc = run(
      'Regime air strikes kill 12 in northern Syria\n\n' +
        'Eleven civilians were killed in Saraqeb on Sunday and another man died in the village of Kafr Nabl, the monitor said.',
    );
    const byPlace = new Map(doc.events.map((e) => [e.place, e]));
    assert.deepEqual(byPlace.get('Saraqeb')?.killed, { min: 11, max: 11 });
    assert.deepEqual(byPlace.get('Kafr Nabl')?.killed, { min: 1, max: 1 });
    assert.deepEqual(
      doc.events.map((e) => e.attributed.map((a) => `${a.belligerent}/${a.stance}`)),
      [['syria-regime/blames'], ['syria-regime/blames']],
    );
  });
});

describe('statements', () => {
  it('a statement of the side that struck confirms it', () => {
    const doc = run(
      'Russian jets struck the town of Saraqeb on Sunday, killing four fighters, the defence ministry said in a statement.',
    );
    assert.deepEqual(
      doc.events[0]?.attributed.map((a) => `${a.belligerent}/${a.stance}`),
      ['russia/confirms'],
    );
  });

  it('Tupolev bombers are Russian', () => {
    const doc = run('Six Tupolev bombers struck near the town of Sukhna on Sunday, killing 12 fighters.');
    assert.deepEqual(
      doc.events[0]?.attributed.map((a) => a.belligerent),
      ['russia'],
    );
  });
});

describe('non-state attacks, other phrasings', () => {
  it('bombs that opposition forces exploded in tunnels are not a strike', () => {
    const doc = run(
      'Bombs killed 13 soldiers in Aleppo on Tuesday.\n\nOpposition forces exploded bombs in tunnels under the old city, a monitor said.',
    );
    assert.equal(doc.events.length, 0);
  });
});

describe('landmarks', () => {
  it('a place told relative to a landmark is not a same-named village elsewhere', () => {
    const doc = run(
      'Coalition jets struck Maisaloun farm north of Raqqa city on Sunday, killing ten people.',
    );
    assert.equal(doc.events[0]?.admin1, 'Raqqa');
  });
});

describe('tolls of another day', () => {
  it('a toll dated to an earlier attack is not the new strike toll', () => {
    const doc = run(
      'One woman was killed in an air strike on Saturday on the town of Saraqeb.\n\n' +
        'It was the first death in the town since an attack on Tuesday that killed 87 civilians.',
    );
    assert.deepEqual(doc.events[0]?.killed, { min: 1, max: 1 });
  });
});

describe('capitals speaking', () => {
  it('"Damascus called the raid an aggression" is the government speaking, not a place struck', () => {
    const doc = run(
      'Coalition jets struck an army camp near the town of Ayyash on Sunday, killing three soldiers.\n\n' +
        "Damascus called the raid a flagrant aggression. The coalition rejected Damascus's account.",
    );
    assert.deepEqual(
      doc.events.map((e) => e.place),
      ['Ayyash'],
    );
  });
});

describe('deployments', () => {
  it('aircraft deployed to a base are not a strike there', () => {
    const doc = run('Moscow has deployed Su-34 bombers to an air base near Latakia in recent weeks.');
    assert.equal(doc.events.length, 0);
  });

  it('keeps a strike whose perpetrator is named only in a broad mention folded into it, in a text that also tells of rebel attacks', () => {
    const doc = run(
      'Government warplanes bombed Hama on Sunday, killing at least 12 people, a monitor said.\n\n' +
        'An attack on the village of Kafr Zeita killed at least 12 people, the monitor said. ' +
        'Rebels have launched assaults on army positions nearby.',
    );
    assert.equal(doc.events.length, 1);
    assert.equal(doc.events[0]!.place, 'Kafr Zeita');
    assert.ok(doc.events[0]!.attributed.some((a) => a.belligerent === 'syria-regime'));
  });

  it('does not date a strike by the byline ("Posted on ...")', () => {
    const doc = run(
      'Posted on April 2 2017 by Staff Writer Beirut A medical charity said government helicopters bombed Kafr Zeita on March 25. ' +
        'The strike hit the entrance of the town hospital, killing two nurses.',
      '2017-04-02',
    );
    assert.equal(doc.events.length, 1);
    assert.equal(doc.events[0]!.date, '2017-03-25');
  });

  it('dates a strike by the day a source spoke when a photo caption runs into its sentence', () => {
    const doc = run(
      'Jets pound eastern town\n\n' +
        'Warplanes are seen over Idlib province March 2 2017 (Example Agency) The toll from air strikes on the town of Maarat al-Numan has risen to 30 people, the monitor said on Sunday.',
      '2017-04-10',
    );
    assert.equal(doc.events.length, 1);
    assert.equal(doc.events[0]!.date, '2017-04-09');
    assert.equal(doc.events[0]!.background, false);
  });

  it('gives a strike told with "also" the day of the news before it, not that of a later sentence', () => {
    const doc = run(
      'On Saturday government shelling on the village of Mesraba killed four civilians, the monitor said. ' +
        'In the town of Harasta shells also hit a market, wounding nine people. ' +
        'On Thursday seven people were killed in the Eastern Ghouta region.',
    );
    const harasta = doc.events.find((e) => e.place === 'Harasta');
    assert.equal(harasta?.date, '2017-04-08');
  });

  it('keeps a toll told in the byline sentence for the strike of an earlier day', () => {
    const doc = run(
      'April 10 2017 Activists reported that at least 40 people died in barrel bomb attacks by government helicopters. ' +
        'The bombs hit a camp near the town of Saraqeb on Saturday, killing mostly women and children.',
    );
    assert.equal(doc.events.length, 1);
    assert.equal(doc.events[0]!.date, '2017-04-08');
    assert.deepEqual(doc.events[0]!.killed, { min: 40, max: null });
  });

  it('does not take a helicopter shot down for a strike', () => {
    const doc = run(
      'Four crew killed as army helicopter is shot down\n\n' +
        'All four crew members of a Syrian army helicopter that was shot down over the town of Saraqeb on Sunday were killed, the defence ministry said.',
    );
    assert.equal(doc.events.length, 0);
  });

  it('does not report a car bombing with no named state force as a strike', () => {
    const doc = run(
      'Bomb blast kills 30 in Homs suburb\n\n' +
        'At least 30 people were killed when a car bomb exploded in the town of Talbiseh on Friday. No group has claimed the bombing.',
    );
    assert.equal(doc.events.length, 0);
  });

  it('reads "the province of X" as the governorate, which folds into the town struck there', () => {
    const doc = run(
      'Coalition strikes on the town of Abu Kamal killed 19 civilians on Sunday, the monitor said. ' +
        'The toll of the coalition strikes in the province of Deir ez-Zor on Sunday may rise, state television said.',
    );
    assert.equal(doc.events.length, 1);
    assert.equal(doc.events[0]!.place, 'Abu Kamal');
  });

  it('places a strike told "outside" a city in the district named next, and leaves out the toll of a rebel rocket attack', () => {
    const doc = run(
      'Government air strikes killed at least 45 people in a rebel-held area outside Damascus, a monitor said on Friday. ' +
        'It said the air force carried out 40 strikes on the Eastern Ghouta district on Thursday. ' +
        'The monitor said the raids answered rocket attacks by Jaish al-Islam insurgents on Thursday which killed 6 people in Damascus.',
    );
    assert.equal(doc.events.length, 1);
    assert.match(doc.events[0]!.place ?? '', /Ghouta/);
    assert.deepEqual(doc.events[0]!.killed, { min: 45, max: null });
  });

  it('does not count deaths in ground fighting as a strike toll', () => {
    const doc = run(
      'Fighting raged between government forces and rebels on all fronts in Hama, with air raids by government warplanes. ' +
        'A rebel commander said hundreds of pro-government fighters were killed in this battle.',
    );
    assert.ok(doc.events.every((e) => e.killed === null));
  });

  it('makes "fresh strikes on the city" on another day another strike at the same place', () => {
    const doc = run(
      'Air strikes on the town of Saraqeb killed 12 civilians on Saturday, the monitor said on Sunday. ' +
        'The monitor said there were fresh air strikes against the town on Sunday, one of which hit the market. ' +
        'It said those raids appeared to have been carried out by Russian jets.',
    );
    assert.deepEqual(
      doc.events.map((e) => [e.place, e.date]),
      [
        ['Saraqeb', '2017-04-08'],
        ['Saraqeb', '2017-04-09'],
      ],
    );
  });

  it('makes a follow-up attack with its own toll ("minutes later ... another 20") its own strike', () => {
    const doc = run(
      'Russian jets struck positions near the town of Mayadin on Sunday. Thirty militants were killed, the ministry said. ' +
        'Half an hour later a bomber carried out another attack on the same position, killing another 15 militants, it added.',
    );
    assert.deepEqual(
      doc.events.map((e) => e.killed),
      [
        { min: 30, max: 30 },
        { min: 15, max: 15 },
      ],
    );
  });

  it('reports no strike from an undated photo caption', () => {
    const doc = run(
      'Government jets struck the town of Saraqeb on Sunday, killing nine people, a monitor said. ' +
        'Men carry the body of one of three people killed in an air strike in the Bustan al-Qasr district of Aleppo. (Example Agency) ' +
        'The United Nations said thousands had fled the fighting.',
    );
    assert.deepEqual(
      doc.events.map((e) => e.place),
      ['Saraqeb'],
    );
  });

  it('does not take the toll of a ground attack by IS for a strike', () => {
    const doc = run(
      'Government jets struck the town of Kafr Zeita on Saturday, killing six rescuers. ' +
        'Separately, the army said its troops repelled an attack by Daesh on the town of Khanaser, where 25 soldiers were killed.',
    );
    assert.deepEqual(
      doc.events.map((e) => e.place),
      ['Kafr Zeita'],
    );
  });

  it('places a strike told near a governorate capital in the village a later sentence names with the same toll', () => {
    const doc = run(
      'At least 10 civilians were killed in coalition strikes west of the city of Raqqa, state media reported. ' +
        '"Coalition aviation caused bloodshed in Khuneida town in the western Raqqa countryside, resulting in the deaths of at least 10 civilians," it said, citing residents.',
    );
    assert.equal(doc.events.length, 1);
    assert.equal(doc.events[0]!.place, 'Khuneida');
  });

  it('keeps a toll told in "a village near X" apart from the strike on X itself', () => {
    const doc = run(
      'Coalition jets killed at least 12 people in raids on a northern district of Manbij on Sunday, the monitor said. ' +
        'It said five more people were killed in a village near Manbij in similar raids.',
    );
    assert.deepEqual(
      doc.events.map((e) => e.killed),
      [
        { min: 12, max: null },
        { min: 5, max: 5 },
      ],
    );
  });

  it('dates a strike by "Wednesday\'s attack" rather than by the morning someone spoke of it', () => {
    const doc = run(
      "This morning a ministry spokesman claimed that footage of the site of Wednesday's attack on a school that left at least 20 dead was staged. " +
        'The attack took place in the town of Saraqeb.',
      '2017-04-14',
    );
    assert.equal(doc.events.length, 1);
    assert.equal(doc.events[0]!.date, '2017-04-12');
  });
});

describe('one strike told through many sources', () => {
  const report =
    'On Monday, an air strike hit a family home in the town of Saraqeb, killing at least three civilians.\n\n' +
    'Neighbours shared photographs of the ruined house and of the funeral.\n\n' +
    'A relative wrote on social media that the victims had been sleeping when the house collapsed.\n\n' +
    'A local news page initially reported that two people were killed, while a rescuer posted that five people died.';

  it('a later source figure without a place joins the only strike', () => {
    const doc = run(report);
    assert.equal(doc.events.length, 1);
    assert.deepEqual(doc.events[0]!.killed, { min: 3, max: 5 });
  });

  it('a higher count of people raises the most the civilian toll may be, never its least', () => {
    const doc = run(report);
    assert.deepEqual(doc.events[0]!.civilians_killed, { min: 3, max: 5 });
  });

  it("a source's open count of people is the most that source gives", () => {
    const lead =
      'On Monday, an air strike hit a house in the town of Saraqeb, killing at least nine civilians.\n\n';
    assert.deepEqual(
      run(lead + 'A rescuer said that more than 12 people died.').events[0]!.civilians_killed,
      {
        min: 9,
        max: 13,
      },
    );
    // Told in the text's own voice, an open figure stays open.
    assert.deepEqual(run(lead + 'More than 12 people died.').events[0]!.civilians_killed, {
      min: 9,
      max: null,
    });
  });

  it('does not count fighters into the civilian toll', () => {
    const doc = run(
      'On Monday, an air strike hit a checkpoint in the town of Saraqeb, killing at least three civilians.\n\n' +
        'Neighbours shared photographs of the burnt cars.\n\n' +
        'A rescuer later posted that eight people died, among them four fighters.',
    );
    assert.deepEqual(doc.events[0]!.civilians_killed, { min: 3, max: null });
  });

  it('a figure for a neighbourhood of the struck town is a source figure, not another strike', () => {
    const doc = run(
      'At least six people were killed when helicopters dropped barrels on Aleppo on Monday.\n\n' +
        'Rescuers reported four deaths after the barrels fell on the Sukkari neighbourhood in Aleppo.',
    );
    assert.equal(doc.events.length, 1);
    assert.match(doc.events[0]!.place ?? '', /Sukkari/);
  });
});

describe("the text's own lead figure", () => {
  it('stands over a lower figure that one source gives', () => {
    const doc = run(
      'On Monday, an air strike hit a house in the town of Saraqeb, killing at least nine civilians.\n\n' +
        'A local radio station said that five civilians were killed, while a medic posted that 11 civilians died.',
    );
    assert.deepEqual(doc.events[0]!.civilians_killed, { min: 9, max: 11 });
  });

  it('stands over a lower figure told later in the text, a part of it', () => {
    const doc = run(
      'On Friday, six members of the Haddad family and four members of the Karim family were killed when an air strike hit their homes in the town of Saraqeb.\n\n' +
        'The Karim house next door collapsed, killing four members of the family.',
    );
    assert.deepEqual(doc.events[0]!.killed, { min: 10, max: 10 });
  });

  it('a toll told just before the strike sentence is its lead', () => {
    const doc = run(
      'At dawn on Monday, at least 12 people were killed. An air strike hit their building in the town of Saraqeb, wounding five others.\n\n' +
        'A local agency said that seven bodies had been recovered.',
    );
    assert.equal(doc.events.length, 1);
    assert.deepEqual(doc.events[0]!.killed, { min: 12, max: null });
  });

  it('is the first figure of the paragraph the strike is told in', () => {
    const doc = run(
      'Russian jets struck a house in the town of Saraqeb on Monday. Nine members of one family were reportedly killed.\n\n' +
        'A rights group said that six people were killed.',
    );
    assert.deepEqual(doc.events[0]!.killed, { min: 9, max: 9 });
  });

  it('a headline is no lead: the lowest figure stated stays the least', () => {
    const doc = run(
      'Air strikes kill nine in Saraqeb\n\n' +
        'Air strikes hit a house in the town of Saraqeb on Monday, the monitor said that seven people were killed.',
    );
    assert.equal(doc.events[0]!.killed?.min, 7);
  });
});

describe('victims in the plural without a number', () => {
  it('join the strike told before them: at least two', () => {
    const doc = run(
      'Russian jets struck a house in the town of Saraqeb on Monday. Local sources reported that civilians were killed and injured.',
    );
    assert.equal(doc.events.length, 1);
    assert.deepEqual(doc.events[0]!.killed, { min: 2, max: null });
    assert.deepEqual(doc.events[0]!.injured, { min: 2, max: null });
  });

  it('start no event of their own', () => {
    assert.equal(
      run('Local sources reported that civilians were killed and injured in Saraqeb.').events.length,
      0,
    );
  });

  it('does not take an outlet named after a place ("Halab Today") for that place', () => {
    const doc = run(
      'Halab Today reported that Russian warplanes struck a market on Sunday, killing nine people.',
    );
    assert.equal(doc.events.length, 1);
    assert.notEqual(doc.events[0]!.admin1, 'Aleppo');
  });

  it('does not take one named civilian inside a larger toll of people for the civilian toll', () => {
    const doc = run(
      'At least 19 people, including a journalist and eight children, were killed when jets struck a house in the town of Saraqeb on Sunday.',
    );
    assert.deepEqual(doc.events[0]!.civilians_killed, { min: 19, max: null });
  });

  it('takes "Gaza strip" for the territory, not for Gaza City', () => {
    const doc = run(
      'An air strike on a house in the town of Rafah, Gaza strip, killed five civilians and injured three on Friday.',
    );
    assert.equal(doc.events.length, 1);
    assert.equal(doc.events[0]!.place, 'Rafah');
    assert.deepEqual(doc.events[0]!.killed, { min: 5, max: 5 });
  });

  it('does not take the first word of an outlet or of a named school for a place', () => {
    const doc = run(
      'Jets struck the Hassan Salama School in Khan Younis on Sunday, killing 12 people, Shehab News Agency said.',
    );
    assert.equal(doc.events.length, 1);
    assert.equal(doc.events[0]!.place?.includes('Khan'), true);
  });

  it('keeps a toll told after a place and the town it lies in ("in Bani Suhaila, Khan Younis, killed two")', () => {
    const doc = run(
      'An air strike on a family home in Bani Suhaila, Khan Younis, killed two women and injured many others in Gaza on Friday.',
    );
    assert.equal(doc.events.length, 1);
    assert.deepEqual(doc.events[0]!.killed, { min: 2, max: 2 });
  });

  it('does not take the family a house is named after for a place ("the al-Durra residence")', () => {
    const doc = run(
      'Four people were killed in an air strike on the al-Durra residence in the Bureij camp in Gaza on Friday.',
    );
    assert.equal(doc.events.length, 1);
    assert.doesNotMatch(doc.events[0]!.place ?? '', /Durra/);
  });
});
