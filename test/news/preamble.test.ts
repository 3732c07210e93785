/**
 * A Federal Register document's preamble says what the document is; its summary speaks of the rule
 * in the present tense. The texts below follow the layout of Federal Register documents (US
 * government works, in the public domain), shortened.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { preambleOf } from '../../src/news/preamble.js';
import { events, summary } from './helpers.js';

const proposedRule = [
  'Securing the Information and Communications Technology and Services Supply Chain: Connected Vehicles',
  '',
  'Department of Commerce Bureau of Industry and Security',
  '15 CFR Part 791',
  'AGENCY:',
  'Bureau of Industry and Security, Department of Commerce.',
  'ACTION:',
  'Notice of proposed rulemaking.',
  'SUMMARY:',
  'In this notice of proposed rulemaking, the Bureau of Industry and Security proposes a rule to address undue or unacceptable risks posed by classes of transactions involving information and communications technology and services supplied by persons subject to the jurisdiction of certain foreign adversaries, and which are integral to connected vehicles.',
  'DATES:',
  'Comments to this proposed rule must be received on or before October 28, 2024.',
].join('\n');

const finalRule = [
  'Additions to the Entity List',
  '',
  'AGENCY: Bureau of Industry and Security, Commerce.',
  'ACTION: Final rule.',
  'SUMMARY: In this final rule, the Bureau of Industry and Security amends the Export Administration Regulations by adding Huawei Technologies Co., Ltd. to the Entity List.',
  'DATES: This rule is effective May 16, 2019.',
].join('\n');

const gpoNotice =
  'Final Determination: Case No. ICTS-2021-002, Kaspersky Lab, Inc.\n\n[Federal Register Volume 89, Number 121 (Monday, June 24, 2024)] [Notices] [Pages 52434-52437] ' +
  'DEPARTMENT OF COMMERCE Bureau of Industry and Security Final Determination: Case No. ICTS-2021-002, Kaspersky Lab, Inc. Pursuant to the authorities granted in Executive Order 13873, ' +
  "the Department has reviewed transactions involving anti-virus software supplied by Kaspersky Lab, Inc. The Department finds that Kaspersky's provision of anti-virus software to U.S. persons poses undue and unacceptable risks to U.S. national security.";

describe('Federal Register preambles', () => {
  test('the ACTION heading gives the stage, AGENCY the actor, DATES the effective date', () => {
    assert.deepEqual(
      { ...preambleOf(proposedRule), summary: undefined },
      { agency: 'Bureau of Industry and Security, Department of Commerce', action: 'Notice of proposed rulemaking', status: 'proposed', summary: undefined },
    );
    const final = preambleOf(finalRule);
    assert.deepEqual([final?.status, final?.effective], ['enacted', '2019-05-16']);
    // A document that is no stage of an act has no preamble to read.
    assert.equal(preambleOf('AGENCY: Federal Communications Commission.\nACTION: Notice of meeting.\nSUMMARY: The Commission will hold an open meeting.'), undefined);
    assert.equal(preambleOf('The agency said on Monday that its action was final.'), undefined);
  });

  test('a proposed rule that speaks of classes of transactions is a proposed ban on the class, by the agency', () => {
    assert.deepEqual(summary(proposedRule, '2024-09-26'), ['US ban generic:CN-connected-vehicles proposed']);
    const [e] = events(proposedRule, '2024-09-26');
    assert.equal(e?.actor.authority, 'Commerce (BIS)');
  });

  test("a final rule's summary is the act at the rule's stage, dated by its effective date", () => {
    const [e] = events(finalRule, '2019-05-21');
    assert.deepEqual([e?.action, e?.status, e?.date], ['entity-list', 'enacted', '2019-05-16']);
  });

  test("the Government Publishing Office's text of a notice: its subject names the stage", () => {
    assert.deepEqual(summary(gpoNotice, '2024-06-24'), ['US ban kaspersky enacted']);
  });
});
