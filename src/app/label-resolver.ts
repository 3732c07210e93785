import { resolveGuessed } from '../match/identifiers/guess-field.js';
import { SAME_THRESHOLD } from '../match/names/compare.js';
import type { Context } from './context.js';

/**
 * The group an item's label resolves to, for items without findings: an inventory of TP-Link
 * routers has no finding before a measure names TP-Link, and is exactly what a threat to TP-Link
 * concerns.
 */
export function labelResolver(ctx: Context): (label: string) => string | undefined {
  return (label) => {
    const { outcome } = resolveGuessed(ctx.resolver, label);
    const best = outcome.resolutions[0];
    if (!best || best.confidence < SAME_THRESHOLD) return undefined;
    return ctx.kb.organisations[best.entity.id]?.group ?? ctx.kb.products[best.entity.id]?.group;
  };
}
