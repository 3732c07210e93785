/** A change notification as text: the e-mail body and the Slack/Teams message. */
import type { ChangeNotification, FindingChange } from '../inventory/model.js';

export function subjectLine(n: ChangeNotification): string {
  const why = n.reason === 'kb-update' ? 'after a knowledge-base update' : n.reason === 'schedule' ? 're-read from its source' : 'new upload';
  return `Covered: ${n.inventory} v${n.version} (${why}): ${n.counts.new} new, ${n.counts.changed} changed, ${n.counts.resolved} resolved findings`;
}

function line(c: FindingChange): string {
  const before = c.before ? ` (was ${c.before.state}, ${c.before.severity}${c.before.state === c.state && c.before.severity === c.severity ? ', on other facts' : ''})` : '';
  return `${c.kind.toUpperCase().padEnd(8)} ${c.label} — ${c.measure} → ${c.subject}: ${c.state}, ${c.severity}${before}`;
}

export function textBody(n: ChangeNotification): string {
  return [
    subjectLine(n),
    '',
    `Inventory: ${n.inventory}, version ${n.version}, scan ${n.scanId}`,
    `Knowledge base: ${n.kb}`,
    '',
    ...n.changes.map(line),
    ...(n.truncated ? ['', `(only the first ${n.changes.length} changes are listed; see the inventory in Covered for all)`] : []),
    '',
    `Delivery ${n.id}`,
  ].join('\n');
}

/** Slack and Microsoft Teams incoming webhooks both accept a JSON body with `text`. */
export function chatBody(n: ChangeNotification): { text: string } {
  const shown = n.changes.slice(0, 20).map((c) => `• ${line(c)}`);
  const more = n.changes.length > 20 || n.truncated ? [`…and ${n.counts.new + n.counts.changed + n.counts.resolved - shown.length} more`] : [];
  return { text: [`*${subjectLine(n)}*`, ...shown, ...more].join('\n') };
}
