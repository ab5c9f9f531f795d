import { IDENTIFIER_KINDS, IDENTIFIERS } from '@ringwatch/kinds';
import { describe, expect, it } from 'vitest';
import type { NetworkGraph } from '../types';
import { addToGraph, buildNetworkGraph, nodeColour } from './build';
import { confidenceColour, IDENTIFIER_COLOURS, SHOP_STATUS_COLOURS } from './palette';

const data: NetworkGraph = {
  truncated: false,
  nodes: [
    { id: 'S1', type: 'shop', kind: 'shop', label: 'One', status: 'active', confidence: 0.9, hub: false, shopCount: null },
    { id: 'S2', type: 'shop', kind: 'shop', label: null, status: 'suspended', confidence: 0.2, hub: false, shopCount: null },
    { id: 'device:d1', type: 'identifier', kind: 'device', label: 'd1', status: null, hub: false, shopCount: 2 },
    { id: 'dispatch:w', type: 'identifier', kind: 'dispatch', label: 'Warehouse', status: null, hub: true, shopCount: 900 },
  ],
  edges: [
    { source: 'S1', target: 'device:d1', kind: 'device' },
    { source: 'S2', target: 'device:d1', kind: 'device' },
    { source: 'S1', target: 'dispatch:w', kind: 'dispatch' },
    { source: 'S1', target: 'missing', kind: 'phone' },
  ],
};

describe('explorer graph model', () => {
  it('turns the API graph into shops (discs) and identifiers (squares) with labels and colours', () => {
    const graph = buildNetworkGraph(data);
    expect(graph.order).toBe(4);
    expect(graph.size).toBe(3);
    expect(graph.getNodeAttributes('S1')).toMatchObject({ type: 'circle', label: 'One', color: SHOP_STATUS_COLOURS.active });
    expect(graph.getNodeAttributes('S2')).toMatchObject({ label: 'S2', color: SHOP_STATUS_COLOURS.suspended });
    expect(graph.getNodeAttributes('device:d1')).toMatchObject({ type: 'square', color: IDENTIFIER_COLOURS.device });
    // A hub is bigger than a two-shop identifier (its size says how widely it is shared).
    expect(graph.getNodeAttribute('dispatch:w', 'size')).toBeGreaterThan(graph.getNodeAttribute('device:d1', 'size'));
  });

  it('lays out the same graph the same way every time, identifiers between their shops', () => {
    const a = buildNetworkGraph(data);
    const b = buildNetworkGraph(data);
    a.forEachNode((node, attrs) => expect([attrs.x, attrs.y]).toEqual([b.getNodeAttribute(node, 'x'), b.getNodeAttribute(node, 'y')]));
    const mid = (a.getNodeAttribute('S1', 'x') + a.getNodeAttribute('S2', 'x')) / 2;
    expect(Math.abs(a.getNodeAttribute('device:d1', 'x') - mid)).toBeLessThanOrEqual(3);
  });

  it('expands without duplicating or moving what is there', () => {
    const graph = buildNetworkGraph(data);
    const before = graph.getNodeAttributes('S1');
    const added = addToGraph(
      graph,
      {
        truncated: false,
        nodes: [data.nodes[0]!, { id: 'S3', type: 'shop', kind: 'shop', label: 'Three', status: 'active', hub: false, shopCount: null }],
        edges: [
          { source: 'S3', target: 'device:d1', kind: 'device' },
          { source: 'S1', target: 'device:d1', kind: 'device' },
        ],
      },
      'status',
      { x: 100, y: 100 },
    );
    expect(added).toBe(1);
    expect(graph.getNodeAttributes('S1')).toEqual(before);
    expect(graph.hasEdge('S3', 'device:d1')).toBe(true);
    expect(graph.size).toBe(4);
  });

  it('colours by membership confidence on request, darker for stronger members', () => {
    expect(nodeColour(data.nodes[0]!, 'confidence')).toBe(confidenceColour(0.9));
    expect(nodeColour(data.nodes[2]!, 'confidence')).toBe(IDENTIFIER_COLOURS.device);
    const lightness = (hex: string) => parseInt(hex.slice(1, 3), 16) + parseInt(hex.slice(3, 5), 16) + parseInt(hex.slice(5, 7), 16);
    expect(lightness(confidenceColour(0.9))).toBeLessThan(lightness(confidenceColour(0.2)));
  });

  it('colours every identifier kind as the registry says, and a kind this build does not know grey', () => {
    for (const kind of IDENTIFIER_KINDS) expect(nodeColour({ ...data.nodes[2]!, kind }, 'status')).toBe(IDENTIFIERS[kind].colour);
    expect(nodeColour({ ...data.nodes[2]!, kind: 'tax_id' }, 'status')).toBe('#666666');
  });
});
