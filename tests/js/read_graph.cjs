#!/usr/bin/env node
// Reads an actorgraph GEXF or GraphML file with graphology's parsers (the readers of Gephi Lite and
// sigma.js tools) and prints it as JSON for tests/interop_check.py:
//   {"directed": bool, "multi": bool, "nodes": {id: attrs}, "edges": [[source, target, attrs]...]}
// Usage: node read_graph.cjs gexf|graphml FILE. Exit 2 with the parser's message when it fails.
'use strict';
const fs = require('fs');
const path = require('path');
const Graph = require('graphology');

const [format, file] = process.argv.slice(2);
try {
  const parser = require(format === 'gexf' ? 'graphology-gexf' : 'graphology-graphml');
  const text = fs.readFileSync(file, 'utf8');
  const graph = parser.parse(Graph, text, {addMissingNodes: false});
  const nodes = {};
  graph.forEachNode((id, attrs) => { nodes[id] = attrs; });
  const edges = [];
  graph.forEachEdge((key, attrs, source, target) => { edges.push([source, target, attrs]); });
  process.stdout.write(JSON.stringify({directed: graph.type === 'directed', multi: graph.multi,
                                       nodes, edges}));
} catch (err) {
  process.stdout.write(`graphology (${path.basename(file)}): ${err && err.message}\n`);
  process.exit(2);
}
