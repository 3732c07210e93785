/** A corporate group drawn with cytoscape: organisations as nodes, ownership and control as edges. */
import { useEffect, useRef } from 'react';
import cytoscape from 'cytoscape';

export interface GraphData {
  nodes: { id: string; name: string; listed: boolean }[];
  edges: { from: string; to: string; predicate: string; share?: number }[];
}

export function Graph({ data, focus, onSelect }: { data: GraphData; focus: string; onSelect?: (id: string) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const cy = cytoscape({
      container: ref.current,
      elements: [
        ...data.nodes.map((n) => ({ data: { id: n.id, label: n.name, listed: n.listed ? 1 : 0, focus: n.id === focus ? 1 : 0 } })),
        ...data.edges.map((e, i) => ({ data: { id: `e${i}`, source: e.from, target: e.to, label: `${e.predicate}${e.share !== undefined ? ` ${e.share}%` : ''}` } })),
      ],
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 10, 'text-wrap': 'wrap', 'text-max-width': '110px', 'background-color': '#94a3b8', 'text-valign': 'bottom', 'text-margin-y': 3, 'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': '1px', 'font-family': 'system-ui, "Noto Sans CJK SC", sans-serif' } },
        { selector: 'node[listed = 1]', style: { 'background-color': '#b91c1c' } },
        { selector: 'node[focus = 1]', style: { 'border-width': 3, 'border-color': '#0f172a' } },
        { selector: 'edge', style: { label: 'data(label)', 'font-size': 8, color: '#475569', 'text-rotation': 'autorotate', 'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': '1px', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', width: 1.5, 'line-color': '#64748b', 'target-arrow-color': '#64748b' } },
      ],
      // Nodes are spaced by the size of their labels, so neighbouring names do not overlap.
      layout: { name: 'breadthfirst', directed: true, spacingFactor: 1.15, padding: 20, nodeDimensionsIncludeLabels: true },
      wheelSensitivity: 0.3,
    });
    if (onSelect) cy.on('tap', 'node', (e) => onSelect(e.target.id()));
    return () => cy.destroy();
  }, [data, focus, onSelect]);
  return <div ref={ref} className="graph" role="img" aria-label="ownership graph" />;
}
