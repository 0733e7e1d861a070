/**
 * Reports written for the browser tests, beside the server fixtures: strikes in Iraq, Yemen and
 * Rif Dimashq, so the map spreads over three countries.
 */
import type { Fixture } from '../fixtures/server-store.ts';

export const E2E_REPORTS: Fixture[] = [
  {
    key: 'mosul',
    outlet: 'Mosul Eye',
    title: 'Coalition strike kills nine in western Mosul',
    url: 'https://mosul.example/strike',
    published: '2017-03-18',
    mediaType: 'text/plain',
    text: `Coalition strike kills nine in western Mosul

MOSUL, Iraq, 18 March 2017

A US-led coalition airstrike killed nine civilians, among them four children, in the Iraqi city of Mosul on Friday, residents of Nineveh province said. The coalition said it was investigating the report.`,
  },
  {
    key: 'sanaa',
    outlet: 'Yemen Monitor',
    title: 'Airstrike on funeral hall in Sanaa',
    url: 'https://yemen.example/sanaa',
    published: '2016-10-09',
    mediaType: 'text/plain',
    text: `Airstrike on funeral hall in Sanaa

SANAA, Yemen, 9 October 2016

Saudi-led coalition warplanes struck a funeral hall in the Yemeni capital Sanaa on Saturday, killing at least 20 civilians and injuring 45, medics said. The coalition denied carrying out the strike.`,
  },
  {
    key: 'douma',
    outlet: 'Ghouta Media Centre',
    title: 'Market bombed in Douma',
    url: 'https://ghouta.example/douma',
    published: '2015-08-17',
    mediaType: 'text/plain',
    text: `Market bombed in Douma

DOUMA, 17 August 2015

Syrian government aircraft bombed a crowded market in Douma on Sunday, killing 25 civilians and injuring 60, according to rescue workers. Residents blamed regime warplanes for the raid.`,
  },
];
